"""Settings: a TOML file, under the documented environment variables, under options.

The file is ``config.toml`` in the user config folder (platformdirs; on Linux
``~/.config/dirtrack/config.toml``), or the file ``DIRTRACK_CONFIG`` names. Its top-level keys
are the global options (``db``, ``lang``, ``actor``); a table per command sets that command's
options, by their long name::

    db = "/srv/vptu/dirtrack.db"   # relative paths are relative to this file's folder
    lang = "vi"

    [remind]
    within = 14
    stale-after = 21

    [report]
    cutoff = "nd09"

    [risk]                         # the thresholds of the risk colours (dirtrack.risk)
    soon-days = 7

The file becomes Click's ``default_map``: an option given on the command line wins over the
file, which wins over the built-in default. The global options alone also read an environment
variable (:data:`ENVIRONMENT`), which sits between the command line and the file. Unknown names
and values of the wrong kind are errors, so a typo never goes unnoticed; so are the options that
only a person at the command line may give (:data:`COMMAND_LINE_ONLY`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from dirtrack.errors import DirtrackError, InvalidInput, causes
from dirtrack.i18n import ClickPhrase, Phrase
from dirtrack.inputs import (
    TomlError,
    open_input,
    parse_toml,
    read_whole,
    refused_input,
    user_path,
)
from dirtrack.text import is_blank

CONFIG_ENV = "DIRTRACK_CONFIG"
# Every environment variable dirtrack reads, with the key of what it does (i18n TEXT), and no
# other: a variable left over in a cron job's environment must change nothing.
ENVIRONMENT = (
    ("DIRTRACK_DB", "env_db"),
    ("DIRTRACK_LANG", "env_lang"),
    ("DIRTRACK_ACTOR", "env_actor"),
    (CONFIG_ENV, "env_config"),
    ("NO_COLOR", "env_no_color"),
)
# Options that change what a command is (help instead of the work, a rehearsal instead of the
# write, a write instead of a rehearsal, no question asked): a person gives them each time, on
# the command line; a file that sets them is refused.
COMMAND_LINE_ONLY = frozenset(
    {"help", "version", "install_completion", "show_completion", "dry_run", "apply", "yes", "force"}
)


class ConfigError(InvalidInput):
    """The configuration file cannot be read or says something dirtrack does not know."""


def _check_mail(table: dict[str, Any], where: str) -> None:
    from dirtrack.mail import check_table

    check_table(table, where)


# Top-level tables that hold settings of their own rather than a command's options, each with
# the function that checks it: ``[mail]``, the SMTP server of ``pack out --mail``.
SETTING_TABLES = {"mail": _check_mail}


def config_path() -> Path:
    """``$DIRTRACK_CONFIG``, else ``config.toml`` in the user config folder."""
    named = os.environ.get(CONFIG_ENV, "").strip()
    if named:
        return user_path(named)
    from platformdirs import user_config_dir

    return Path(user_config_dir("dirtrack", appauthor=False)) / "config.toml"


def config_named() -> bool:
    """Whether the configuration file is one ``$DIRTRACK_CONFIG`` names, which must exist
    (the default one may be absent)."""
    return bool(os.environ.get(CONFIG_ENV, "").strip())


def _unopened(path: Path, exc: OSError, named: bool) -> ConfigError:
    """The configuration file that cannot be opened or read, said as every file a person names
    is (:func:`dirtrack.inputs.refused_input`: no such file, a folder, cannot read), after the
    variable that named it or the word *configuration*."""
    where: object = CONFIG_ENV if named else Phrase("w_configuration")
    return ConfigError.of("cfg_bad_value", where=where, detail=refused_input(path, exc))


def read_file(path: Path, *, named: bool = False) -> dict[str, Any]:
    """The file's tables as a dict; an empty dict when it does not exist, unless it was
    ``named`` (by ``$DIRTRACK_CONFIG``): a mistyped name must not run with the defaults.

    Raises:
        ConfigError: it cannot be read or is not valid TOML, or was named and is not there
            (a dangling link too).
    """
    try:
        handle = open_input(path)
    except FileNotFoundError as exc:
        if named:
            raise _unopened(path, exc, named) from None
        return {}
    except OSError as exc:
        raise _unopened(path, exc, named) from None
    except InvalidInput:  # a pipe or a device: never waited on
        raise ConfigError.of("cfg_not_regular", path=path) from None
    try:
        with handle:  # a 2 GB file took 4 GB of memory and two minutes, at every command
            return parse_toml(read_whole(handle, path).decode("utf-8"))
    except InvalidInput as exc:
        where: object = CONFIG_ENV if named else Phrase("w_configuration")
        raise ConfigError.of("cfg_bad_value", where=where, detail=exc) from None
    except OSError as exc:
        raise _unopened(path, exc, named) from None
    except TomlError as exc:
        raise ConfigError.of("cfg_not_toml", path=path, detail=exc.detail) from None
    except UnicodeDecodeError:
        raise ConfigError.of("cfg_not_utf8", path=path) from None


def command_tables() -> frozenset[str] | None:
    """The names of the configuration file's tables that set a command's options (each is
    checked against that command when dirtrack starts); None when the file cannot be read
    (:func:`load` reports why)."""
    try:
        raw = read_file(config_path(), named=config_named())
    except ConfigError:
        return None
    return frozenset(key for key, value in raw.items() if _names_command(key, value))


def _names_command(key: str, value: Any) -> bool:
    """Whether the top-level ``key`` of the file, set to ``value``, is a command's table."""
    return isinstance(value, dict) and key not in SETTING_TABLES and key != "risk"


def _settings(command: Any) -> dict[str, Any]:
    """The options a config table may set for ``command``, by every name they go by."""
    names: dict[str, Any] = {}
    for param in command.params:
        if param.name in COMMAND_LINE_ONLY or not getattr(param, "opts", None):
            continue
        if param.param_type_name != "option" or param.is_eager or not param.expose_value:
            continue
        names[param.name] = param
        for opt in param.opts:
            names[opt.lstrip("-").replace("-", "_")] = param
    return names


def long_name(param: Any) -> str:
    """The key that sets ``param`` in the file: its long option without dashes (``stale-after``
    for ``--stale-after``, ``all`` for urge's ``--all``), as errors and ``config`` name it."""
    return str(max(param.opts, key=len)).lstrip("-")


def _check_value(command: Any, param: Any, value: Any, where: str) -> Any:
    """Convert ``value`` as the command line would, so a bad one is caught here, by name;
    the value converted (``within = "7"``: 7; ``as-of = 2022-09-30``: the text)."""
    import typer

    if isinstance(value, list) and not param.multiple:
        raise ConfigError.of("cfg_list", where=where)
    if value in ("", []):  # said in the language of the run, which is not known yet
        raise ConfigError.of("cfg_bad_value", where=where, detail=Phrase("empty_value"))
    if param.multiple and not isinstance(value, list):
        value = [value]
    _check_kind(param, value if param.multiple else [value], where)
    try:
        if hasattr(param, "get_runtime_param"):  # Typer's own coercion
            ctx = typer.Context(command)
            return param.get_runtime_param().coerce(value, param=param, ctx=ctx)
        items = value if param.multiple else [value]
        converted = [param.type.convert(item, param, None) for item in items]
        return converted if param.multiple else converted[0]
    except Exception as exc:  # Click's BadParameter, whatever its message
        own = _own_error(exc)
        if own is not None:  # dirtrack's own refusal (`status = "sleeping"`): in the run's language
            raise bad_value(where, own) from None
        message = str(getattr(exc, "message", None) or exc).strip().splitlines()
        detail = ClickPhrase(message[0]) if message else Phrase("cfg_invalid_value")
        raise ConfigError.of("cfg_bad_value", where=where, detail=detail) from None


def _own_error(exc: BaseException) -> DirtrackError | None:
    """The DirtrackError with a catalog key behind ``exc`` (itself, or what it was raised from)."""
    for cause in causes(exc):
        if isinstance(cause, DirtrackError) and cause.key is not None:
            return cause
    return None


def _check_kind(param: Any, values: list[Any], where: str) -> None:
    """Refuse a TOML value of a kind the option cannot mean: ``within = 7.5`` was cut to 7 and
    ``within = true`` read as 1 by Click's conversion, ``actor = true`` became ``"True"``;
    ``within = 2022-01-01`` was Python's English (``int() argument must be…``). A TOML date is
    text to a text option (``as-of = 2022-09-30``), as Click's conversion makes it."""
    from typer._click.types import BoolParamType, IntParamType, StringParamType

    text = isinstance(param.type, StringParamType) or hasattr(param.type, "choices")
    # a day to an option that reads one: `as-of = 2022-09-30` is the text "2022-09-30"
    not_text = bool | float | time | (datetime if param.metavar in _DAY_METAVARS else date)
    for value in values:
        if isinstance(param.type, IntParamType) and isinstance(value, bool | float | date | time):
            raise ConfigError.of("cfg_mail_number", where=where)
        # `lang = 2024-01-01` was `datetime.date(2024, 1, 1) is not one of 'vi', 'en'`, `note =
        # 07:30:00` the text "07:30:00"; a whole number is its digits (`[report] number = 12`)
        if text and isinstance(value, not_text):
            check_text(value, where)
        # a yes-or-no option (`allow-duplicate = 1` was Python's English, `pending = "x"`
        # Click's, in either language): true or false, as TOML writes them, or the words Click
        # has always read as one (`"yes"`, `"off"`), so that a file written earlier still works
        if isinstance(param.type, BoolParamType) and not (
            isinstance(value, bool)
            or (isinstance(value, str) and value.strip().casefold() in _BOOL_WORDS)
        ):
            raise ConfigError.of("cfg_risk_flag", where=where, value=value)


# The options that read a day, given one as a TOML date (``as-of = 2022-09-30``).
_DAY_METAVARS = frozenset(("DATE", "WHEN", "PERIOD"))


def check_text(value: Any, where: str) -> None:
    """Refuse a TOML value that is not text (a number, true or false, a date or time) where
    text is wanted, naming ``where`` (the file and key) and the value as the file wrote it."""
    if isinstance(value, str):
        return
    if isinstance(value, bool):
        written = str(value).lower()
    elif isinstance(value, date | time):  # a datetime too, written with its T, as TOML does
        written = value.isoformat()
    else:
        written = repr(value)
    raise ConfigError.of("cfg_not_text", where=where, value=written)


# The words Click reads as yes or no (typer._click.types.BoolParamType).
_BOOL_WORDS = frozenset(("1", "0", "true", "false", "t", "f", "yes", "no", "y", "n", "on", "off"))


def _table_array(value: Any) -> bool:
    """Whether ``value`` is TOML's array of tables (``[[list]]``, ``list = [{…}, …]``)."""
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _default_map(
    raw: dict[str, Any], command: Any, path: Path, prefix: str, *, root: bool
) -> dict[str, Any]:
    result: dict[str, Any] = {}
    given: dict[str, Any] = {}  # the values of the command's options, by long name
    settings = _settings(command)
    subcommands: dict[str, Any] = getattr(command, "commands", {}) or {}
    for key, value in raw.items():
        where = f"{path}: {prefix}{key}"
        if _table_array(value) and key.replace("-", "_") not in settings:
            # `[[list]]` (or `x = [{…}]`): TOML's array of tables, read as no table of settings
            raise ConfigError.of("cfg_table_array", where=where, name=f"{prefix}{key}")
        if root and key in SETTING_TABLES:
            if not isinstance(value, dict):
                raise ConfigError.of("cfg_not_table", where=where, key=key)
            SETTING_TABLES[key](value, f"{where}.")
            continue
        if root and not _names_command(key, value) and isinstance(value, dict):
            continue  # [risk], the risk colours' thresholds: read by load(), not an option
        sub = subcommands.get(key) or subcommands.get(key.replace("_", "-"))
        if isinstance(value, dict) and sub is not None:
            result[sub.name] = _default_map(value, sub, path, f"{prefix}{key}.", root=False)
            continue
        if isinstance(value, dict) and key.replace("-", "_") not in settings:
            raise ConfigError.of("cfg_no_command", where=where, key=key)
        if key.replace("-", "_") in COMMAND_LINE_ONLY:
            option = "--" + key.replace("_", "-")
            raise ConfigError.of("cfg_command_line_only", where=where, option=option)
        param = settings.get(key.replace("-", "_"))
        if param is None:
            names = ", ".join(sorted({long_name(p) for p in settings.values()}))
            known = names or Phrase("w_none")
            problem = "cfg_no_global" if root else "cfg_no_setting"
            raise ConfigError.of(problem, where=where, known=known)
        if isinstance(value, dict):
            raise ConfigError.of("cfg_table", where=where)
        if not root and isinstance(value, str) and is_blank(value):
            # `note = " "`: refused when the command ran, as `note: only spaces…`, as if typed
            raise ConfigError.of("cfg_bad_value", where=where, detail=Phrase("empty_value"))
        converted = _check_value(command, param, value, where)
        if not root:
            _check_option_value(param, converted, where)
            given[long_name(param)] = converted
        if root and param.name in _ROOT_CHECKS:
            _check_root_value(param.name, value, where)
        if root and param.name == "db" and isinstance(value, str):
            value = resolve_db(value, path)
        if param.multiple and not isinstance(value, list):
            value = [value]  # `unit = "SYT"` for a repeatable option: the one value
        result[param.name] = value
    _check_exclusive(given, path, prefix)
    return result


def _check_actor(value: str) -> None:
    from dirtrack.text import actor_name

    actor_name(value)


def _check_zone(value: str) -> None:
    from dirtrack.periods import zone_named

    zone_named(value)


def check_db(value: str) -> None:
    """Refuse a blank ``db`` or a URL scheme without ``//`` (:func:`dirtrack.db.check_db_value`),
    or one holding a byte that is not UTF-8 (``DIRTRACK_DB``; ``--db`` is refused so as it is
    parsed)."""
    from dirtrack.text import refuse_undecodable

    refuse_undecodable(value, "--db")
    sqlite_url = value.strip().lower().startswith("sqlite") and "://" in value
    if value.strip() and (":" not in value or "://" in value) and not sqlite_url:
        # A path or a URL: checked when the database is opened. Only a value that may be
        # blank, a scheme without // or a SQLite URL (in memory?) loads dirtrack.db here.
        return
    from dirtrack.db import check_db_value

    check_db_value(value)


# The global options whose value the root command checks beyond Click's conversion (a name
# of 1 to 200 characters, a known time zone, a --db that is neither blank nor a URL scheme
# without //), with the function it checks them with: a bad one in the file is refused here,
# naming the file and the key, as every other bad value.
_ROOT_CHECKS = {"actor": _check_actor, "timezone": _check_zone, "db": check_db}


def _check_root_value(name: str, value: Any, where: str) -> None:
    check_text(value, where)  # `db = 5`, `timezone = 7`: each check reads text
    try:
        _ROOT_CHECKS[name](value)
    except DirtrackError as exc:
        raise bad_value(where, exc) from None


def _check_days(param: Any, value: Any) -> None:
    from dirtrack.remind import check_days

    check_days(value, f"--{long_name(param)}")


def _check_limit(param: Any, value: Any) -> None:
    from dirtrack.store.history import check_limit

    check_limit(value)


def _check_every(param: Any, value: Any) -> None:
    from dirtrack.store.series import every_named

    every_named(value)


def _check_series_day(param: Any, value: Any) -> None:
    from dirtrack.store.series import check_series_day

    check_series_day(value)


def _check_offset(param: Any, value: Any) -> None:
    from dirtrack.store.series import check_offset

    check_offset(value)


def _check_undo_count(param: Any, value: Any) -> None:
    from dirtrack.audit import check_undo_count

    check_undo_count(value)


def _check_verdict(param: Any, value: Any) -> None:
    from dirtrack.store.results import check_verdict

    check_verdict(value)


def _check_date(param: Any, value: Any) -> None:
    from dirtrack.periods import parse_date

    parse_date(value)


def _check_period(param: Any, value: Any) -> None:
    from dirtrack.periods import parse_period

    parse_period(value)


def _check_quarter(param: Any, value: Any) -> None:
    from dirtrack.periods import parse_quarter

    parse_quarter(value)


def _check_when(param: Any, value: Any) -> None:
    """A WHEN as far as it can be read without the meeting it counts from (a phrase such as
    'trong 10 ngày làm việc' is read when the command runs)."""
    from dirtrack.periods import parse_deadline
    from dirtrack.workdays import Workdays

    try:
        parse_deadline(value, None, Workdays())
    except DirtrackError as exc:
        if exc.key != "deadline_needs_meeting":
            raise


def _check_year(param: Any, value: Any) -> None:
    from dirtrack.periods import check_year

    check_year(value, str(value))


def _check_after_tet(param: Any, value: Any) -> None:
    from dirtrack.periods import check_after_tet

    check_after_tet(value)


def _check_early_day(param: Any, value: Any) -> None:
    from dirtrack.periods import check_early_day

    check_early_day(value)


def _check_percent(param: Any, value: Any) -> None:
    from dirtrack.store.directives import check_percent

    check_percent(value)


def _check_meeting(param: Any, value: Any) -> None:
    from dirtrack.store import positive_id

    positive_id(value, "meeting")


def _check_request(param: Any, value: Any) -> None:
    from dirtrack.store import positive_id

    positive_id(value, "request")


def _check_limitation(param: Any, value: Any) -> None:
    from dirtrack.store import positive_id

    positive_id(value, "limitation")


# A command's options whose value the command checks beyond Click's conversion (a number of
# days from 0 to 3660, a DATE, a PERIOD, a year, a meeting's, limitation's or request's id, a
# series' period, day or offset, the days of 'sau Tết' and 'đầu tháng', undo's count, a
# verdict, a share done), by their long name (urge's `--all` is its parameter `every`), with
# the function it checks them with: a bad one in the file is refused when the file is read,
# naming the file and the key (`remind.within = -5` was said as `--within must be…`, as if
# typed on the command line, and `as-of = "31/2/2022"` as an invalid date of nowhere). A value
# whose fault shows only when the command runs (a field the listing lacks, `out` a folder, a
# `date` after today) is said with the file's key there (dirtrack.cli.app._from_config).
_OPTION_CHECKS = {
    "within": _check_days,
    "stale-after": _check_days,
    "due-within": _check_days,
    "limit": _check_limit,
    "every": _check_every,
    "day": _check_series_day,
    "offset": _check_offset,
    "count": _check_undo_count,
    "verdict": _check_verdict,
    "year": _check_year,
    "meeting": _check_meeting,
    "limitation": _check_limitation,
    "repeat-of": _check_limitation,
    "from-request": _check_request,
    "after-tet": _check_after_tet,
    "early-day": _check_early_day,
    "percent": _check_percent,
    "quarter": _check_quarter,
}

# Options of a command that exclude each other, by their long name, with the error that says
# so: both set in the file (`[assign] day = 20` and `offset = 5`) are refused when the file is
# read, naming the file and both keys, not as a usage error of options nobody typed. One set in
# the file and the other typed: the typed one replaces the file's (dirtrack.cli.directives).
_EXCLUSIVE = (
    ("day", "offset", "day_and_offset"),
    ("unit", "attendees", "unit_or_attendees"),
    ("repeat-of", "new", "repeat_or_new"),
)


def _check_exclusive(given: dict[str, Any], path: Path, prefix: str) -> None:
    """Refuse a command's table that sets two options of :data:`_EXCLUSIVE` (``given``: the
    table's values by long name, converted; a flag set to false is not given)."""
    for first, second, key in _EXCLUSIVE:
        if all(given.get(name) not in (None, False, []) for name in (first, second)):
            where = f"{path}: {prefix}{first}, {prefix}{second}"
            raise bad_value(where, InvalidInput.of(key))


def _check_option_value(param: Any, value: Any, where: str) -> None:
    check = _OPTION_CHECKS.get(long_name(param))
    if check is None and param.metavar == "DATE" and not param.multiple:
        check = _check_date
    if check is None and param.metavar == "PERIOD" and not param.multiple:
        check = _check_period
    if check is None and param.metavar == "WHEN" and not param.multiple:
        check = _check_when
    if check is None:
        return
    try:
        check(param, value)
    except DirtrackError as exc:
        raise bad_value(where, exc) from None


def bad_value(where: str, exc: DirtrackError) -> ConfigError:
    """``exc``, a value refused, said with where the value came from: ``where`` is the file
    and key (``config.toml: actor``) or the environment variable (``DIRTRACK_ACTOR``)."""
    detail = str(exc) if exc.key is None else Phrase(exc.key, **exc.params)
    return ConfigError.of("cfg_bad_value", where=where, detail=detail)


def resolve_db(value: str, path: Path) -> str:
    """A database path in the file is relative to the file's folder; URLs are kept."""
    if "://" in value or not value:
        return value
    target = user_path(value)
    return os.path.normpath(target if target.is_absolute() else path.parent / target)


@dataclass(frozen=True)
class Loaded:
    """The configuration file and what it sets."""

    path: Path
    exists: bool
    raw: dict[str, Any]
    default_map: dict[str, Any]

    def table(self, name: str) -> dict[str, Any]:
        """A settings table of :data:`SETTING_TABLES` (``mail``), checked; empty when absent."""
        found = self.raw.get(name)
        return dict(found) if isinstance(found, dict) else {}


def load(root_command: Any) -> Loaded:
    """Read and check the configuration file against the commands of ``root_command``.

    Raises:
        ConfigError: unreadable, not TOML, an unknown command or setting, or a bad value.
    """
    from dirtrack import risk

    path = config_path()
    raw = read_file(path, named=config_named())
    table = raw.get("risk")
    risk.use(risk.rules_from(table, f"{path}: risk") if isinstance(table, dict) else risk.DEFAULT)
    return Loaded(
        path=path,
        exists=path.is_file(),
        raw=raw,
        default_map=_default_map(raw, root_command, path, "", root=True),
    )


def env_var(param: Any) -> str | None:
    """The environment variable that sets ``param`` (only the global options have one)."""
    envvar = getattr(param, "envvar", None)
    return envvar if isinstance(envvar, str) else None
