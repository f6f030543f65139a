"""`import`, `export`, `backup`, `restore`."""

import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dirtrack.cli.app import app
from dirtrack.cli.common import (
    ForceOpt,
    FormatOpt,
    OutOpt,
    YesOpt,
    confirm,
    event_day,
    optional_day,
    positive_id,
    say_passed,
    state,
    today,
    unit_of_work,
)
from dirtrack.errors import DatabaseError, InvalidInput
from dirtrack.i18n import Count, Entity, msg, number
from dirtrack.render import OutputFormat, err

if TYPE_CHECKING:
    from dirtrack.db import Target
    from dirtrack.transfer.base import ImportOptions


class ExportFormat(StrEnum):
    JSON = "json"
    XLSX = "xlsx"


@app.command("import")
def import_file(
    ctx: typer.Context,
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help="An office follow-up sheet (.xlsx, .csv), a dirtrack export (.json), or a "
            "meeting draft from `dirtrack extract` (.toml); '-' reads standard input.",
        ),
    ],
    *,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run", help="Show what each row would become, and every problem; write nothing."
        ),
    ] = False,
    mapping: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            help="Name columns: 'HEADER=FIELD,…' (header text or column letter; fields: text, "
            "unit, with, due, progress, result, completed_on, product, meeting, doc, "
            "meeting_date, key, note, ignore…). Repeatable.",
            metavar="HEADER=FIELD,…",
        ),
    ] = None,
    key_column: Annotated[
        str | None,
        typer.Option(
            "--key-column",
            help="The column that identifies each row (header or letter): importing the sheet "
            "again updates those directives instead of adding them again.",
            metavar="COLUMN",
        ),
    ] = None,
    meeting: Annotated[
        int | None,
        typer.Option("--meeting", help="The meeting of rows that do not name one.", metavar="ID"),
    ] = None,
    create_units: Annotated[
        bool,
        typer.Option("--create-units", help="Register units the sheet names that are unknown."),
    ] = False,
    allow_duplicate: Annotated[
        bool,
        typer.Option(
            "--allow-duplicate",
            help="A meeting draft imported before: record it again as a new meeting.",
        ),
    ] = False,
    sheet: Annotated[
        list[str] | None,
        typer.Option(
            help="The worksheet (name or number; default: the first with a header); repeat it "
            "to read several, or 'all' for every sheet holding a table, in one import.",
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="The day the sheet is up to; its progress is logged on it (default: the "
            "'đến ngày …' date in its title rows, else today).",
            metavar="DATE",
        ),
    ] = None,
    done_date: Annotated[
        str | None,
        typer.Option(
            "--done-date",
            help="The completion (or cancellation) date of rows marked done without one.",
            metavar="DATE",
        ),
    ] = None,
    fmt: FormatOpt = OutputFormat.TABLE,
) -> None:
    """Bring in an office sheet (.xlsx, .csv), a dirtrack export (.json) or a meeting draft.

    All or nothing: one bad row and nothing is written; the message names every bad row.

    Example: dirtrack import bang-theo-doi.xlsx --dry-run
    """
    from dirtrack.inputs import user_path
    from dirtrack.transfer.base import ImportOptions

    if meeting is not None:
        positive_id(meeting, "meeting")
    options = ImportOptions(
        dry_run=dry_run,
        mapping=tuple(mapping or ()),
        key_column=key_column,
        meeting_id=meeting,
        create_units=create_units,
        allow_duplicate=allow_duplicate,
        sheet=tuple(sheet or ()),
        # The day the sheet is up to and the day rows were done: days that have been
        as_of=event_day(as_of, "--as-of") if as_of else None,
        done_date=event_day(done_date, "--done-date") if done_date else None,
        today=today(),
        report_rows=dry_run or fmt is not OutputFormat.TABLE,
    )
    if file != "-":
        _import(ctx, user_path(file), options, fmt)
        return
    # Standard input, as `extract -`: spooled to a file the importers read (a workbook is read
    # from a file), and named "standard input" wherever a message or the result names the file.
    from tempfile import TemporaryDirectory

    from dirtrack.errors import DirtrackError
    from dirtrack.i18n import Phrase
    from dirtrack.inputs import read_stdin
    from dirtrack.transfer.base import ImportRejected
    from dirtrack.transfer.registry import MAX_STDIN_MB, stdin_file

    raw = read_stdin("import", limit_mb=MAX_STDIN_MB)
    data = raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else raw
    with TemporaryDirectory(prefix="dirtrack-import-") as folder:
        path = stdin_file(data, Path(folder))
        try:
            _import(ctx, path, options, fmt, shown="-")
        except DirtrackError as exc:
            spooled = (path, path.name, str(path))
            exc.params = {
                key: Phrase("w_stdin") if value in spooled else value
                for key, value in exc.params.items()
            }
            if isinstance(exc, ImportRejected) and exc.file in spooled:
                exc.file = Phrase("w_stdin")
            raise


def _import(
    ctx: typer.Context, path: Path, options: "ImportOptions", fmt: OutputFormat, *, shown: str = ""
) -> None:
    """``import`` of the file ``path`` (``shown`` as the file's name in the result, if given)."""
    from dirtrack.render import import_view
    from dirtrack.render.progress import progress_bar
    from dirtrack.transfer.base import ranges
    from dirtrack.transfer.registry import detect

    dry_run = options.dry_run
    kind = detect(path)  # before the database is opened: a wrong file touches nothing
    handler = kind.load()
    lang = state(ctx).lang
    with progress_bar(lang) as bar, unit_of_work(ctx, write=not dry_run) as session:
        result = handler(session, path, options, bar)
        result.file = shown or result.file
        say_passed(ctx, session)
        if not dry_run:
            import_view.imported_rows(result, fmt, lang)
    if dry_run:
        import_view.dry_run(result, fmt, lang)
        bad = result.bad_rows()
        name = path.name  # standard input's spooled file: said so by import_file
        if result.problems and result.kind == "draft":
            from dirtrack.transfer.base import problems_said

            # the first few; the others are on standard output, one a line
            told = problems_said(result.problems)
            raise InvalidInput.of(
                "import_dry_draft", file=name, n=len(result.problems), problems=told
            )
        if result.problems:
            raise InvalidInput.of("import_dry_bad_rows", file=name, n=len(bad), rows=ranges(bad))
        return
    import_view.imported(result, lang)


@app.command("export")
def export(
    ctx: typer.Context,
    *,
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="json: everything, losslessly (read back by import); xlsx: the office's sheet.",
        ),
    ] = ExportFormat.JSON,
    out_file: OutOpt = None,
    force: ForceOpt = False,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="xlsx: statuses and progress as of DATE (default: today).",
            metavar="DATE",
        ),
    ] = None,
) -> None:
    """Write every record out: JSON (lossless, versioned) or the office's Excel sheet.

    Example: dirtrack export --format json --out dirtrack-2022-09-30.json
    """
    from dirtrack.cli.common import database_file, out_target
    from dirtrack.render.outfile import write_atomic
    from dirtrack.render.progress import progress_bar

    if fmt is ExportFormat.JSON and as_of is not None:
        raise InvalidInput.of("export_as_of_json")
    target = out_target(ctx, out_file, force=force, fmt=fmt)
    if target is None and fmt is ExportFormat.XLSX and sys.stdout.isatty():
        raise InvalidInput.of("binary_to_terminal", fmt="xlsx")
    day = optional_day(as_of, "--as-of") or today()
    lang = state(ctx).lang
    with progress_bar(lang) as bar, unit_of_work(ctx, write=False) as session:
        from dirtrack.models import MAX_ID
        from dirtrack.store.tables import ids_out_of_range

        # an id set to 0 or below by hand: the JSON's pages by id would lose its record; above
        # the largest: the JSON would not import back; every format refuses it alike, so a
        # sheet is not written where the JSON would not be
        for table, ident in ids_out_of_range(session):
            key = "db_id_not_positive" if ident <= 0 else "db_id_too_large"
            raise DatabaseError.of(key, entity=Entity(table), id=ident, limit=MAX_ID)
        data: bytes | Iterator[bytes]
        if fmt is ExportFormat.JSON:
            from dirtrack.transfer.json_format.export import export_chunks

            data = export_chunks(session, bar)  # written as it is read, within the session
        else:
            from dirtrack.transfer.xlsx_export import export_xlsx

            data = export_xlsx(session, as_of=day, lang=lang, progress=bar)
        if target is not None:
            write_atomic(target, data, force=force, database=database_file(ctx))
        else:
            sys.stdout.flush()
            for piece in [data] if isinstance(data, bytes) else data:
                sys.stdout.buffer.write(piece)
            sys.stdout.buffer.flush()
    if target is not None:
        err(msg("exported", lang, file=target))


def _counts(counts: dict[str, int], lang: str) -> str:
    """``{"units": 1, "directives": 3}`` as "1 unit, 3 directives", in ``lang``."""
    return ", ".join(Count(name, n).render(lang) for name, n in counts.items())


def _size(size: int, lang: str) -> str:
    """A file's size as ``496.0 KiB`` (``496,0 KiB`` in Vietnamese)."""
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return number(size, lang, f" {unit}", places=0 if unit == "B" else 1)
        size /= 1024  # type: ignore[assignment]
    return str(size)


@app.command("backup")
def backup(
    ctx: typer.Context,
    file: Annotated[
        str,
        typer.Argument(metavar="FILE", help="The copy to write (a folder: a dated file in it)."),
    ],
    *,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
) -> None:
    """Copy the SQLite database to FILE, consistently, even while others write to it.

    Example: dirtrack backup /srv/backups/dirtrack-2022-09-30.db
    """
    from dirtrack.db import resolve_target
    from dirtrack.render.progress import progress_bar
    from dirtrack.transfer.backup import backup as copy

    target = resolve_target(state(ctx).db)
    lang = state(ctx).lang
    if file == "-":  # standard output (`backup - | gzip`), as `--out -`: it made a file named -
        _backup_to_stdout(target, lang)
        return
    with progress_bar(lang) as bar:
        done = copy(target, file, force=force, progress=bar)
    err(
        msg(
            "backed_up",
            lang,
            file=done.path,
            size=_size(done.size, lang),
            counts=_counts(done.counts, lang),
        )
    )


def _backup_to_stdout(target: "Target", lang: str) -> None:
    """The backup, made and checked in a temporary folder, written to standard output (never
    a terminal) and then removed."""
    import shutil
    import tempfile

    from dirtrack.transfer.backup import backup as copy

    if sys.stdout.isatty():
        raise InvalidInput.of("bk_stdout_terminal")
    with tempfile.TemporaryDirectory(prefix="dirtrack-backup-") as folder:
        done = copy(target, Path(folder) / "backup.db")
        sys.stdout.flush()
        with done.path.open("rb") as handle:
            shutil.copyfileobj(handle, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    err(
        msg(
            "backed_up_stdout", lang, size=_size(done.size, lang), counts=_counts(done.counts, lang)
        )
    )


@app.command("restore")
def restore(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(metavar="FILE", help="A backup made by dirtrack backup.")],
    *,
    yes: YesOpt = False,
) -> None:
    """Put a backup in place of the SQLite database; the old one is kept beside it.

    At a terminal it says what it replaces and asks; without one it needs --yes.

    Example: dirtrack restore /srv/backups/dirtrack-2022-09-30.db --yes
    """
    from dirtrack.db import resolve_target
    from dirtrack.render.progress import progress_bar
    from dirtrack.transfer.backup import restore as put_back

    target = resolve_target(state(ctx).db)
    lang = state(ctx).lang

    def ask(db: Path, counts: dict[str, int], current: dict[str, int] | None) -> None:
        now = msg("restore_none", lang) if current is None else _counts(current, lang)
        preview = [
            msg("restore_will", lang, file=file, counts=_counts(counts, lang), db=db, now=now)
        ]
        confirm(ctx, yes, preview)

    if yes:
        with progress_bar(lang) as bar:
            done = put_back(target, Path(file), progress=bar)
    else:  # no progress bar while a question waits on the terminal
        done = put_back(target, Path(file), confirm=ask)
    counts = _counts(done.counts, lang)
    if done.kept is not None:
        err(msg("restored", lang, file=file, db=done.path, counts=counts, kept=done.kept))
    else:
        err(msg("restored_new", lang, file=file, db=done.path, counts=counts))
