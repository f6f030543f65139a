"""The root Typer app, its error boundary, and help and usage errors in the user's language.

Every failure a user can cause becomes one ``Error: …`` line on stderr and exit code 1, in the
language of ``--lang`` (the word ``Error:`` itself never changes); usage errors keep Click's exit
code 2 (an invalid value Click finds exits 1: :func:`usage_exit_code`), their words translated,
one line too unless stderr is a terminal; Ctrl-C exits 130.
No traceback reaches the user.

Help texts are English in the code (docstrings, ``help=``). The command is built once, so they
are translated when they are shown (:meth:`DirtrackCommand.format_help`), in the language of
that invocation, as are Click's and Typer's own words (which do not go through gettext) and the
placeholders and type labels (``DATE``, ``<int>``: context ``metavar``). A help text many
options say with only an example changed is one message with its values
(:class:`dirtrack.i18n.Composed`), translated, then filled.
"""

import copy
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import typer
from typer._click.exceptions import BadParameter, MissingParameter, UsageError
from typer._click.parser import _OptionParser
from typer._click.types import BoolParamType, IntParamType
from typer.core import TyperArgument, TyperCommand, TyperGroup
from typer.models import CommandFunctionType

from dirtrack.errors import DirtrackError, ExitCode, Terminated, causes, stop_code
from dirtrack.i18n import (
    LANGS,
    _,
    click_text,
    cut_quotes,
    error_text,
    msg,
    placeholder,
    shown,
)
from dirtrack.patterns import LazyPattern
from dirtrack.render import err
from dirtrack.render.outfile import output_failure


def quiet_stdout() -> None:
    """Point stdout at /dev/null so that the flush at exit does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)


# Typer's words in its rich help and error panels (module constants of typer.rich_utils, set
# from gettext when it is imported); their msgids are in i18n.CLICK.
_TYPER_WORDS = (
    "ARGUMENTS_PANEL_TITLE",
    "OPTIONS_PANEL_TITLE",
    "COMMANDS_PANEL_TITLE",
    "DEFAULT_STRING",
    "ENVVAR_STRING",
    "REQUIRED_LONG_STRING",
    "DEPRECATED_STRING",
    "RICH_HELP",
    "ABORTED_TEXT",
    "ERRORS_PANEL_TITLE",
)


def typer_rich_utils() -> Any:
    """Typer's ``rich_utils`` (its help and error panels). Typer reads TERMINAL_WIDTH with
    ``int()`` when the module loads: a value that is no whole number (``abc``, ``-5``) stopped
    ``--help`` and every usage error with a ValueError traceback; it is dropped first, and the
    width of a panel is held by :func:`dirtrack.render.table.console_class`."""
    width = os.environ.get("TERMINAL_WIDTH")
    if width is not None and not width.strip().isdigit():
        del os.environ["TERMINAL_WIDTH"]
    from typer import rich_utils

    return rich_utils


@contextmanager
def said_in(lang: str, command: Any = None, ctx: Any = None) -> Iterator[None]:
    """While the block runs, ``command``'s help texts and Typer's words are in ``lang``.

    The command tree is built once and shared by every invocation (the tests run many in one
    process), so the English is put back afterwards. Typer reads rich markup in a help text
    (its --help, and the descriptions of shell completions it renders through rich): the
    command's and its options' texts are escaped, so that ``[mail]`` (a table of the
    configuration file) is shown, not taken for a style and dropped.
    """
    from dirtrack.render.table import console_class, unmarked

    rich_utils = typer_rich_utils()

    saved: list[tuple[object, str, object]] = []

    def swap(owner: object, attr: str, value: object) -> None:
        saved.append((owner, attr, getattr(owner, attr)))
        setattr(owner, attr, value)

    def put(owner: object, attr: str, help_text: bool = False) -> None:
        text = getattr(owner, attr, None)
        if isinstance(text, str) and text:
            said = reflow(shown(text, lang))
            swap(owner, attr, unmarked(said) if help_text else said)

    for name in _TYPER_WORDS:
        put(rich_utils, name)
    # Typer's help and error panels: a closed pipe is exit 141 there too, not rich's exit 1,
    # and a panel is as wide as console_class holds it.
    saved.append((rich_utils, "Console", rich_utils.Console))
    rich_utils.Console = console_class()
    if command is not None:
        for attr in ("help", "short_help", "epilog"):
            put(command, attr, help_text=True)
        for param in command.get_params(ctx):
            put(param, "help", help_text=True)
            _say_placeholders(param, ctx, lang, swap)
        for sub in getattr(command, "commands", {}).values():
            put(sub, "help", help_text=True)
            put(sub, "short_help", help_text=True)
    try:
        yield
    finally:
        for owner, attr, text in reversed(saved):
            setattr(owner, attr, text)


def reflow(text: str) -> str:
    """A help text as its paragraphs, each one line for the terminal to wrap.

    Docstrings and the catalog keep their lines short for the source; Typer's rich help keeps
    every line break, so at 80 columns a line wrapped by the terminal and then broken by the
    source left a word alone on a line. A line that starts a list entry (``- ``) keeps its own.
    """
    if "\n" not in text:
        return text
    paragraphs = []
    for paragraph in text.split("\n\n"):
        lines: list[str] = []
        for line in paragraph.split("\n"):
            line = line.strip()
            if lines and line and not line.startswith(("- ", "• ")):
                lines[-1] += " " + line
            else:
                lines.append(line)
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def _say_placeholders(
    param: Any, ctx: Any, lang: str, swap: Callable[[object, str, object], None]
) -> None:
    """``param``'s placeholder (``--as-of DATE``, an argument's ``MEETING_ID``) and type label
    (``--key <str>``, an argument's ``<int>``) in ``lang``, through :func:`i18n.placeholder`.

    Only what another language changes is swapped, so English is shown as Typer shows it.
    """
    if isinstance(param.type, BoolParamType) or getattr(param, "count", False):
        return  # a flag shows no placeholder
    if param.metavar is not None:
        said = placeholder(param.metavar, lang)
    elif isinstance(param, TyperArgument):
        said = None
    else:
        english = param.make_metavar(ctx)
        said = placeholder(english, lang)
        if said == english:
            said = None
    if said is not None and said != param.metavar:
        swap(param, "metavar", said)
    if isinstance(param, TyperArgument) and "|" in str(param.metavar or ""):
        # an argument named by its choices (``meeting|directive|limitation``) shows no type
        # label: ``<choice>`` beside it said nothing more, and left the name no room at 80
        # columns (``meeting|directive|limitat…``)
        unlabelled = copy.copy(param.type)
        unlabelled.get_metavar = lambda param, ctx=None: ""
        swap(param, "type", unlabelled)
    elif isinstance(param, TyperArgument) and param.type.get_metavar(param=param, ctx=ctx) is None:
        # Typer's rich help shows an argument's type as f"<{param.type.name}>": a copy of the
        # type (shared by many parameters) with the name said in ``lang``
        english = f"<{param.type.name}>"
        label = placeholder(english, lang)
        if label != english and label.startswith("<") and label.endswith(">"):
            named = copy.copy(param.type)
            named.name = label[1:-1]
            swap(param, "type", named)


def _format_usage(command: Any, ctx: Any, formatter: Any) -> None:
    """``Usage: dirtrack assign [OPTIONS] MEETING_ID TEXT`` with Click's words in the session's
    language. A required argument is shown bare and an optional one in brackets, as the README
    and CLI.md write them; Typer put a required one in braces (``{ID}``), which Click's usage
    keeps for a choice of words (``{meeting|directive|limitation}``), so one line used braces
    for two things."""
    lang = session_lang(ctx)
    pieces = [_(_bare(piece), lang) for piece in command.collect_usage_pieces(ctx)]
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_("Usage:", lang) + " ")


def _bare(piece: str) -> str:
    """A required argument's ``{ID}`` of Typer's usage as ``ID``; a choice ``{a|b}`` kept."""
    if piece.startswith("{") and piece.endswith("}") and "|" not in piece:
        return piece[1:-1]
    return piece


# A token that writes a negative whole number: ``-1`` where an id goes.
_NEGATIVE = LazyPattern(r"-\d+")


class _TextParser(_OptionParser):
    """Click's parser, but a value holding a byte that is not UTF-8 (Python keeps it as a lone
    surrogate, U+DC80–U+DCFF) is refused naming the option or argument it was given to, before
    any value is read: every option, whatever it holds (a unit, a date, a key, a text). A
    file's path (an option or argument whose metavar says FILE or DIR) may hold any bytes, as
    a file name may, and is left as given."""

    def parse_args(self, args: list[str]) -> tuple[dict[str, Any], list[str], list[Any]]:
        opts, largs, order = super().parse_args(args)
        if self.ctx is not None and not self.ctx.resilient_parsing:
            _refuse_given_twice(self.ctx, order)
            for param in order:
                _refuse_undecodable(param, opts.get(param.name or ""))
        return opts, largs, order


def _refuse_given_twice(ctx: Any, order: list[Any]) -> None:
    """An option that holds one value, or a flag with its opposite (``--x/--no-x``), given
    more than once on the command line (``--due 10/7 --due 20/7``, ``--apply --no-apply``) is
    a usage error naming it, rather than the last one silently kept as Click keeps it.
    Options that gather values (``--with A --with B``), a lone flag said twice (``--yes
    --yes``, nothing to choose between), counters and --help/--version are left as they are."""
    seen: set[int] = set()
    for param in order:
        if param.param_type_name != "option" or param.multiple or param.count or param.is_eager:
            continue
        if param.is_flag and not param.secondary_opts:
            continue
        if id(param) in seen:
            from dirtrack.i18n import error_text

            option = max(param.opts, key=len)
            message = error_text("option_given_twice", session_lang(ctx), {"option": option})
            raise OptionsMisused(message, ctx=ctx, param_hint=f"'{option}'")
        seen.add(id(param))


# The metavars of an option or argument that names a file or folder dirtrack reads or writes
# (not ``done --file PATH``, the result document's path the register keeps as text).
_PATH_WORDS = frozenset({"FILE", "DIR"})


def _refuse_undecodable(param: Any, value: Any) -> None:
    """Raise InvalidInput when ``value`` (one string or several) holds a byte that is not
    UTF-8, naming ``param`` (its long option, or an argument's metavar)."""
    from dirtrack.text import refuse_undecodable

    if _PATH_WORDS & set(str(param.metavar or "").replace("…", "").split("|")):
        return
    opts = getattr(param, "opts", ())
    longest = max(opts, key=len) if opts and param.param_type_name == "option" else None
    for text in value if isinstance(value, list | tuple) else [value]:
        if isinstance(text, str):
            refuse_undecodable(text, longest or param.human_readable_name)


class _IdParser(_TextParser):
    """Click's parser, but a negative number (``-1``) that names no option of the command is
    an argument, as argparse has it: ``show -1`` is refused as an unknown id (exit 1), not as
    an unknown option ``-1`` (exit 2)."""

    def _process_opts(self, arg: str, state: Any) -> None:
        if _NEGATIVE.fullmatch(arg) and arg not in self._short_opt and arg not in self._long_opt:
            state.largs.append(arg)
            return
        super()._process_opts(arg, state)


class _SaidInLanguage:
    """``--help``, the usage line and shell completions (the descriptions zsh and fish show
    beside each option) in the language of the invocation: what a command and the root
    group share."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        with said_in(session_lang(ctx), self, ctx):
            super().format_help(ctx, formatter)  # type: ignore[misc]

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        with said_in(session_lang(ctx), self, ctx):
            return list(super().shell_complete(ctx, incomplete))  # type: ignore[misc]

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        _format_usage(self, ctx, formatter)


class DirtrackCommand(_SaidInLanguage, TyperCommand):
    """A command whose ``--help``, usage line and shell completions are in the language of
    the invocation, and whose id arguments (every whole-number argument) take what looks like
    a negative number as the id (:class:`_IdParser`)."""

    def make_parser(self, ctx: Any) -> Any:
        params = self.get_params(ctx)
        ids = any(isinstance(p, TyperArgument) and isinstance(p.type, IntParamType) for p in params)
        parser = _IdParser(ctx) if ids else _TextParser(ctx)
        for param in params:
            param.add_to_parser(parser, ctx)
        return parser

    def invoke(self, ctx: Any) -> Any:
        ctx.meta[_LEAF] = ctx  # the boundary names a refused default by its key in the file
        return super().invoke(ctx)


def _from_config(exc: DirtrackError, leaf: Any) -> DirtrackError:
    """``exc``, said with the configuration file's key when the value it refuses (a unit, an
    id: its ``ref`` or ``id``; or the whole value of the option it names, its ``option``) is a
    default the file gave the command (``[list] unit = "X"``, no longer a unit; ``[approve]
    date`` after today, ``[list] fields`` no field of the listing, ``[score] out`` a folder):
    the user typed no such value, the file did."""
    from typer._click.core import ParameterSource

    refused = {exc.params.get("ref"), exc.params.get("id")} - {None}
    option = exc.params.get("option")
    if leaf is None or not (refused or option):
        return exc
    for param in leaf.command.params:
        if param.name is None or leaf.get_parameter_source(param.name) is not (
            ParameterSource.DEFAULT_MAP
        ):
            continue
        value = leaf.params.get(param.name)
        values = value if isinstance(value, list | tuple) else [value]
        named = option in getattr(param, "opts", ())
        if named or refused & {v for v in values if isinstance(v, str | int)}:
            from dirtrack.config import bad_value, config_path, long_name

            key = ".".join([*leaf.command_path.split()[1:], long_name(param)])
            return bad_value(f"{config_path()}: {key}", exc)
    return exc


def _as_typed(exc: DirtrackError, leaf: Any) -> DirtrackError:
    """``exc``, naming the option the user typed (``--doc``, ``--chair-title``, ``--reason``)
    where it names the field that option sets (``document``, ``chair's title``: what a check of
    :mod:`dirtrack.text` or :mod:`dirtrack.store.limits` says of a stored value, ``doc`` or
    ``meeting.doc``). A value read from a file, or an argument, keeps its field's name."""
    from typer._click.core import ParameterSource

    from dirtrack.i18n import Field

    field = exc.params.get("field")
    if leaf is None or not isinstance(field, Field):
        return exc
    column = field.name.rpartition(".")[2]
    for param in leaf.command.params:
        opts = [o for o in getattr(param, "opts", ()) if o.startswith("--")]
        if param.name != column or param.param_type_name != "option" or not opts:
            continue
        if leaf.get_parameter_source(param.name) is not ParameterSource.COMMANDLINE:
            continue
        typed = type(exc).of(exc.key or "", **{**exc.params, "field": Field(max(opts, key=len))})
        return typed
    return exc


class OptionsMisused(BadParameter):
    """Options that exclude each other given together, or none of those one is needed
    (``report`` without --quarter or --period): a usage error, exit 2, as a missing option is.
    Its message says what to give, already in the run's language: Click's "Invalid value for
    --quarter:" would call it a bad value."""

    def format_message(self) -> str:
        return self.message


def usage_exit_code(exc: UsageError) -> int:
    """The exit code of Click's usage error ``exc``, by CLI.md's table.

    An invalid value of an option or argument (Click's BadParameter: a choice not among those
    offered, a number it cannot read, an empty value) is a request that could not be carried
    out, exit 1, as dirtrack's own checks of values (``list --status bogus``) are. A usage
    error stays 2: an unknown option or command, an option or argument missing (Click's
    MissingParameter, itself a BadParameter), an option without its value, an extra argument,
    options misused together (:class:`OptionsMisused`).
    """
    if isinstance(exc, BadParameter) and not isinstance(exc, MissingParameter | OptionsMisused):
        return int(ExitCode.ERROR)
    return exc.exit_code


class _SaidUsageError(UsageError):
    """A usage error whose message is already in the user's language."""

    def format_message(self) -> str:
        return self.message


def show_usage_error(exc: UsageError, lang: str) -> None:
    """Print Click's usage error in ``lang``: at a terminal as Typer does (usage, hint, panel);
    otherwise (a script, cron, a pipe) as every other error, one ``Error: …`` line.

    An argument is named by its placeholder in ``lang`` (``Missing argument 'TEXT'.``), as its
    command's ``--help`` shows it.
    """
    ctx = exc.ctx
    with said_in(lang, ctx.command if ctx is not None else None, ctx):
        _show_usage_error(exc, lang)


def _named_where_given(exc: UsageError) -> None:
    """A bad value of an option that also reads a variable (``--lang``: DIRTRACK_LANG) names
    the variable only when the value came from it: Typer named it always, so ``--lang fr``
    typed on the command line was said to come from ``(env var: 'DIRTRACK_LANG')``."""
    from typer._click.core import ParameterSource

    param, ctx = getattr(exc, "param", None), exc.ctx
    if not isinstance(exc, BadParameter) or exc.param_hint is not None or param is None:
        return
    if not getattr(param, "envvar", None) or ctx is None or not param.opts:
        return
    if ctx.get_parameter_source(param.name) is not ParameterSource.ENVIRONMENT:
        exc.param_hint = " / ".join(f"'{opt}'" for opt in param.opts)


def _show_usage_error(exc: UsageError, lang: str) -> None:
    _named_where_given(exc)
    message = cut_quotes(click_text(exc.format_message(), lang))
    if not sys.stderr.isatty():
        ctx = exc.ctx
        hint = ""
        if ctx is not None and ctx.help_option_names:
            option = ctx.help_option_names[0]
            hint = msg("usage_hint", lang, command=ctx.command_path, option=option)
        stop = "" if message.rstrip().endswith((".", "!", "?", ":")) else "."
        err(f"Error: {message.rstrip()}{stop} {hint}")
        return
    rich_utils = typer_rich_utils()
    said = _SaidUsageError(message, exc.ctx)
    with said_in(lang):
        rich_utils.rich_format_error(said)


class DirtrackTyper(typer.Typer):
    """A Typer app whose commands are :class:`DirtrackCommand` unless told otherwise."""

    def command(
        self, name: str | None = None, *, cls: type[TyperCommand] | None = None, **kwargs: Any
    ) -> Callable[[CommandFunctionType], CommandFunctionType]:
        return super().command(name, cls=cls or DirtrackCommand, **kwargs)


class DirtrackGroup(_SaidInLanguage, TyperGroup):
    """Keeps commands in the order they are defined and turns errors into one line."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from dirtrack.cli.common import refuse_empty_values

        refuse_empty_values(self)

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)

    def make_parser(self, ctx: Any) -> Any:
        parser = _TextParser(ctx)
        for param in self.get_params(ctx):
            param.add_to_parser(parser, ctx)
        return parser

    def _main_shell_completion(
        self, ctx_args: Any, prog_name: str, complete_var: str | None = None
    ) -> None:
        """Shell completion as Typer's scripts ask for it (``complete_bash``) and as Click
        documents it (``_DIRTRACK_COMPLETE=bash_complete``, shell first), which Typer alone
        refuses with 'Shell complete not supported.'."""
        var = complete_var or f"_{prog_name}_COMPLETE".replace("-", "_").upper()
        value = os.environ.get(var, "")
        shell, _sep, action = value.partition("_")
        if shell in _SHELLS and action in ("complete", "source"):
            os.environ[var] = f"{action}_{shell}"
        elif value:
            action, _sep, shell = value.partition("_")
            if shell not in _SHELLS or action not in ("complete", "source"):
                # a value no completion script sets, left in the environment: Typer said
                # 'Invalid completion instruction.' in English, without 'Error:'
                lang = argv_lang(sys.argv[1:], None)
                said = error_text("completion_instruction", lang, {"var": var, "value": value})
                err(f"Error: {said}")
                raise SystemExit(ExitCode.ERROR)
        super()._main_shell_completion(ctx_args, prog_name, complete_var)

    def make_context(
        self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any
    ) -> Any:
        """The root context reads the configuration file into Click's default_map.

        Options then come from the command line, else the configuration file, else their
        defaults. Only the global options --db, --lang and --actor also read an environment
        variable, named on the option itself (``DIRTRACK_DB``…): there is no automatic
        ``DIRTRACK_<COMMAND>_<OPTION>``, so no variable left in a cron job's environment can
        turn a command into --help, --version, a dry run or an apply. A broken file is reported
        by :meth:`invoke`, as an error line.

        Ctrl-C or SIGTERM while the file is read or the options parsed (before any command
        runs) ends the run as it does inside a command: one line, exit 130 or 143, not
        Typer's silent exit 130.
        """
        if parent is not None:
            return self._make_context(info_name, args, parent, extra)
        try:
            return self._make_context(info_name, args, parent, extra)
        except KeyboardInterrupt as exc:
            obj = extra.get("obj")
            lang = getattr(obj, "lang", None) or argv_lang(args, extra.get("default_map"))
            stopped(exc, lang)

    def _make_context(
        self, info_name: str | None, args: list[str], parent: Any, extra: dict[str, Any]
    ) -> Any:
        """:meth:`make_context`; ``extra`` gets the run's State (its language) as ``obj``."""
        problem: DirtrackError | None = None
        if parent is None:
            from dirtrack import config
            from dirtrack.cli.common import State

            if "default_map" not in extra:
                try:
                    extra["default_map"] = config.load(self).default_map
                except DirtrackError as exc:
                    problem = exc
            # The language of this run, known before Click parses the options (an error in
            # them, or --help, comes before the root callback): the root callback replaces it.
            extra.setdefault("obj", State(db=None, lang=argv_lang(args, extra.get("default_map"))))
        try:
            ctx = super().make_context(info_name, args, parent, **extra)
        except UsageError as exc:
            if parent is not None or isinstance(exc, _SaidUsageError):
                raise
            show_usage_error(exc, extra["obj"].lang)
            raise typer.Exit(usage_exit_code(exc)) from None
        except DirtrackError as exc:  # a global option's value refused as it is parsed
            if parent is not None:
                raise
            err(f"Error: {exc.render(extra['obj'].lang)}")
            raise typer.Exit(ExitCode.ERROR) from None
        if problem is not None:
            ctx.meta[_CONFIG_PROBLEM] = problem
        return ctx

    def invoke(self, ctx: Any) -> Any:
        """:meth:`_invoke`; a Ctrl-C or SIGTERM that lands while a failure (or a first stop) is
        being said ends the run with the stop's code and nothing more: it went on to Click,
        which said "Aborted!" and exit 1."""
        try:
            return self._invoke(ctx)
        except KeyboardInterrupt as exc:
            raise typer.Exit(stop_code(exc)) from None

    def _invoke(self, ctx: Any) -> Any:
        from dirtrack.notes import noting_parts

        try:
            if ctx.parent is None and isinstance(ctx.meta.get(_CONFIG_PROBLEM), DirtrackError):
                raise ctx.meta[_CONFIG_PROBLEM]
            with noting_parts() as parts:
                try:
                    result = super().invoke(ctx)
                except typer.Exit as done:
                    _flush_stdout(ctx)
                    if done.exit_code not in (ExitCode.ERROR, 2):
                        _say_parts(parts, session_lang(ctx))
                    raise
                _flush_stdout(ctx)
                _say_parts(parts, session_lang(ctx))
            return result
        except DirtrackError as exc:
            said = _as_typed(_from_config(exc, ctx.meta.get(_LEAF)), ctx.meta.get(_LEAF))
            err(f"Error: {said.render(session_lang(ctx))}")
            raise typer.Exit(ExitCode.ERROR) from None
        except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM (Terminated)
            stopped(exc, session_lang(ctx), saved=_saved(ctx))
        except BrokenPipeError:
            # The reader went away (`dirtrack overdue | head`): not the user's error, no message,
            # unless a change was rolled back for it (`import … --format json | head`): the
            # lines read may say it was made.
            quiet_stdout()
            if getattr(ctx.find_root().obj, "unrecorded", False):
                err(f"Error: {error_text('stdout_reader_left', session_lang(ctx), {})}")
            raise typer.Exit(ExitCode.BROKEN_PIPE) from None
        except UsageError as exc:
            show_usage_error(exc, session_lang(ctx))
            raise typer.Exit(usage_exit_code(exc)) from None
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except Exception as exc:  # a bug or an unexpected database failure: still no traceback
            lang = session_lang(ctx)
            stop = _stop_inside(exc)
            if stop is not None:
                stopped(stop, lang, saved=_saved(ctx))
            failed = output_failure(exc)
            if failed is not None:  # stdout on a full disk: the output is cut, so say so
                quiet_stdout()
                err(f"Error: {failed.render(lang)}")
                raise typer.Exit(ExitCode.ERROR) from None
            known = _known_failure(exc)
            if known is not None and known[0] == "database_busy":
                known = _busy_held(ctx) or known
            if known is not None:
                err(f"Error: {error_text(known[0], lang, known[1])}")
                raise typer.Exit(ExitCode.ERROR) from None
            wrong = _stored_bytes(ctx, exc)
            if wrong is not None:
                err(f"Error: {error_text('db_wrong_kind', lang, wrong.params)}")
                raise typer.Exit(ExitCode.ERROR) from None
            detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
            params = {"kind": type(exc).__name__, "detail": detail}
            err(f"Error: {error_text('unexpected', lang, params)}")
            raise typer.Exit(ExitCode.ERROR) from None


def _say_parts(parts: dict[str, tuple[str, str, str]], lang: str) -> None:
    """Say on stderr, once each, the unit a reference given by part of its name, or by its name
    with other marks, was read as (:func:`dirtrack.notes.noting_parts`), after the command did
    its work."""
    from dirtrack.i18n import msg

    for ref, unit, how in parts.values():
        err(msg(how, lang, ref=ref, unit=unit))


def _saved(ctx: Any) -> bool:
    """Whether the command's change was committed (:attr:`dirtrack.cli.common.State.saved`)."""
    return bool(getattr(ctx.find_root().obj, "saved", False))


def _stop_inside(exc: BaseException) -> KeyboardInterrupt | None:
    """The Ctrl-C or SIGTERM an exception carries as its cause: Python 3.11 wraps one that
    arrives while a class is being built (a module loaded by the command, a dataclass field's
    ``__set_name__``) in ``RuntimeError('Error calling __set_name__ …')``."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return cause
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return None


def stopped(exc: KeyboardInterrupt, lang: str, *, saved: bool = False) -> NoReturn:
    """End the run stopped by Ctrl-C or SIGTERM (:class:`Terminated`): one line in ``lang``,
    exit 130 or 143. ``saved``: the command's change was committed before the stop came
    (:attr:`dirtrack.cli.common.State.saved`): the line says so, and is no ``Error:``."""
    key = "terminated" if isinstance(exc, Terminated) else "interrupted"
    if saved:
        err(error_text(f"{key}_saved", lang, {}))
    else:
        err(f"Error: {error_text(key, lang, {})}")
    raise typer.Exit(stop_code(exc)) from None


_CONFIG_PROBLEM = "dirtrack.config_problem"
_LEAF = "dirtrack.leaf"  # the context of the command that runs
# The shells Typer completes for (typer._completion_classes).
_SHELLS = frozenset({"bash", "zsh", "fish", "powershell", "pwsh"})


def _flush_stdout(ctx: Any) -> None:
    """Push what the command wrote to stdout out now, while a failure can still be reported.

    Redirected stdout is block-buffered: without this, a full disk would only be met at the
    interpreter's exit, after the command had reported success.
    """
    if ctx.parent is None:
        sys.stdout.flush()


# The root options that take a value (dirtrack.cli.root.root; tests/test_startup.py checks).
ROOT_VALUE_OPTIONS = frozenset({"--db", "-d", "--lang", "--actor", "--timezone"})


def root_args(args: list[str]) -> tuple[list[tuple[str, str]], str | None]:
    """The root options given before the command name, with their values, and that name
    (None when there is none), read from the arguments before Click parses them.

    Flags and options the root does not have are skipped: Click judges them.
    """
    given: list[tuple[str, str]] = []
    rest = iter(args)
    for arg in rest:
        if arg == "--":
            return given, next(rest, None)
        if arg.startswith("--") and "=" in arg:
            option, _sep, value = arg.partition("=")
            given.append((option, value))
        elif arg in ROOT_VALUE_OPTIONS:
            given.append((arg, next(rest, "")))
        elif not arg.startswith("-"):
            return given, arg
    return given, None


def argv_lang(args: list[str], default_map: dict[str, Any] | None) -> str:
    """``--lang`` as given before the command name, else DIRTRACK_LANG, the file, LANG."""
    from dirtrack.i18n import default_lang

    for option, value in root_args(args)[0]:
        if option == "--lang" and value.lower() in LANGS:
            return value.lower()
    for setting in (os.environ.get("DIRTRACK_LANG"), (default_map or {}).get("lang")):
        if isinstance(setting, str) and setting.lower() in LANGS:
            return setting.lower()
    return default_lang()


def session_lang(ctx: Any) -> str:
    """The language of this run's messages: ``--lang`` (or DIRTRACK_LANG, the config file).

    Read from the root's State, or, when the failure came before the root callback made it (a
    broken config file, a bad ``--actor``), from the parsed ``--lang``; else from LANG.
    """
    root = ctx.find_root()
    lang = getattr(root.obj, "lang", None) or root.params.get("lang")
    if lang:
        return str(getattr(lang, "value", lang))
    from dirtrack.i18n import default_lang

    return default_lang()


# PostgreSQL's 'nextval: reached maximum value of sequence "directive_id_seq" (2147483647)'
_PG_SEQUENCE = LazyPattern(r'sequence "(\w+)_id_seq"')


# What SQLite and PostgreSQL say of a table or column the query names and the database lacks:
# SQLite's "no such column: directive.product", "no such table: main.unit"; PostgreSQL's
# 'column directive.product does not exist', 'relation "directive" does not exist'.
_MISSING_SCHEMA = LazyPattern(
    r"no such (?:column|table): (?:main\.)?([\w.]+)"
    r'|column "?([\w.]+)"? does not exist|relation "?([\w.]+)"? does not exist'
)


def _output_encoding(exc: UnicodeEncodeError) -> str | None:
    """The encoding of stdout or stderr (PYTHONIOENCODING=ascii, a latin-1 locale) when it is
    the one that could not write what dirtrack printed, else None (text that was no text, a
    lone surrogate from the command line, is an input's failure)."""
    import codecs

    try:
        failed = codecs.lookup(exc.encoding).name
    except LookupError:
        return None
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        if not encoding:
            continue
        try:
            if codecs.lookup(encoding).name == failed and failed != "utf-8":
                return str(encoding)
        except LookupError:
            continue
    return None


# The quoted value in what SQLAlchemy's result processors say of a stored value they cannot
# convert: "Invalid isoformat string: '2024-3-5'", "Couldn't parse date string '05/03/2024'".
_QUOTED = LazyPattern(r"'(.*)'")


def _unreadable_value(exc: BaseException) -> str | None:
    """The stored value (quoted) that a database read could not convert to its column's type,
    when ``exc`` is that failure: raised in SQLAlchemy's result processors (a column's values
    on their way from the driver), not in dirtrack's own parsing of what a person typed."""
    if not isinstance(exc, ValueError | TypeError):
        return None
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    module = str(tb.tb_frame.f_globals.get("__name__", "")) if tb is not None else ""
    if not (module.startswith("sqlalchemy.") and "processors" in module):
        return None
    quoted = _QUOTED.search(str(exc))
    return repr(quoted[1]) if quoted else ""  # a day past its month's end: "day is out of range"


def _stored_bytes(ctx: Any, exc: BaseException) -> Any:
    """Where a SQLite register holds bytes (a BLOB) in a column of text, which another program
    wrote, when a command failed on bytes where it reads text (``TypeError: cannot use a string
    pattern on a bytes-like object``, ``Object of type bytes is not JSON serializable``): the
    first such value, as doctor's values check names it (:func:`dirtrack.store.health.
    bad_values`); None for any other failure. Looked for only once a command has failed, so
    reading a register costs nothing more."""
    if not any(
        isinstance(current, TypeError | AttributeError) and "bytes" in str(current)
        for current in causes(exc)
    ):
        return None
    from dirtrack.cli.common import state
    from dirtrack.db import make_engine, resolve_target
    from dirtrack.store.health import bad_values

    try:
        target = resolve_target(state(ctx).db)
        if not target.is_sqlite:
            return None
        with make_engine(target, create=False).connect() as conn:
            return next(bad_values(conn, text_only=True), None)
    except Exception:  # the register unreadable now: the failure is said as it was
        return None


def _busy_held(ctx: Any) -> tuple[str, dict[str, object]] | None:
    """The line of a writer that gave up waiting, naming what held the write lock: the process
    that holds the SQLite file's and what it waits for (:func:`dirtrack.db.lock_holder`), or
    the server session that holds PostgreSQL's, with its program, user, client and how long its
    transaction has been open (:func:`dirtrack.db.pg_lock_holder`); None when neither says."""
    from dirtrack.cli.common import state
    from dirtrack.db import lock_holder, resolve_target
    from dirtrack.i18n import Phrase

    try:
        target = resolve_target(state(ctx).db)
    except DirtrackError:
        return None
    if not target.is_sqlite:
        return _pg_busy_held(target)
    holder = lock_holder(target.path) if target.path is not None else None
    if holder is None:
        return None
    why = {"pipe": Phrase("busy_on_pipe"), "stopped": Phrase("busy_stopped")}
    return "database_busy_held", {
        "pid": holder.pid,
        "command": holder.command,
        "why": why.get(holder.waits_on or "", ""),
    }


def _pg_busy_held(target: Any) -> tuple[str, dict[str, object]] | None:
    """:func:`_busy_held` on PostgreSQL."""
    from dirtrack.db import pg_lock_holder
    from dirtrack.i18n import Phrase

    holder = pg_lock_holder(target)
    if holder is None:
        return None
    who: list[object] = [holder.program or Phrase("busy_pg_unnamed")]
    if holder.user is not None:
        who.append(Phrase("busy_pg_user", user=holder.user))
    if holder.client == "local":
        who.append(Phrase("busy_pg_local"))
    elif holder.client is not None:
        who.append(Phrase("busy_pg_client", client=holder.client))
    why: object = ""
    if holder.open_s is not None:
        age = _age(holder.open_s)
        idle = (holder.state or "").startswith("idle in transaction")
        active = holder.state == "active"
        key = "busy_pg_idle" if idle else "busy_pg_active" if active else "busy_pg_open"
        why = Phrase(key, age=age)
    return "database_busy_held_pg", {"pid": holder.pid, "who": who, "why": why}


def _age(seconds: int) -> object:
    """How long, in whole seconds, minutes or hours: ``45 s``, ``3 min 5 s``, ``2 h 10 min``."""
    from dirtrack.i18n import Phrase

    seconds = max(seconds, 0)
    if seconds < 60:
        return Phrase("age_s", s=seconds)
    if seconds < 3600:
        return Phrase("age_min", m=seconds // 60, s=seconds % 60)
    return Phrase("age_h", h=seconds // 3600, m=seconds % 3600 // 60)


def _known_failure(exc: BaseException) -> tuple[str, dict[str, object]] | None:
    """The error key (with its values) for failures that bad input, a busy database or a
    database that refuses writes cause, wherever they surface."""
    for current in causes(exc):
        if isinstance(current, UnicodeEncodeError) and (encoding := _output_encoding(current)):
            return "output_not_encodable", {"encoding": encoding}
        if isinstance(current, UnicodeError):
            return "not_utf8_input", {}
        if isinstance(current, OverflowError):
            return "number_too_large", {}
        if isinstance(current, ValueError) and str(current) == "embedded null byte":
            return "file_name_nul", {}  # a path holding NUL, refused by the system call
        if isinstance(current, OSError) and current.filename is not None:
            from dirtrack.inputs import OS_ERRNOS, os_reason

            if current.errno in OS_ERRNOS:  # a name too long, a loop of links… on any file
                return "file_os_failed", {
                    "file": str(current.filename),
                    "reason": os_reason(current),
                }
        text = str(current)
        if "database is locked" in text or "database is busy" in text:
            return "database_busy", {}
        # SQLite's SQLITE_FULL, PostgreSQL's DiskFull (53100), a journal that cannot grow.
        if "database or disk is full" in text or "No space left on device" in text:
            return "disk_full", {}
        if "attempt to write a readonly database" in text:
            return "db_read_only", {}
        # SQLite's SQLITE_IOERR while a command runs (its journal undoes the transaction)
        if "disk I/O error" in text:
            return "db_io_error", {}
        # SQLITE_CORRUPT on a page the opening checks did not read (a table's, an index's)
        if "database disk image is malformed" in text or "malformed database schema" in text:
            return "db_damaged", {}
        from dirtrack.db import CONNECTION_LOST

        if any(words in text for words in CONNECTION_LOST):
            return "db_connection_lost", {}
        from dirtrack.db import NOT_UTF8_COLUMN

        undecodable = NOT_UTF8_COLUMN.search(text)
        if undecodable is not None:  # a stored text's bytes: a damaged file, another program
            return "db_text_not_utf8", {"column": undecodable[1]}
        if isinstance(current, ValueError) and str(current).startswith(
            "All strings must be XML compatible"
        ):  # a stored text with NUL, ESC… (another program's) in a Word document: lxml's words
            return "db_text_control", {}
        value = _unreadable_value(current)
        if value is not None:  # a day as '2024-3-5' or '05/03/2024', written by another program
            if not value:  # the failure does not quote it: doctor names it
                return "db_value_unreadable_unquoted", {}
            return "db_value_unreadable", {"value": value}
        missing = _MISSING_SCHEMA.search(text)
        if missing is not None:  # a table or column dropped or renamed by another program
            return "db_schema_damaged", {"name": next(g for g in missing.groups() if g)}
        state = getattr(current, "sqlstate", None)  # a PostgreSQL server's error
        if state == "55P03":  # lock_not_available: another writer held on past lock_timeout
            return "database_busy", {}
        if state == "2200H":  # sequence_generator_limit_exceeded: ids at MAX_ID (store.limits)
            from dirtrack.store.limits import ids_exhausted

            table = _PG_SEQUENCE.search(text)
            exhausted = ids_exhausted(table[1] if table else "?")
            return str(exhausted.key), exhausted.params
        if state == "57014":  # query_canceled: the server's statement_timeout, or an administrator
            return "pg_canceled", {}
        if state == "25006":  # read_only_sql_transaction: a standby, or a read-only account
            return "pg_read_only", {}
        if state == "42501":  # insufficient_privilege
            from dirtrack.db import PG_DENIED

            denied = PG_DENIED.search(text)
            if denied is not None:
                return "pg_denied_on", {"name": denied[1]}
            return "pg_denied", {}
        foreign = _foreign_refusal(current, state)
        if foreign is not None:
            return foreign
    return None


def _foreign_refusal(exc: BaseException, state: str | None) -> tuple[str, dict[str, object]] | None:
    """A PostgreSQL server's refusal of a write by what another program or an administrator
    added to the register's database, which dirtrack does not make: a trigger's RAISE
    (raise_exception), a NOT NULL column or a CHECK constraint. Said in the run's language with
    the database's own words for it (a trigger's message, the constraint's or column's name);
    it was 'unexpected ProgrammingError: (psycopg.errors.RaiseException) …', and PostgreSQL's
    English 'null value in column … violates not-null constraint', under --lang vi. A failure
    of dirtrack's own columns stays unexpected (it would be a bug)."""
    diag = getattr(exc, "diag", None)
    if state == "P0001":
        return "pg_raised", {"message": getattr(diag, "message_primary", None) or str(exc)}
    if state not in ("23502", "23514"):  # not_null_violation, check_violation
        return None
    from dirtrack.models import metadata

    table = metadata().tables.get(str(getattr(diag, "table_name", None)))
    column = getattr(diag, "column_name", None)
    constraint = getattr(diag, "constraint_name", None)
    if state == "23502" and column and (table is None or column not in table.columns):
        return "pg_constraint", {"name": f"{getattr(diag, 'table_name', '')}.{column} NOT NULL"}
    if state == "23514" and constraint:
        own = table is not None and any(c.name == constraint for c in table.constraints)
        if not own:
            return "pg_constraint", {"name": constraint}
    return None


app = DirtrackTyper(
    cls=DirtrackGroup,
    name="dirtrack",
    help="Follow up on what leaders decide in meetings: directives, limitations and reports.",
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

unit_app = DirtrackTyper(
    cls=DirtrackGroup,
    help="Register and list units (cơ quan, đơn vị).",
)
app.add_typer(unit_app, name="unit")
