"""What every command shares: global state, the unit of work, option types, value parsing,
the question before a change (``--yes``) and the exit of ``--check``."""

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import date, tzinfo
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer._click.core import Command
from typer._click.types import IntParamType, ParamType, StringParamType

from dirtrack.errors import DirtrackError, InvalidInput, NoSuchFile, NotFound
from dirtrack.i18n import N_, Choices, Composed
from dirtrack.kinds import CATEGORY_NAMES, KIND_NAMES, MeetingKind
from dirtrack.patterns import LazyPattern
from dirtrack.periods import (
    CUTOFF_NAMES,
    Cutoff,
    Period,
    office_today,
    parse_date,
    parse_period,
    parse_quarter,
    zone_named,
)
from dirtrack.render import OutputFormat, ReportFormat
from dirtrack.status import STATUS_NAMES

if TYPE_CHECKING:  # the commands that only read never open an ORM session
    from sqlalchemy import Connection, Engine
    from sqlmodel import Session


class Named(ParamType):
    """A code given as itself or by one of its Vietnamese names: ``--kind "giao ban"``.

    Case, accents and punctuation do not matter (:func:`dirtrack.text.match_name`); the value
    is the code, as JSON shows it. Shell completion offers the codes that the typed text
    starts (a code or a name), each with its names as the description.

    Args:
        names: code -> its other names (``dirtrack.kinds.KIND_NAMES`` and the like).
        unknown: the error for a word that names nothing; default Click's usage error.
    """

    name = "choice"

    def __init__(
        self,
        names: Mapping[str, tuple[str, ...]],
        unknown: Callable[[str, Choices], Exception] | None = None,
    ) -> None:
        self.names = names
        self.unknown = unknown

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        from dirtrack.text import match_name

        refuse_empty(self, str(value), param, ctx)  # not "unknown verdict ''"
        code = match_name(str(value), self.names)
        if code is not None:
            return str(code)
        if self.unknown is not None:
            raise self.unknown(str(value), Choices(self.names))
        # Click's words, said in the run's language later (i18n.click_text); the choices with
        # their Vietnamese names under --lang vi
        lang = "en"
        if ctx is not None:
            from dirtrack.cli.app import session_lang

            lang = session_lang(ctx)
        self.fail(f"{value!r} is not one of {Choices(self.names, quoted=True).render(lang)}.",
                  param, ctx)  # fmt: skip

    def shell_complete(self, ctx: Any, param: Any, incomplete: str) -> list[Any]:
        from typer._click.shell_completion import CompletionItem

        from dirtrack.text import fold_words

        key = fold_words(incomplete)
        return [
            CompletionItem(str(code), help=", ".join(_said_once(names)))
            for code, names in self.names.items()
            if any(fold_words(word).startswith(key) for word in (code, *names))
        ]


def _said_once(names: Sequence[str]) -> list[str]:
    """Each name once: ``("sơ kết, tổng kết", "sơ kết", "tổng kết")`` is two names."""
    return list(dict.fromkeys(part.strip() for name in names for part in name.split(",")))


class Lang(StrEnum):
    VI = "vi"
    EN = "en"


@dataclass
class State:
    """What the root options and the configuration give a command (database, language, actor,
    time zone), and what it gathers while it runs."""

    db: str | None
    lang: str
    # Whether the language was asked for (--lang, DIRTRACK_LANG, the configuration file), not
    # taken from LANG: what a unit reads (the mail with its pack) is Vietnamese unless asked.
    lang_asked: bool = False
    # Who makes the changes, for the change log: --actor / DIRTRACK_ACTOR, else the OS user.
    actor: str | None = None
    # The zone people read times in (history): --timezone / the file's timezone, else the
    # machine's own (None).
    timezone: str | None = None
    # What a command has to say about a value it read (a deadline moved off a day off), said
    # on stderr once its transaction is written (:func:`notice`); a refused command says only
    # its one Error: line.
    notices: list[str] = field(default_factory=list)
    # What a writing command prints once its change is recorded (:func:`when_recorded`).
    when_recorded: list[Callable[["Session"], None]] = field(default_factory=list)
    # The occurrences of periodic directives made for this command, not yet committed
    # (:func:`ensure_occurrences`): the transaction and its session.
    generating: "tuple[ExitStack, Session] | None" = None
    # A change rolled back because the reader of stdout went away before it took the output
    # (``import … | head``): the run says so, though a reader that leaves is otherwise quiet.
    unrecorded: bool = False
    # The command's last write transaction (not the occurrences made for it) committed a
    # change, and no other is open: a stop (Ctrl-C, SIGTERM) from then on says so, not "Error:".
    saved: bool = False
    # The engine a read of this command opened and checked (:func:`read_only`): a later read
    # of the same command (the report after the look for missing occurrences, remind's
    # :func:`unit_of_work` that only reads) runs on its connection, kept until the command
    # ends, without opening and checking the register a second time.
    opened: "Engine | None" = None

    def zone(self) -> tzinfo | None:
        """The zone of :attr:`timezone`, None for the machine's own.

        Raises:
            InvalidInput: no such zone.
        """
        return None if self.timezone is None else zone_named(self.timezone)


def state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        from dirtrack.i18n import default_lang

        root.obj = State(db=None, lang=default_lang())
    return root.obj


# Commands that only read: they start a deferred transaction, so they neither wait for nor hold
# up writers. Any other command writes: it takes the write lock when it begins.
READ_ONLY_COMMANDS = frozenset(
    {
        "list",
        "show",
        "meetings",
        "limitations",
        "overdue",
        "report",
        "unit list",
        "pack status",
        "field list",
        "leader list",
        "requests",
        "score",
        "remind",
        "history",
        "config",
        "doctor",
        "office",
    }
)


def command_name(ctx: typer.Context) -> str:
    """``assign``, ``unit add``…: the command path without the program's name."""
    return " ".join(ctx.command_path.split()[1:]) or ctx.command_path


def _given(params: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in params.items() if v is not None and v is not False and v != []}


@contextmanager
def unit_of_work(
    ctx: typer.Context,
    *,
    write: bool | None = None,
    name: str | None = None,
    damaged: bool = False,
    unchecked: bool = False,
) -> Iterator["Session"]:
    """Open the database and run the block as one transaction.

    ``write`` defaults to whether the command is missing from READ_ONLY_COMMANDS. The change
    log records the command (or ``name``), its options and the actor. A writing command prints
    its stdout in the block: it goes out before the commit (:func:`_output_before_commit`).
    ``damaged``: a register whose rows point to records that are not there is opened
    (``doctor --repair``); ``unchecked``: its transaction has foreign keys off on SQLite (the
    undo of a repair).
    """
    pending = state(ctx).generating
    if pending is not None:
        reads = write is False or (write is None and command_name(ctx) in READ_ONLY_COMMANDS)
        if reads:
            with _occurrences_made(ctx) as session:
                yield session
            return
        state(ctx).generating = None
        pending[0].close()  # a command that writes: they are committed first
    with (
        units_of_work(ctx, write=write, name=name, damaged=damaged, unchecked=unchecked) as begin,
        begin() as session,
    ):
        yield session


def _output_before_commit(ctx: typer.Context) -> Callable[["Session"], None]:
    """What a writing command prints on stdout goes out before its transaction is committed.

    A command prints its output (the new id, the record) inside its unit of work; what needs
    the change's id (``delete --format json``) is given to :func:`when_recorded`. Both are
    flushed once the change log is written (the change log's ``before_commit`` runs first),
    before the commit: stdout on a full disk then rolls the change back, one ``Error:`` line
    and the register as it was, instead of exit 1 over a change written (a script would run it
    again and record it twice).
    """

    def flush(session: "Session") -> None:
        if session.in_nested_transaction():
            return
        waiting = state(ctx).when_recorded
        while waiting:
            waiting.pop(0)(session)
        import sys

        sys.stdout.flush()

    return flush


def _note_when_saved(ctx: typer.Context, session: "Session", name: str) -> None:
    """Keep :attr:`State.saved` true from the moment the command's own transaction (named
    ``name``) commits a change until it opens another: a Ctrl-C or SIGTERM after it is said as
    a stop after the change was saved (:func:`dirtrack.cli.app.stopped`), not as a failure."""
    from sqlalchemy import event

    from dirtrack.audit import COMMAND_ID
    from dirtrack.store.history import GENERATE

    if name == GENERATE:  # the occurrences made for a command: not what it was asked to do
        return
    state(ctx).saved = False

    def saved(done: "Session") -> None:
        if done.info.get(COMMAND_ID) is not None:
            state(ctx).saved = True

    event.listen(session, "after_commit", saved)


def when_recorded(ctx: typer.Context, show: Callable[["Session"], None]) -> None:
    """Print with ``show`` once the unit of work's change is in the change log (its id in
    ``session.info``), before it is committed (:func:`_output_before_commit`)."""
    state(ctx).when_recorded.append(show)


def recorded_change(session: "Session") -> int | None:
    """The id of the command this unit of work has just recorded; None if it changed nothing
    (the same values given again: history records no change)."""
    from dirtrack.audit import COMMAND_ID

    found = session.info.get(COMMAND_ID)
    return found if isinstance(found, int) else None


def notice(ctx: typer.Context, message: str) -> None:
    """Say ``message`` on stderr when the command's transaction has been written.

    A note about what a command made of a value (the day a deadline moved to) is news only if
    the command went through: said at once, it stood above the ``Error:`` line of a command
    refused afterwards, two lines where a script reads one.
    """
    state(ctx).notices.append(message)


@contextmanager
def units_of_work(
    ctx: typer.Context,
    *,
    write: bool | None = None,
    name: str | None = None,
    damaged: bool = False,
    unchecked: bool = False,
) -> Iterator[Callable[[], AbstractContextManager["Session"]]]:
    """Open the database once for several units of work: the block gets a function whose
    every call is one transaction (as :func:`unit_of_work`, each its own change in history),
    all on the same connection (``pack in``: one transaction per file)."""
    from dirtrack.db import blank_file, open_engine, session_scope

    name = name or command_name(ctx)
    if write is None:
        write = name not in READ_ONLY_COMMANDS
    info: dict[str, object] = {"command": {"name": name, "params": _given(ctx.params)}}
    if write:  # who, for the change log; a command that only reads loads no change-log writer
        from dirtrack.audit import default_actor

        info["actor"] = state(ctx).actor or default_actor()
    # A file that is not there yet, or is there empty (0 bytes): a refused first command leaves
    # it as it was, not there or empty (:func:`dirtrack.db.remove_unwritten`).
    path = database_file(ctx)
    blank = bool(write) and path is not None and blank_file(path)
    new = bool(write) and path is not None and not path.exists() or blank
    opened = None if write or damaged else state(ctx).opened
    if opened is not None:  # a read after :func:`read_only`'s (remind's look for occurrences)
        from dirtrack.db import resolve_target

        engine, target = opened, resolve_target(state(ctx).db)
    else:
        engine, target = open_engine(
            state(ctx).db, create=write, damaged=damaged, command=command_name(ctx)
        )
    from dirtrack.db import made_schema

    new = made_schema(engine) and bool(write) or new

    @contextmanager
    def transaction() -> Iterator["Session"]:
        notices = state(ctx).notices
        try:
            scope = session_scope(engine, write=bool(write), info=info, unchecked=unchecked)
            with scope as session:
                if write:
                    from sqlalchemy import event

                    event.listen(session, "before_commit", _output_before_commit(ctx))
                    _note_when_saved(ctx, session, name)
                yield session
        except BaseException as exc:
            notices.clear()  # a refused transaction's notes are not news
            if write and isinstance(exc, BrokenPipeError):
                state(ctx).unrecorded = command_name(ctx) not in READ_ONLY_COMMANDS
            state(ctx).when_recorded.clear()
            raise
        from dirtrack.render import err

        while notices:
            err(notices.pop(0))

    try:
        yield transaction
    except BaseException as exc:
        if new:  # a refused first command leaves no empty database (or schema) behind
            import traceback

            from dirtrack.db import remove_unwritten

            # A statement cut short (Ctrl-C in the middle of an import's inserts) lives on in
            # the traceback's frames, and with it the connection, closed by SQLAlchemy but kept
            # by SQLite with its write lock until the statement goes: remove_unwritten then
            # waited the whole busy timeout (60 s) and left the new file behind.
            traceback.clear_frames(exc.__traceback__)
            remove_unwritten(engine, target, keep=blank)
            gone = target.path is not None and not target.path.exists()
            if (gone or blank) and isinstance(exc, NotFound) and not isinstance(exc, NoSuchFile):
                # A unit, meeting or id looked up in a database that was not there, or was an
                # empty file: say so, as a command that only reads does (a mistyped --db), not
                # "unknown unit".
                from dirtrack.errors import DatabaseError

                key = "db_empty_file" if blank else "no_database_at"
                raise DatabaseError.of(key, path=target.path) from None
        raise
    finally:
        engine.dispose()


def missing_database(ctx: typer.Context) -> bool:
    """Whether ``--db`` names a SQLite file that does not exist (yet)."""
    path = database_file(ctx)
    return path is not None and not path.exists()


@contextmanager
def read_only(ctx: typer.Context) -> Iterator["Connection"]:
    """Open the database for a command that only reads: one snapshot on a Core connection.

    For ``report``, ``overdue`` and ``list``: no ORM session, no change log.
    """
    if state(ctx).generating is not None:
        with _occurrences_made(ctx) as session:
            yield session.connection()
        return
    from dirtrack.db import read_scope

    engine = state(ctx).opened
    if engine is None:
        from dirtrack.db import made_schema, open_engine

        engine, _ = open_engine(state(ctx).db, create=False, command=command_name(ctx))
        made_schema(engine)  # asked, so that a later command of this process is not misled
        # Its connection is let go when the command ends, not after this read: the command's
        # next read (the report after the look for missing occurrences) or write runs on the
        # same one. A new connection to a server costs its start, the login and a cold cache
        # of every table it reads: about half of a short command's time on PostgreSQL.
        ctx.call_on_close(engine.dispose)
    with read_scope(engine) as conn:
        yield conn
    state(ctx).opened = engine


def database_file(ctx: typer.Context) -> Path | None:
    """The SQLite file ``--db`` names (None for PostgreSQL or memory): never an output file."""
    from dirtrack.db import resolve_target

    return resolve_target(state(ctx).db).path


def out_target(
    ctx: typer.Context, value: str | None, *, force: bool, fmt: str | None = None
) -> Path | None:
    """The file ``--out`` names, checked (see :func:`dirtrack.render.outfile.check_target`);
    None when output goes to stdout: no ``--out``, or ``--out -`` (as ``-`` reads standard
    input where a command reads a file; it made a file named ``-``). A name whose suffix says
    another format than ``fmt`` (``--out x.md --format docx``) is a usage error naming both.
    A refusal names ``--out`` as its ``option``: one the configuration file gave (``[score]
    out = "/"``) is said with the file's key."""
    from dirtrack.render.outfile import check_target, format_name, suffix_conflict

    if value is None or value == "-":
        return None
    if fmt is not None and (found := suffix_conflict(value, fmt)) is not None:
        suffix, key = found
        named = format_name(value, fmt)
        raise bad_parameter(ctx, key, "--out", path=value, suffix=suffix, fmt=fmt, named=named)
    try:
        return check_target(value, force=force, database=database_file(ctx))
    except DirtrackError as exc:
        exc.params.setdefault("option", "--out")
        raise


def today() -> date:
    """Today in the office (:func:`dirtrack.periods.office_today`)."""
    return office_today()


@contextmanager
def reading(option: str) -> Iterator[None]:
    """Read the value of ``option`` (a DATE, a deadline, a period): one refused is said with
    the option it was given with (``--due: '31/02/2025' is not a real date``), as other refused
    values are, its ``option`` kept so that a default the configuration file gave is said with
    the file's key instead."""
    try:
        yield
    except InvalidInput as exc:
        if exc.key is None or "option" in exc.params:
            raise
        from dirtrack.i18n import Phrase

        detail = Phrase(exc.key, **exc.params)
        raise InvalidInput.of("option_value", option=option, detail=detail) from None


def read_date(text: str, option: str) -> date:
    """The DATE ``text`` given with ``option`` (:func:`dirtrack.periods.parse_date`)."""
    with reading(option):
        return parse_date(text)


def day_or_today(text: str | None, option: str) -> date:
    return read_date(text, option) if text else today()


def event_day(text: str | None, option: str = "--date") -> date:
    """The day something happened (``done``, ``progress``, ``cancel``, ``resolve``, ``accept``…),
    given with ``option``: default today.

    A deadline, a meeting or a day off may lie ahead; what has happened may not: a year typed
    wrong (2999 for 2022) would be recorded without a word and judge every status by it.

    Raises:
        InvalidInput: not a DATE, or a day after today.
    """
    now = today()
    if not text:
        return now
    day = read_date(text, option)
    if day > now:
        raise InvalidInput.of("event_after_today", option=option, day=day, today=now)
    return day


def optional_day(text: str | None, option: str) -> date | None:
    return read_date(text, option) if text else None


def period_of(text: str, cutoff: Cutoff = Cutoff.CALENDAR) -> Period:
    """The period ``--period`` names."""
    with reading("--period"):
        return parse_period(text, cutoff, today=today())


def period_given(period: str | None, quarter: str | None, cutoff: Cutoff) -> Period:
    """The period ``--period`` or ``--quarter`` names (the command has checked one is given);
    ``--quarter`` takes a quarter only (:func:`dirtrack.periods.parse_quarter`)."""
    if quarter:
        with reading("--quarter"):
            return parse_quarter(quarter, cutoff, today=today())
    return period_of(period or "", cutoff)


def judged_day(as_of: str | None, span: Period) -> date:
    """T for a period's figures: ``--as-of``, else the period's end (today while it runs).

    A day before the period begins is refused: nothing of the period has happened on it, and
    figures of all zeros would pass for a real report. So is a period still to come without
    --as-of (today, its T, is before it begins).
    """
    day = optional_day(as_of, "--as-of")
    if day is None:
        now = today()
        if now < span.start:
            raise InvalidInput.of("period_not_begun", period=span, start=span.start, today=now)
        return min(span.end, now)
    if day < span.start:
        raise InvalidInput.of(
            "as_of_before_period", day=day, period=span, start=span.start, option="--as-of"
        )
    return day


def deadline(
    ctx: typer.Context,
    session: "Session",
    text: str,
    ref: date,
    *,
    option: str,
    after_tet: int | None = None,
    early_day: int | None = None,
) -> date:
    """Resolve a WHEN (:func:`dirtrack.periods.parse_deadline`) given with ``option`` on the
    office's calendar.

    A day the words name that is off and moves says so on stderr, with the day it moves to,
    once the command's transaction is written (:func:`notice`); so do words that name no year
    (``30/6``, ``quý II``, ``trước Tết``), with the year they were read in
    (:func:`dirtrack.periods.no_year_said`).
    """
    from dirtrack.i18n import msg
    from dirtrack.periods import AFTER_TET, EARLY_DAY, no_year_said, parse_deadline
    from dirtrack.store.calendar import load_workdays

    workdays = load_workdays(session.connection())

    def read(day: date) -> date:
        return parse_deadline(
            text,
            day,
            workdays,
            after_tet=AFTER_TET if after_tet is None else after_tet,
            early_day=EARLY_DAY if early_day is None else early_day,
        ).named  # the day the words name, before a move off a day off

    with reading(option):
        found = parse_deadline(
            text,
            ref,
            workdays,
            after_tet=AFTER_TET if after_tet is None else after_tet,
            early_day=EARLY_DAY if early_day is None else early_day,
        )
    # "30/6", "quý II", "trước Tết": the year is the meeting's (or --from's, or the nearest
    # Tết's), said rather than assumed
    if said := no_year_said(found.phrase, ref, found.due, read, workdays):
        notice(ctx, said.render(state(ctx).lang))
    if found.moved:
        notice(
            ctx,
            msg(
                "deadline_moved",
                state(ctx).lang,
                named=found.named,
                due=found.due,
                phrase=found.phrase,
            ),
        )
    return found.due


def say_passed(ctx: typer.Context, session: "Session") -> None:
    """Say on stderr, once the transaction is written (:func:`notice`), each part of a directive
    just recorded (or opened again) that passed to a retired unit's successor
    (:func:`dirtrack.store.units.hand_over_retired`)."""
    from dirtrack.i18n import msg
    from dirtrack.store.units import passed_in

    for directive_id, part in passed_in(session):
        key = "passed_lead" if part.lead else "passed_with"
        notice(
            ctx,
            msg(
                key if part.since is None else f"{key}_reopened",
                state(ctx).lang,
                unit=part.unit,
                date=part.on,
                id=directive_id,
                successor=part.successor,
                since=part.since,
            ),
        )


def ensure_occurrences(ctx: typer.Context, day: date | None = None) -> None:
    """Create the occurrences of periodic directives that a command about ``day`` (default
    today) needs (:func:`dirtrack.store.series.generate`), in a transaction of their own;
    nothing when none is missing or the database does not exist yet.

    The transaction stays open for the command's reading (:func:`read_only`, or a
    :func:`unit_of_work` that only reads, runs in it) and is committed once that has gone
    through: a command refused after it (an unknown ``--unit``, ``--fields``, id…) leaves the
    register as it was, instead of exit 1 over occurrences written.
    """
    if missing_database(ctx):
        return
    from dirtrack.store.series import generate, horizon_of, pending

    horizon = horizon_of(day or today(), today())
    with read_only(ctx) as conn:
        needed = pending(conn, horizon)
    if needed:
        from dirtrack.store.history import GENERATE  # the change log: only when writing

        stack = ExitStack()
        try:
            session = stack.enter_context(unit_of_work(ctx, write=True, name=GENERATE))
            with stack.pop_all() as held:
                generate(session, horizon)
                state(ctx).generating = (held.pop_all(), session)
        except Exception as exc:
            if not _cannot_write(exc):
                raise
            # a register one may only read (a read-only file, folder or file system): read as
            # it is, saying what it lacks, rather than refusing a command that only reads
            from dirtrack.i18n import msg
            from dirtrack.render import err

            err(msg("occurrences_not_made", state(ctx).lang, day=horizon))
        else:
            ctx.call_on_close(lambda: _drop_occurrences(ctx))


def _cannot_write(exc: BaseException) -> bool:
    """Whether ``exc`` is the database refusing to be written (read-only file, folder, file
    system, server), as the error boundary would say it."""
    from dirtrack.cli.app import _known_failure
    from dirtrack.errors import DatabaseError

    if isinstance(exc, DatabaseError):
        return exc.key == "db_read_only_at"
    known = _known_failure(exc)
    return known is not None and known[0] in ("db_read_only", "pg_read_only")


class _Dropped(Exception):
    """The command ended without reading the occurrences made for it: roll them back."""


def _drop_occurrences(ctx: typer.Context) -> None:
    """Roll back occurrences made for a command that never read them (refused before)."""
    pending = state(ctx).generating
    if pending is not None:
        state(ctx).generating = None
        pending[0].__exit__(_Dropped, _Dropped(), None)


@contextmanager
def _occurrences_made(ctx: typer.Context) -> Iterator["Session"]:
    """The session of :func:`ensure_occurrences`' open transaction, for the command's reading;
    committed when the block ends, rolled back when it fails."""
    pending = state(ctx).generating
    assert pending is not None
    state(ctx).generating = None
    stack, session = pending
    with stack:
        yield session


def dated_change(
    ctx: typer.Context,
    what: str,
    ident: int,
    on: str | None,
    change: Callable[["Session", int, date], object],
    message: str,
) -> None:
    """One dated write on one record (``done``, ``cancel``, ``progress``, ``resolve``…).

    Parses ``--date`` (default today; never after it), checks the id, runs ``change`` in one
    transaction and says what was done on stderr in the user's language.
    """
    from dirtrack.i18n import msg
    from dirtrack.render import err

    day = event_day(on)
    positive_id(ident, what)
    with unit_of_work(ctx) as session:
        change(session, ident, day)
        say_passed(ctx, session)
    err(msg(message, state(ctx).lang, id=ident, date=day))


def positive_id(value: int, what: str) -> int:
    """:func:`dirtrack.store.positive_id`, which the configuration file's defaults are checked
    by too; the store is imported when a command runs (``--help`` and ``--version`` never)."""
    from dirtrack.store import positive_id as checked

    return checked(value, what)


def from_file(ctx: typer.Context, name: str) -> bool:
    """Whether the value of the option ``name`` is a default the configuration file gave the
    command (``[assign] day = 20``), not one typed for this run: an option that goes with
    another (--day with --every, --number with --format docx) is then left out when that
    other is not in effect, rather than refused as a usage error nobody made."""
    from typer._click.core import ParameterSource

    return ctx.get_parameter_source(name) is ParameterSource.DEFAULT_MAP


def bad_parameter(
    ctx: typer.Context, key: str, hint: str, *, among: Sequence[str] = (), **params: object
) -> "typer.BadParameter | DirtrackError":
    """Click's usage error (exit 2) for options misused together (``hint``), giving the reason
    ``key`` (its placeholders filled from ``params``) in the user's language.

    Click's own words around it (``Invalid value for …``) are translated where it is shown.
    ``among``: the options that exclude each other. When one of them is a default the
    configuration file gave the command (``[urge] out``, then ``--dir`` typed), nobody
    misused the command line: it is one ``Error:`` line, exit 1, naming the file's key and the
    option typed (:func:`_excluded_by_file`).
    """
    from dirtrack.cli.app import OptionsMisused
    from dirtrack.i18n import error_text

    by_file = _excluded_by_file(ctx, key, among, params)
    if by_file is not None:
        return by_file
    return OptionsMisused(error_text(key, state(ctx).lang, params), param_hint=hint)


def _excluded_by_file(
    ctx: typer.Context, key: str, among: Sequence[str], params: Mapping[str, object]
) -> DirtrackError | None:
    """The error for options of ``among`` that exclude each other when one was given by the
    configuration file: the file and its key, the reason ``key``, and the options typed."""
    from typer._click.core import ParameterSource

    from_the_file: list[Any] = []
    typed: list[str] = []
    for param in ctx.command.params:
        if param.name is None or not set(param.opts) & set(among):
            continue
        if ctx.params.get(param.name) in (None, False, (), []):
            continue
        source = ctx.get_parameter_source(param.name)
        if source is ParameterSource.DEFAULT_MAP:
            from_the_file.append(param)
        elif source is not ParameterSource.DEFAULT:  # an argument by its placeholder
            option = param.param_type_name == "option"
            typed.append(
                max(param.opts, key=len) if option else param.human_readable_name.strip("[]")
            )
    if not from_the_file:
        return None
    from dirtrack.config import ConfigError, config_path, long_name
    from dirtrack.i18n import Phrase

    command = ctx.command_path.split()[1:]
    keys = ", ".join(".".join([*command, long_name(param)]) for param in from_the_file)
    where = f"{config_path()}: {keys}"
    if not typed:  # the file's own keys exclude each other
        return ConfigError.of("cfg_bad_value", where=where, detail=Phrase(key, **params))
    return ConfigError.of(
        "cfg_excluded", where=where, detail=Phrase(key, **params), typed=", ".join(typed)
    )


class GivenText(StringParamType):
    """The value of a text option: empty (``--date ''``) is an invalid value, never "not given".

    A script that passes an unset variable (``--unit "$UNIT"``) must stop, not widen a filter to
    every unit, record today's date or no deadline. To use an option's default, leave it out.
    """

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        text = super().convert(value, param, ctx)
        refuse_empty(self, text, param, ctx)
        return text


def refuse_empty(kind: ParamType, text: str, param: Any, ctx: Any) -> None:
    """The one refusal of an option given as empty (:class:`GivenText`, :class:`Named`): an
    invalid value, "an empty value; to use the default, leave the option out"."""
    if text == "":
        from dirtrack.cli.app import session_lang
        from dirtrack.i18n import default_lang, error_text

        lang = session_lang(ctx) if ctx is not None else default_lang()
        kind.fail(error_text("empty_value", lang, {}), param, ctx)


GIVEN_TEXT = GivenText()


class GivenFile(StringParamType):
    """A file named as an argument (``import FILE``, ``pack in FILE…``, ``backup FILE``): a
    blank name is refused, never read as the current folder. ``pack in "$INBOX"`` with INBOX
    unset read every workbook in the folder the script ran in, ``import ''`` and ``extract ''``
    said '.' was a folder, and ``backup ''`` wrote a dated copy there."""

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        text = super().convert(value, param, ctx)
        if not text.strip():
            from dirtrack.cli.app import session_lang
            from dirtrack.i18n import default_lang, error_text

            lang = session_lang(ctx) if ctx is not None else default_lang()
            self.fail(error_text("empty_file_name", lang, {}), param, ctx)
        if _WEB_ADDRESS.match(text) and not os.path.lexists(text):
            # read as a path, 'https://host/a.docx' was 'https:/host/a.docx: no such file' (a
            # name never typed); a file or folder that is named so is read as any other
            from dirtrack.cli.app import session_lang
            from dirtrack.i18n import default_lang, error_text

            lang = session_lang(ctx) if ctx is not None else default_lang()
            self.fail(error_text("file_is_web_address", lang, {"name": text}), param, ctx)
        return text


# A web address given for a file: a scheme of two letters or more (a Windows drive is one) and
# '://' (http, https, ftp, file…).
_WEB_ADDRESS = LazyPattern(r"[A-Za-z][A-Za-z0-9+.-]+://")

GIVEN_FILE = GivenFile()


class WholeNumber(IntParamType):
    """A whole number in digits, with a minus sign before them if it is negative.

    Click's INT is Python's ``int()``, which also reads underscores (``1_0`` is 10), a plus
    sign and white space around: an id typed so named a record. Such a value is refused as an
    invalid value (exit 1), the same as ``abc``; digits are read as a sheet's or a date's are,
    full-width ``３`` and Arabic-Indic ``٣`` as 3 (:func:`dirtrack.text.whole_number`).
    """

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        from dirtrack.text import whole_number

        if isinstance(value, str):
            read = whole_number(value)
            if read is None:
                self.fail(f"{value!r} is not a valid {self.name}.", param, ctx)
            return read
        return super().convert(value, param, ctx)


WHOLE_NUMBER = WholeNumber()


# The placeholders of an option that names a file or a folder (``--out``, ``--template``,
# ``done --file``, ``score --rules``, ``--dir``).
_PATH_METAVARS = ("DIR", "FILE", "PATH", "NAME|FILE")


def refuse_empty_values(command: Command) -> None:
    """Give every text option of ``command`` and of the commands under it :class:`GivenText`,
    and every whole-number option and argument (ids) :class:`WholeNumber`.

    One rule for every option, present and future, applied where the command tree is built
    (:class:`dirtrack.cli.app.DirtrackGroup`). A file argument (metavar FILE) is
    :class:`GivenFile`, and so is an option that names a folder or a file (metavar DIR, FILE,
    PATH or NAME|FILE: ``pack out --dir " "`` wrote its workbooks into a folder named by a
    space, ``score --rules " "`` said '.' was a folder, ``done --file " "`` and ``--template
    " "`` that a file named by a space did not exist); other text arguments keep their own
    checks.
    """
    for param in command.params:
        if type(param.type) is not StringParamType:
            if type(param.type) is IntParamType:
                param.type = WHOLE_NUMBER
        elif param.param_type_name == "option":
            param.type = GIVEN_FILE if param.metavar in _PATH_METAVARS else GIVEN_TEXT
        elif (param.metavar or "").startswith("FILE"):
            param.type = GIVEN_FILE
    for sub in (getattr(command, "commands", None) or {}).values():
        refuse_empty_values(sub)


FormatOpt = Annotated[
    OutputFormat,
    typer.Option(
        "--format", "-f", case_sensitive=False, help="table for people; json or csv for scripts."
    ),
]
# The formats of a report or the scores, too many to list in the placeholder of --help: at 80
# columns '<table|json|csv|md|html|xlsx|docx>' left the help beside it 27 columns.
ReportFormatOpt = Annotated[
    ReportFormat,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="table, json, csv, md, html, xlsx or docx.",
        metavar="FORMAT",
    ),
]
DirectiveArg = Annotated[int, typer.Argument(metavar="ID", help="The directive.")]
LimitationArg = Annotated[int, typer.Argument(metavar="ID", help="The limitation.")]
AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of", help="Judge statuses as of this DATE (default: today).", metavar="DATE"
    ),
]
DateOpt = Annotated[
    str | None,
    typer.Option(
        "--date", help="DATE it happened: 2022-05-06 or 6/5/2022 (default: today).", metavar="DATE"
    ),
]
OutOpt = Annotated[
    str | None,
    typer.Option(
        "--out",
        "-o",
        help="Write to FILE (whole or not at all) instead of stdout.",
        metavar="FILE",
    ),
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace the --out file if it exists.")]
# The options every document an office files takes (report --format docx, urge).
NumberOpt = Annotated[
    str | None,
    typer.Option(
        "--number",
        help="The document's number: 12, or whole in the office's form (12-BC/VPTU, "
        "12/BC-VPUB). Default: left blank for the clerk.",
        metavar="N",
    ),
]
DocDateOpt = Annotated[
    str | None,
    typer.Option("--date", help="The document's DATE (default: today).", metavar="DATE"),
]
ToOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--to", help="A recipient (Kính gửi; repeatable). Default: the office's.", metavar="TEXT"
    ),
]
SignerOpt = Annotated[
    str | None,
    typer.Option("--signer", help="Who signs (default: the office's signer).", metavar="NAME"),
]
TemplateOpt = Annotated[
    str | None,
    typer.Option(
        "--template",
        help="The office's own Word template (.docx, docxtpl placeholders). Default: the "
        "office's (office set --template), else dirtrack's layout.",
        metavar="FILE",
    ),
]
QuarterOpt = Annotated[
    str | None,
    typer.Option(help="The quarter: 2022Q2, Q2/2022, quý II/2022.", metavar="PERIOD"),
]
PeriodOpt = Annotated[
    str | None,
    typer.Option(
        help="Any PERIOD: 2022-05, 2022H1, 9 tháng 2022, 2022, current, previous, START..END.",
        metavar="PERIOD",
    ),
]
UnitFilterOpt = Annotated[
    str | None,
    typer.Option(
        "--unit", "-u", help="Only this unit and the units under it (code, name or alias)."
    ),
]
StaleOpt = Annotated[
    int,
    typer.Option(
        "--stale-after",
        help="An item with no news (progress, extension) for more than DAYS is stale (⚠).",
        metavar="DAYS",
    ),
]
CheckOpt = Annotated[
    bool, typer.Option("--check", help="Exit 3 when anything is overdue (for cron).")
]


def fields_option(example: str) -> Any:
    """``--fields`` of a listing, its help one sentence for every listing with ``example``
    naming fields of that listing: :data:`FieldsOpt`'s ``id,unit,due,status`` is refused on
    ``unit list``, ``calendar list``…, where a clerk copied it from the help."""
    said = Composed(
        "Only these fields, in this order, comma-separated (JSON keys): {example}.",
        example=example,
    )
    return typer.Option("--fields", help=said, metavar="A,B,C")


def duplicate_option(repeated: Composed) -> Any:
    """``--allow-duplicate`` of a command that records (``assign``, ``add-meeting``,
    ``add-limitation``), its help one sentence for each, ``repeated`` saying what the record
    would repeat (a catalog message of its own, ``Composed("a meeting with …")``)."""
    said = Composed("Record it even though {repeated}.", repeated=repeated)
    return typer.Option("--allow-duplicate", help=said)


#: ``--fields`` of a listing of directives.
FieldsOpt = Annotated[str | None, fields_option("id,unit,due,status")]


def check_overdue(check: bool, overdue: int, day: date, lang: str) -> None:
    """``--check`` (``overdue``, ``remind``): when ``overdue`` directives are overdue on
    ``day``, say how many on stderr and exit 3 (:attr:`ExitCode.CHECK_FAILED`), for cron."""
    if check and overdue:
        from dirtrack.errors import ExitCode
        from dirtrack.i18n import msg
        from dirtrack.render import err

        err(msg("overdue_count", lang, n=overdue, date=day))
        raise typer.Exit(ExitCode.CHECK_FAILED)


def field_list(text: str | None) -> list[str] | None:
    """``--fields a, b,c`` as ``["a", "b", "c"]``; None when not given."""
    if text is None:
        return None
    fields = [f.strip() for f in text.split(",") if f.strip()]
    if not fields:
        raise InvalidInput.of("no_fields", option="--fields")
    return list(dict.fromkeys(fields))


class GroupBy(StrEnum):
    UNIT = "unit"
    CHAIR = "chair"
    FIELD = "field"
    LEADER = "leader"
    SERIES = "series"


#: What a user may type for each grouping of ``report --by`` besides its code.
GROUP_BY_NAMES: dict[str, tuple[str, ...]] = {
    GroupBy.UNIT: ("đơn vị", "đơn vị chủ trì"),
    GroupBy.CHAIR: ("chủ trì", "người chủ trì"),
    GroupBy.FIELD: ("lĩnh vực",),
    GroupBy.LEADER: ("lãnh đạo", "lãnh đạo phụ trách"),
    GroupBy.SERIES: ("định kỳ", "nhiệm vụ định kỳ"),
}


def unknown_category(value: str, choices: Choices) -> InvalidInput:
    return InvalidInput.of("unknown_category", value=value, choices=choices)


def unknown_every(value: str, choices: Choices) -> InvalidInput:
    return InvalidInput.of("unknown_every", value=value, choices=choices)


def _unknown_status(value: str, choices: Choices) -> InvalidInput:
    return InvalidInput.of("unknown_status", status=value, choices=choices)


def named_option(
    names: Mapping[str, tuple[str, ...]],
    *,
    metavar: str,
    help: str,
    unknown: Callable[[str, Choices], Exception] | None = None,
) -> Any:
    """An option that takes a code or one of its Vietnamese names (:class:`Named`)."""
    return typer.Option(click_type=Named(names, unknown), metavar=metavar, help=help)


# The help of --kind and --category, said once for every command that takes them (add-meeting
# and edit meeting, add-limitation and edit limitation).
KIND_HELP = N_(
    "working-session (buổi làm việc), briefing (giao ban), conference (hội nghị) "
    "or review (sơ kết, tổng kết): the code or the Vietnamese name, accents optional."
)
# The help of assign's --every: its codes with their Vietnamese names (dirtrack.kinds.EVERY_NAMES).
EVERY_HELP = N_(
    "A periodic directive, one occurrence per period: month (hằng tháng), quarter (hằng quý), "
    "half-year (6 tháng một lần, nửa năm) or year (hằng năm): the code or the Vietnamese name, "
    "accents optional."
)
CATEGORY_HELP = N_(
    "timeliness (tiến độ), quality (chất lượng), staffing (nhân sự, biên chế), "
    "budget (kinh phí), equipment (phương tiện, thiết bị), coordination (phối hợp), "
    "discipline (kỷ luật) or other (khác): the code or the Vietnamese name, accents "
    "optional."
)


CutoffOpt = Annotated[
    Cutoff,
    named_option(
        CUTOFF_NAMES,
        metavar="calendar|nd09",
        help="How named periods map onto days: calendar (dương lịch), the calendar months, or "
        "nd09 (nghị định 09), the 15th-to-14th windows of Nghị định 09/2019 (quý II = "
        "15/3-14/6); the code or the Vietnamese name. Default from the config file.",
    ),
]
KindOpt = Annotated[
    MeetingKind,
    named_option(
        KIND_NAMES,
        metavar="KIND",
        help=KIND_HELP,
    ),
]
CategoryOpt = Annotated[
    str,
    named_option(
        CATEGORY_NAMES,
        unknown=unknown_category,
        metavar="CATEGORY",
        help=CATEGORY_HELP,
    ),
]
StatusOpt = Annotated[
    str,
    named_option(
        STATUS_NAMES,
        unknown=_unknown_status,
        metavar="STATUS",
        help="done_on_time (đúng hạn), done_late (hoàn thành quá hạn), open_in_time (trong "
        "hạn), overdue (quá hạn), cancelled (dừng), withdrawn (rút khỏi chương trình), open (chưa "
        "hoàn thành) or all (tất cả): the code or the Vietnamese name, accents optional.",
    ),
]


YesOpt = Annotated[
    bool,
    typer.Option("--yes", "-y", help="Go ahead without asking (required when not at a terminal)."),
]

# Answers that mean yes at the question, in either language (compared as fold_words keys).
_YES = ("y", "yes", "c", "co", "có", "dong y", "đồng ý")


def confirm(ctx: typer.Context, yes: bool, preview: Sequence[str]) -> None:
    """Go on only when the user agreed: ``--yes``, or "y" at a terminal after ``preview``.

    Without a terminal nothing ever waits for an answer: without ``--yes`` it is an error.

    Raises:
        InvalidInput: not at a terminal and no ``--yes``.
        Conflict: the user answered anything but yes.
    """
    import sys

    from dirtrack.errors import Conflict
    from dirtrack.i18n import msg
    from dirtrack.render import err
    from dirtrack.text import fold_words

    if yes:
        return
    if sys.stdin is None or not sys.stdin.isatty():  # None: started with stdin closed (<&-)
        raise InvalidInput.of("needs_yes", command=command_name(ctx))
    for line in preview:
        err(line)
    sys.stderr.write(msg("confirm_question", state(ctx).lang) + " ")
    sys.stderr.flush()
    answer = sys.stdin.readline()
    if fold_words(answer) not in {fold_words(word) for word in _YES}:
        raise Conflict.of("not_confirmed")
