"""--help, Click's usage errors and the values of --kind/--category/--status in either language.

The command is built once and invoked with different --lang, as the suite and a long-lived
process do: the language is chosen per invocation, never when the command is built.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest
import typer.testing
from typer._click.types import BoolParamType
from typer.core import TyperArgument
from typer.main import get_command
from typer.testing import CliRunner

from dirtrack.cli import app
from dirtrack.cli.app import said_in
from dirtrack.i18n import _
from tests.conftest import Cli, Seeded, as_typed, clerk_env, file_digest, run

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

COMMAND = get_command(app)


def invoke(*args: str, env: dict[str, str] | None = None) -> Any:
    """Run the one command built above (CliRunner would build it again from the app)."""
    with patch.object(typer.testing, "_get_command", lambda _app: COMMAND):
        return CliRunner().invoke(app, list(args), env=env)


# Each --help a walk of the tree reads, as shown: several tests read the same (the tree in each
# language at 80 and 4000 columns), which is rendered once a process.
_HELPS: dict[tuple[tuple[str, ...], tuple[tuple[str, str], ...]], str] = {}


def shown_help(*args: str, columns: int, env: dict[str, str] | None = None) -> str:
    """``dirtrack *args --help`` at ``columns`` columns (with ``env``), which succeeds: its
    stdout."""
    key = (args, tuple(sorted((env or {}).items())) + (("COLUMNS", str(columns)),))
    found = _HELPS.get(key)
    if found is None:
        result = invoke(*args, "--help", env={"COLUMNS": str(columns), **(env or {})})
        assert result.exit_code == 0, (args, env, result.stderr)
        found = _HELPS[key] = result.stdout
    return found


def flat(text: str) -> str:
    return " ".join(text.replace("│", " ").split())


def test_root_help_in_vietnamese_then_english_then_vietnamese() -> None:
    for _round in range(2):
        vi = invoke("--lang", "vi", "--help")
        assert vi.exit_code == 0
        assert "Cách dùng: dirtrack [TÙY CHỌN] LỆNH [THAM SỐ]..." in vi.stdout
        assert "Theo dõi việc thực hiện kết luận" in flat(vi.stdout)
        assert "Tùy chọn" in vi.stdout and "Lệnh" in vi.stdout
        assert "Hiện hướng dẫn này rồi thoát." in flat(vi.stdout)
        assert "Show this message" not in vi.stdout and "Usage:" not in vi.stdout
        en = invoke("--lang", "en", "--help")
        assert en.exit_code == 0
        assert "Usage: dirtrack [OPTIONS] COMMAND [ARGS]..." in en.stdout
        assert "Follow up on what leaders decide" in flat(en.stdout)
        assert "Show this message and exit." in flat(en.stdout)
        assert "Cách dùng" not in en.stdout


def test_assign_help_in_either_language() -> None:
    vi = invoke("--lang", "vi", "assign", "--help")
    assert vi.exit_code == 0
    text = flat(vi.stdout)
    assert "Cách dùng: dirtrack assign [TÙY CHỌN]" in text
    assert "Ghi nhiệm vụ giao cho đơn vị chủ trì tại một cuộc họp." in text
    assert "Tham số" in text and "[bắt buộc]" in text
    assert "Đơn vị chủ trì (dùng được nhiều lần" in text
    en = invoke("--lang", "en", "assign", "--help")
    assert "Record a directive given at a meeting to a lead unit." in flat(en.stdout)
    assert "Arguments" in en.stdout and "[required]" in en.stdout


def test_a_sentence_several_options_say_is_one_message() -> None:
    """`history --meeting/--limitation/--unit` ("Every change to this meeting.") and the
    `--allow-duplicate` of `assign`, `add-meeting` and `add-limitation` ("Record it even
    though …") were a msgid each, the same sentence translated three times. Each is one
    message now, the record (as `history` names it) or what is repeated filled in; the help
    reads as before in either language."""
    from babel.messages.pofile import read_po

    po = Path(__file__).resolve().parent.parent / "dirtrack/locale/vi/LC_MESSAGES/dirtrack.po"
    with po.open("rb") as handle:
        ids = {m.id for m in read_po(handle, locale="vi", domain="dirtrack") if m.id}
    assert {"Every change to this {record}.", "Record it even though {repeated}."} <= ids
    assert not {
        i for i in ids if isinstance(i, str) and i.startswith("Every change to this ") and
        "{" not in i
    }  # fmt: skip
    assert not {i for i in ids if isinstance(i, str) and i.startswith("Record it even ") and
                "{" not in i}  # fmt: skip
    said = {
        ("history",): {
            "en": ["Every change to this meeting.", "Every change to this limitation.",
                   "Every change to this unit."],
            "vi": ["Mọi thay đổi của cuộc họp này.", "Mọi thay đổi của hạn chế này.",
                   "Mọi thay đổi của đơn vị này."],
        },
        ("assign",): {
            "en": ["Record it even though the unit has the same directive from this meeting."],
            "vi": ["Vẫn ghi dù đơn vị đã có nhiệm vụ này từ cuộc họp này."],
        },
        ("add-meeting",): {
            "en": ["Record it even though a meeting with the same date and title exists."],
            "vi": ["Vẫn ghi dù đã có cuộc họp cùng ngày và tiêu đề."],
        },
        ("add-limitation",): {
            "en": ["Record it even though the meeting raised the same about the unit already."],
            "vi": ["Vẫn ghi dù cuộc họp đã nêu hạn chế này đối với đơn vị."],
        },
    }  # fmt: skip
    for command, by_lang in said.items():
        for lang, sentences in by_lang.items():
            shown = invoke("--lang", lang, *command, "--help")
            assert shown.exit_code == 0, shown.stdout
            for sentence in sentences:
                assert sentence in flat(shown.stdout), (command, lang, sentence)


def test_lang_from_the_environment_for_help() -> None:
    assert "Cách dùng:" in invoke("--help", env={"DIRTRACK_LANG": "vi"}).stdout
    assert "Cách dùng:" in invoke("--help", env={"LANG": "vi_VN.UTF-8"}).stdout
    assert "Usage:" in invoke("--lang", "en", "--help", env={"LANG": "vi_VN.UTF-8"}).stdout


def test_the_locale_of_messages_is_read_as_posix_orders_it() -> None:
    """LC_MESSAGES names the language of messages over LANG, and LC_ALL over both: a shell
    with LANG=C.UTF-8 and LC_MESSAGES=vi_VN.UTF-8 was answered in English."""
    vi, en = "vi_VN.UTF-8", "C.UTF-8"
    assert "Cách dùng:" in invoke("--help", env={"LANG": en, "LC_MESSAGES": vi}).stdout
    assert "Usage:" in invoke("--help", env={"LANG": vi, "LC_MESSAGES": en}).stdout
    assert "Usage:" in invoke("--help", env={"LC_ALL": en, "LC_MESSAGES": vi}).stdout
    assert "Cách dùng:" in invoke("--help", env={"LC_ALL": vi, "LC_MESSAGES": en}).stdout


def test_language_is_read_first_as_gettext_reads_it(tmp_path: Path) -> None:
    """LANGUAGE (gettext's list, LANGUAGE=vi:en) was not read: a desktop whose LANG is English
    and LANGUAGE Vietnamese got English. Its first language dirtrack speaks wins over LC_ALL,
    LC_MESSAGES and LANG; DIRTRACK_LANG and --lang over it; the C locale ignores it, as GNU
    gettext does."""
    vi, en = "vi_VN.UTF-8", "en_US.UTF-8"
    said = {"Cách dùng:": "vi", "Usage:": "en"}

    def lang(*args: str, **env: str) -> str:
        out = invoke(*args, "--help", env=env).stdout
        return next(said[w] for w in said if w in out)

    assert lang(LANG=en, LANGUAGE="vi:en") == "vi"
    assert lang(LC_ALL=en, LANGUAGE="vi_VN") == "vi"
    assert lang(LC_MESSAGES=en, LANG=en, LANGUAGE="fr:de:vi") == "vi"  # the first it speaks
    assert lang(LANG=vi, LANGUAGE="en_GB:vi") == "en"
    assert lang(LANG=vi, LANGUAGE="fr") == "en"  # none it speaks: untranslated, as gettext
    assert lang(LANG=vi, LANGUAGE="") == "vi"  # set to nothing: as not set
    assert lang(LANG="C", LANGUAGE="vi") == "en"  # the C locale ignores it
    assert lang(LANG="C.UTF-8", LANGUAGE="vi") == "vi"
    assert lang(LANG=en, LANGUAGE="vi", DIRTRACK_LANG="en") == "en"
    assert lang("--lang", "en", LANG=en, LANGUAGE="vi") == "en"
    assert lang("--lang", "vi", LANG=vi, LANGUAGE="en") == "vi"
    # config names the variable that decided
    rows = invoke(
        "--db",
        str(tmp_path / "x.db"),
        "config",
        "--format",
        "json",
        env={"LANG": en, "LANGUAGE": "vi:en"},
    ).stdout
    [row] = [r for r in json.loads(rows) if r["key"] == "lang"]
    assert row == {"key": "lang", "value": "vi", "source": "default", "origin": "LANGUAGE=vi:en"}


def command_paths(command: Any = COMMAND, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and group of the Click tree, at any depth, root excepted."""
    paths: list[tuple[str, ...]] = []
    for name, sub in (getattr(command, "commands", None) or {}).items():
        paths.append((*path, name))
        paths.extend(command_paths(sub, (*path, name)))
    return paths


@pytest.mark.parametrize("path", command_paths(), ids=" ".join)
def test_every_command_help_is_in_vietnamese(path: tuple[str, ...]) -> None:
    command: Any = COMMAND
    for name in path:
        command = command.commands[name]
    first = command.help.split("\n\n")[0]
    shown = shown_help("--lang", "vi", *path, columns=80)
    said = _(command.help, "vi").split("\n\n")[0]
    assert said != first, f"{' '.join(path)}: its help is not in the catalog"
    assert flat(said) in flat(shown)
    assert "Cách dùng:" in shown


# English words that a Vietnamese --help has no reason to show: an untranslated sentence or a
# keyword the user may type in Vietnamese too (``current``: ``quý này``).
ENGLISH_WORDS = {
    "the", "and", "from", "when", "only", "default", "each", "this", "that", "which", "not",
    "for", "its", "are", "given", "else", "one", "all", "any", "every", "without", "before",
    "after", "until", "current", "previous", "start", "end",
}  # fmt: skip


def test_no_english_in_any_vietnamese_help() -> None:
    """Every --help, under --lang vi and under LANG=vi_VN.UTF-8, is Vietnamese but for option
    names, quoted commands, codes given beside their Vietnamese names (``quá hạn (overdue)``)
    and defaults: the period keywords were left in English, a status said by its code."""
    found = []
    for path in [(), *command_paths()]:
        for args, env in ((("--lang", "vi"), {}), ((), {"LANG": "vi_VN.UTF-8"})):
            text = re.sub(
                r"`[^`]*`|--?[\w-]+|\([a-z_-]+\)|'[a-z]+'|\[mặc định: [\w-]+\]",
                " ",
                flat(shown_help(*args, *path, columns=4000, env=env)),
            )
            words = {w for w in re.findall(r"[A-Za-z]+", text) if w.lower() in ENGLISH_WORDS}
            if words:
                found.append(f"{' '.join(path)} {env}: {sorted(words)}")
    assert found == []


def english_of_the_catalog() -> dict[str, str]:
    """Each run of three or more English words of a translated catalog message (its literal
    text between placeholders and code in backquotes) that its Vietnamese does not hold too,
    with the msgid it comes from: none of them may be left in a Vietnamese help."""
    from babel.messages.pofile import read_po

    po = Path(__file__).resolve().parent.parent / "dirtrack/locale/vi/LC_MESSAGES/dirtrack.po"
    with po.open("rb") as handle:
        catalog = read_po(handle)
    runs: dict[str, str] = {}
    for message in catalog:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        said = message.string if isinstance(message.string, tuple) else (message.string,)
        vietnamese = flat(" ".join(s or "" for s in said))
        if not message.id or not vietnamese:
            continue
        for msgid in ids:
            for part in re.split(r"\{[^}]*\}|%\(\w+\)[sd]|%[sd]|`[^`]*`", msgid):
                words = flat(part).strip(" .,;:()[]")
                if len(words.split()) >= 3 and words not in vietnamese:
                    runs[words] = msgid
    return runs


# Click's and Typer's own words in a help: translated through the catalog too.
CLICK_ENGLISH = (
    "Usage:", "Options", "Arguments", "Commands", "Show this message", "[default", "[required]",
    "[env var", "TEXT", "INTEGER", "<text>", "<integer>", "BOOLEAN",
)  # fmt: skip


def test_no_catalog_message_is_left_in_english_in_any_vietnamese_help() -> None:
    """Walks every command and group of the installed Click tree (not a list of them), with
    --lang vi and with LANG=vi_VN.UTF-8: no message of the catalog is shown in its English
    (a docstring, an option's help, a placeholder, a choice's help, Click's own words)."""
    english = english_of_the_catalog()
    assert len(english) > 1000
    found: list[str] = []
    paths = [(), *command_paths()]
    assert ("unit", "add") in paths and ("edit", "directive") in paths
    for path in paths:
        for args, env in ((("--lang", "vi"), {}), ((), {"LANG": "vi_VN.UTF-8"})):
            text = flat(shown_help(*args, *path, columns=4000, env=env))
            assert "Cách dùng:" in text, path
            where = f"dirtrack {' '.join(path)} {env or '--lang vi'}"
            found += [f"{where}: {run!r} ({english[run]!r})" for run in english if run in text]
            found += [f"{where}: {word!r}" for word in CLICK_ENGLISH if word in text]
    assert found == []


def usage_mistakes(command: Any) -> Iterator[list[str]]:
    """The usage mistakes a person can make with ``command``, made from its parameters: an
    option that is not there, a missing argument, an option without its value, a number, a
    date or a choice it cannot take, a value given to a flag, a command a group has not."""
    from typer._click.types import IntParamType

    yield ["--nope"]
    if getattr(command, "commands", None):
        yield ["nope"]
    elif any(p.param_type_name == "argument" and p.required for p in command.params):
        yield []
    for param in command.params:
        if param.param_type_name != "option" or param.name == "help":
            continue
        if getattr(param, "is_flag", False) or getattr(param, "count", False):
            if param.opts[0].startswith("--"):
                yield [f"{param.opts[0]}=x"]
            continue
        yield [param.opts[0]]
        if isinstance(param.type, IntParamType):
            yield [param.opts[0], "abc"]
        if param.metavar in ("DATE", "WHEN", "PERIOD"):
            yield [param.opts[0], "2022-13-45"]
        if param.type.name == "choice":
            yield [param.opts[0], "zzz"]


def test_every_usage_error_of_every_command_is_one_vietnamese_line(tmp_path: Path) -> None:
    """Every command of the Click tree, each usage mistake its parameters allow, under --lang vi
    and LANG=vi_VN.UTF-8: one line 'Error: …' on stderr in Vietnamese (no English of the
    catalog, none of Click's own words), nothing on stdout, exit 2 for a usage error and 1 for
    a value it cannot take (docs/CLI.md), and no database made."""
    english = english_of_the_catalog()
    click_words = ("Try '", "Missing", "No such", "requires an argument", "is not a valid",
                   "is not one of", "Got unexpected", "Usage:", "Traceback")  # fmt: skip
    db = tmp_path / "never.db"
    found: list[str] = []
    runs = 0
    for path in command_paths():
        command: Any = COMMAND
        for name in path:
            command = command.commands[name]
        for mistake in usage_mistakes(command):
            for args, env in ((("--lang", "vi"), None), ((), {"LANG": "vi_VN.UTF-8"})):
                result = invoke("--db", str(db), *args, *path, *mistake, env=env)
                runs += 1
                lines = result.stderr.strip().splitlines()
                text = flat(result.stderr)
                left = [run for run in english if run in text]
                left += [word for word in click_words if word in text]
                one_line = len(lines) == 1 and lines[0].startswith("Error: ")
                if result.exit_code not in (1, 2) or not one_line or left or result.stdout:
                    said = f"exit {result.exit_code}: {result.stderr!r} {result.stdout!r} {left}"
                    found.append(f"dirtrack {' '.join((*path, *mistake))} {env}: {said}")
    assert runs > 1000
    assert found == []
    assert not db.exists()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_report_formats_leave_room_for_the_help_at_80_columns(lang: str) -> None:
    """report and score wrote '<table|json|csv|md|html|xl / sx|docx>' as the placeholder of
    --format, which left every option's help 27 columns at 80: FORMAT (ĐỊNH_DẠNG), the formats
    being listed in the help."""
    for command in ("report", "score"):
        result = invoke("--lang", lang, command, "--help", env={"COLUMNS": "80"})
        assert result.exit_code == 0
        line = next(line for line in result.stdout.splitlines() if "│ --format" in line)
        placeholder = {"vi": "ĐỊNH_DẠNG", "en": "FORMAT"}[lang]
        assert placeholder in line and "table, json, csv, md, html, xlsx" in line, line


def test_no_help_cuts_a_word_at_80_columns() -> None:
    """Every --help of the tree, in either language, at 80 columns holds no word it does not
    hold at 4000 (a word cut with '…' or broken across lines): delete's argument was shown as
    'meeting|directive|limitat…', its '<choice>' label taking the room its name needed."""
    cut: list[str] = []
    for path in [(), *command_paths()]:
        for lang in ("vi", "en"):
            narrow = shown_help("--lang", lang, *path, columns=80)
            wide = shown_help("--lang", lang, *path, columns=4000)
            assert max(len(line) for line in narrow.splitlines()) <= 80, (path, lang)
            words = set(re.findall(r"[^\s│╭╮╰╯─]+", wide))
            cut += [
                f"{' '.join(path)} {lang}: {w}"
                for w in re.findall(r"[^\s│╭╮╰╯─]+", narrow)
                if w not in words
            ]
    assert cut == []
    shown = invoke("--lang", "vi", "delete", "--help", env={"COLUMNS": "80"}).stdout
    assert "│ *    meeting|directive|limitation " in shown


def test_a_click_usage_error_in_either_language() -> None:
    # Off a terminal (a script, cron; CliRunner here), one line like every other error.
    vi = invoke("--lang", "vi", "assign", "1", "x", "--nope")
    assert vi.exit_code == 2
    assert vi.stderr.splitlines() == [
        "Error: Không có tùy chọn: --nope. Xem hướng dẫn: 'dirtrack assign -h'."
    ]
    en = invoke("--lang", "en", "assign", "1", "x", "--nope")
    assert en.exit_code == 2
    assert en.stderr.splitlines() == [
        "Error: No such option: --nope. Try 'dirtrack assign -h' for help."
    ]
    missing = invoke("--lang", "vi", "add-meeting", "--date", "2022-05-06")
    assert missing.exit_code == 2 and "Thiếu tùy chọn '--title'." in missing.stderr
    bad = invoke("--lang", "vi", "list", "--format", "pdf")
    assert bad.exit_code == 1  # an invalid value, not a usage error
    assert "Giá trị không hợp lệ cho '--format' / '-f': 'pdf' không thuộc:" in flat(bad.stderr)
    extra = invoke("--lang", "en", "show", "1", "2")
    assert extra.exit_code == 2 and "Got unexpected extra argument (2)" in extra.stderr
    # an extra argument that is empty (an unset "$VAR" in a script) is said too, as ''
    empty = invoke("--lang", "vi", "show", "1", "")
    assert empty.exit_code == 2
    assert empty.stderr.splitlines() == [
        "Error: Thừa tham số (''). Xem hướng dẫn: 'dirtrack show -h'."
    ]


def test_every_group_without_its_command_is_a_usage_error() -> None:
    """dirtrack unit (any group) with no command printed its help on stdout and exited 2,
    while dirtrack --lang en said 'Error: Missing command.': a group without a command, the
    root too, bare or not, is a usage error as CLI.md says: one line on stderr in the
    language of the run, nothing on stdout, exit 2. office, which shows the profile with no
    command, is no such group."""
    groups: list[str] = []

    def walk(command: Any, path: str) -> None:
        subs = getattr(command, "commands", None)
        if subs is None:
            return
        if not command.invoke_without_command:
            groups.append(path)
        for name, sub in subs.items():
            walk(sub, f"{path} {name}".strip())

    walk(COMMAND, "")
    assert {"", "unit", "series", "pack", "edit", "request", "calendar", "field"} <= set(groups)
    for group in groups:
        words = group.split()
        shown = " ".join(["dirtrack", *words])
        for lead, said in (
            ([], None),
            (["--lang", "en"], f"Error: Missing command. Try '{shown} -h' for help."),
            (["--lang", "vi"], f"Error: Thiếu lệnh. Xem hướng dẫn: '{shown} -h'."),
        ):
            result = invoke(*lead, *words, env={"DIRTRACK_LANG": "en"})
            assert result.exit_code == 2, (group, lead, result.stdout)
            assert result.stdout == "", (group, lead)
            lines = result.stderr.splitlines()
            assert len(lines) == 1, (group, lead, result.stderr)
            expected = said or f"Error: Missing command. Try '{shown} -h' for help."
            assert lines[0] == expected, (group, lead)


def test_a_missing_choice_is_said_in_the_language_of_the_run() -> None:
    """A missing argument that is a choice (completion's shell) was Typer's English, its choices
    one a line with tabs, under --lang vi too."""
    said = {
        ("--lang", "vi"): "Error: Thiếu tham số 'LOẠI_SHELL'. Chọn một trong: bash, zsh, fish. "
        "Xem hướng dẫn: 'dirtrack completion -h'.",
        ("--lang", "en"): "Error: Missing argument 'SHELL'. Choose from: bash, zsh, fish. "
        "Try 'dirtrack completion -h' for help.",
    }
    for args, line in said.items():
        result = invoke(*args, "completion")
        assert result.exit_code == 2
        assert result.stderr.splitlines() == [line]
    result = invoke("completion", env={"LANG": "vi_VN.UTF-8", "DIRTRACK_LANG": ""})
    assert result.stderr.splitlines() == [said[("--lang", "vi")]]


def test_the_usage_errors_of_typers_own_click_in_vietnamese() -> None:
    """The messages of the Click that Typer vendors: a typo'd command with its suggestion, a
    number that is not one, a --lang that names no language, with its variable."""
    cases = [
        (
            ["lst"],
            "Error: Không có lệnh 'lst'. Có phải ý bạn là 'list'? Xem hướng dẫn: 'dirtrack -h'.",
        ),
        (
            ["unit", "lst"],
            "Error: Không có lệnh 'lst'. Có phải ý bạn là 'list'? "
            "Xem hướng dẫn: 'dirtrack unit -h'.",
        ),
        (
            ["show", "abc"],
            "Error: Giá trị không hợp lệ cho 'SỐ': 'abc' không phải là số nguyên hợp lệ. "
            "Xem hướng dẫn: 'dirtrack show -h'.",
        ),
        (
            ["progress", "1", "--percent", "1.5"],
            "Error: Giá trị không hợp lệ cho '--percent': '1.5' không phải là số nguyên hợp lệ. "
            "Xem hướng dẫn: 'dirtrack progress -h'.",
        ),
    ]
    for args, line in cases:
        result = invoke("--lang", "vi", *args)
        assert result.exit_code == (2 if args[-1] == "lst" else 1)  # a value: 1
        assert result.stderr.splitlines() == [line]
    bad = invoke("list", env={"DIRTRACK_LANG": "xx", "LANG": "vi_VN.UTF-8"})
    assert bad.exit_code == 1
    assert bad.stderr.splitlines() == [
        "Error: Giá trị không hợp lệ cho '--lang' (biến môi trường: 'DIRTRACK_LANG'): 'xx' "
        "không thuộc: 'vi', 'en'. Xem hướng dẫn: 'dirtrack -h'."
    ]
    en = invoke("--lang", "en", "show", "abc")
    assert "'abc' is not a valid integer." in en.stderr


# Placeholders that are codes a user types as they are, in either language: not translated.
CODE_PLACEHOLDERS = re.compile(r"<?[a-z0-9_-]+(\|[a-z0-9_-]+)+>?|A,B,C")


def placeholders(command: Any, ctx: Any) -> Iterator[tuple[str, str]]:
    """(what, text) for each placeholder and type label ``command``'s --help shows, as Typer's
    rich help takes them from its parameters (typer.rich_utils._print_options_panel)."""
    for param in command.get_params(ctx):
        if isinstance(param.type, BoolParamType) or getattr(param, "count", False):
            continue
        if isinstance(param, TyperArgument):
            yield f"argument {param.name}", param.metavar or f"{param.name} (no metavar)"
            label = param.type.get_metavar(param=param, ctx=ctx)
            if label is None:
                label = f"<{param.type.name}>"
            # "" (none shown) beside an argument named by its choices, in either language
            yield f"type of argument {param.name}", label
        else:
            yield f"option {param.opts[0]}", param.make_metavar(ctx)


def test_every_placeholder_and_type_label_is_in_vietnamese() -> None:
    """The whole command tree under vi: no placeholder (DATE, FILE, an argument's name) and no
    type label (<str>, <int>, <choice>) is left in English, except lists of codes."""
    left: list[str] = []
    shown = 0

    def walk(command: Any, path: str, parent: Any) -> None:
        nonlocal shown
        ctx = command.context_class(command, info_name=path.split()[-1], parent=parent)
        english = dict(placeholders(command, ctx))
        with said_in("vi", command, ctx):
            vietnamese = dict(placeholders(command, ctx))
        assert vietnamese.keys() == english.keys()
        for what, text in english.items():
            shown += 1
            if vietnamese[what] == text and not CODE_PLACEHOLDERS.fullmatch(text):
                left.append(f"{path}: {what}: {text}")
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, f"{path} {name}", ctx)

    walk(COMMAND, "dirtrack", None)
    assert shown > 300
    assert left == []
    # and back in English afterwards: the tree is shared by every invocation
    assert invoke("--lang", "en", "assign", "--help").stdout.count("MEETING_ID TEXT") == 1


def test_help_shows_vietnamese_placeholders_and_english_is_as_before() -> None:
    vi = flat(invoke("--lang", "vi", "assign", "--help").stdout)
    assert "Cách dùng: dirtrack assign [TÙY CHỌN] CUỘC_HỌP NỘI_DUNG" in vi
    assert "* CUỘC_HỌP <số> Cuộc họp giao nhiệm vụ." in vi
    assert "* NỘI_DUNG <chữ>" in vi
    assert "--due THỜI_HẠN" in vi and "--every KỲ" in vi and "--unit -u <chữ>" in vi
    assert "--from NGÀY Với --every: NGÀY bắt đầu" in vi
    for word in ("DATE", "WHEN", "PERIOD", "MEETING_ID", "<str>", "<int>", "meeting_id"):
        assert word not in vi
    en = flat(invoke("--lang", "en", "assign", "--help").stdout)
    assert "Usage: dirtrack assign [OPTIONS] MEETING_ID TEXT" in en
    assert "* MEETING_ID <int> The meeting that gave the directive." in en
    assert "--due WHEN" in en and "--unit -u <str>" in en
    delete = flat(invoke("--lang", "vi", "delete", "--help").stdout)
    assert "* meeting|directive|limitation cuộc họp (meeting), nhiệm vụ (directive)" in delete
    assert "<choice>" not in delete and "<lựa_chọn>" not in delete  # its name lists them
    backup = flat(invoke("--lang", "vi", "backup", "--help").stdout)
    assert "TỆP" in backup and "FILE" not in backup


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_usage_line_writes_arguments_as_the_readme_does(lang: str) -> None:
    """A required argument was in braces (``show [OPTIONS] {ID}``, ``{SỐ}``), the marks the same
    line uses for a choice of words (``{meeting|directive|limitation}``): now bare, as the README
    and CLI.md write them, an optional one in brackets."""
    said = {
        ("show",): {"en": "dirtrack show [OPTIONS] ID", "vi": "dirtrack show [TÙY CHỌN] SỐ"},
        ("delete",): {
            "en": "dirtrack delete [OPTIONS] {meeting|directive|limitation} ID",
            "vi": "dirtrack delete [TÙY CHỌN] {meeting|directive|limitation} SỐ",
        },
        ("pack", "in"): {"en": "dirtrack pack in [OPTIONS] FILE…", "vi": "[TÙY CHỌN] TỆP…"},
        ("history",): {"en": "dirtrack history [OPTIONS] [ID]", "vi": "[TÙY CHỌN] [SỐ]"},
    }
    for command, words in said.items():
        shown = flat(invoke("--lang", lang, *command, "--help").stdout)
        assert words[lang] in shown, (command, shown[:200])


def test_a_usage_error_names_the_argument_as_help_does() -> None:
    vi = invoke("--lang", "vi", "assign", "1")
    assert vi.exit_code == 2
    assert vi.stderr.splitlines() == [
        "Error: Thiếu tham số 'NỘI_DUNG'. Xem hướng dẫn: 'dirtrack assign -h'."
    ]
    en = invoke("--lang", "en", "assign", "1")
    assert en.stderr.splitlines() == [
        "Error: Missing argument 'TEXT'. Try 'dirtrack assign -h' for help."
    ]
    bad = invoke("--lang", "vi", "add-limitation", "x", "y")
    assert "Giá trị không hợp lệ cho 'CUỘC_HỌP': 'x'" in bad.stderr
    assert "'MEETING_ID'" in invoke("--lang", "en", "add-limitation", "x", "y").stderr
    unit = invoke("--lang", "vi", "unit", "alias", "VPTU")
    assert "Thiếu tham số 'TÊN_KHÁC'." in unit.stderr


def test_a_usage_error_before_the_command_name_follows_lang() -> None:
    vi = invoke("--lang", "vi", "--nope")
    assert vi.exit_code == 2 and "Không có tùy chọn: --nope" in vi.stderr
    assert "Xem hướng dẫn: 'dirtrack -h'." in vi.stderr
    installed = run("--lang", "vi", "--nope")
    assert installed.returncode == 2 and "Không có tùy chọn: --nope" in installed.stderr


# --- errors of the commands -------------------------------------------------------------------


def one_error(cli: Cli, *args: str) -> str:
    return cli.fail(*args)


def test_sample_errors_in_either_language(units: Cli, db_path: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "bang.csv"
    sheet.write_text("Nội dung,Đơn vị chủ trì,Thời hạn\nĐề án A,BTC,30/6/2022\n", encoding="utf-8")
    before = file_digest(db_path)
    cases = [
        (
            ["import", str(tmp_path / "khong-co.xlsx")],
            f"Error: {tmp_path / 'khong-co.xlsx'}: không có tệp này",
            f"Error: {tmp_path / 'khong-co.xlsx'}: no such file",
        ),
        (
            ["assign", "99", "--unit", "BTC", "x"],
            "Error: không có cuộc họp số 99",
            "Error: no meeting with id 99",
        ),
        (
            ["import", str(sheet), "--meeting", "99"],
            "Error: không có cuộc họp số 99",
            "Error: no meeting with id 99",
        ),
        (
            ["import", str(tmp_path)],
            f"Error: {tmp_path}: là thư mục, không phải tệp",
            f"Error: {tmp_path}: is a folder, not a file",
        ),
    ]
    for args, vi, en in cases:
        assert one_error(units, "--lang", "vi", *args) == vi
        assert one_error(units, "--lang", "en", *args) == en
    assert file_digest(db_path) == before


def test_backup_errors_in_vietnamese(units: Cli, tmp_path: Path) -> None:
    if "://" in units.db:
        pytest.skip("backup is for SQLite files")
    assert one_error(units, "--lang", "vi", "restore", str(tmp_path / "x.db")) == (
        f"Error: {tmp_path / 'x.db'}: không có tệp này"
    )


# --- Vietnamese names of codes ------------------------------------------------------------------


def test_kind_category_and_status_by_their_vietnamese_names(units: Cli) -> None:
    for typed, code in [
        ("giao ban", "briefing"),
        ("Hội nghị", "conference"),
        ("hoi nghi", "conference"),
        ("SƠ KẾT", "review"),
        ("conference", "conference"),
    ]:
        meeting = units.json(
            "add-meeting", "--date", "2022-05-06", "--title", "Họp", "--kind", typed,
            "--allow-duplicate",
        )  # fmt: skip
        assert meeting["kind"] == code, typed
    meeting_id = str(meeting["id"])
    for typed, code in [("nhân sự", "staffing"), ("Kinh phi", "budget"), ("khác", "other")]:
        limitation = units.json(
            "add-limitation", meeting_id, "--unit", "BTC", "--category", typed, f"Thiếu {code}"
        )
        assert limitation["category"] == code, typed
    late = units.id("assign", meeting_id, "--unit", "BTC", "--due", "2022-05-31", "Đề án A")
    units.id("assign", meeting_id, "--unit", "BDV", "--due", "2030-12-31", "Đề án B")
    for typed in ("quá hạn", "QUA HAN", "overdue"):
        rows = units.json("list", "--status", typed, "--as-of", "2022-07-01")
        assert [r["id"] for r in rows] == [late], typed
    assert len(units.json("list", "--status", "tất cả", "--as-of", "2022-07-01")) == 2


def test_unknown_names_keep_their_errors(units: Cli) -> None:
    # Under --lang vi the refusal listed the codes alone ("'x' không thuộc: 'working-session',
    # 'briefing', …"): now each with its Vietnamese name, as --help lists them. The English
    # keeps the codes.
    assert units.fail("--lang", "vi", "list", "--status", "muộn").startswith(
        "Error: không có tình trạng 'muộn'; dùng một trong: done_on_time (hoàn thành đúng hạn), "
        "done_late (hoàn thành quá hạn), "
    )
    assert units.fail("--lang", "en", "list", "--status", "late") == (
        "Error: unknown status 'late'; use one of done_on_time, done_late, open_in_time, "
        "overdue, cancelled, withdrawn, open, all"
    )
    for lang, said in (
        ("vi", "'x' không thuộc: 'working-session' (buổi làm việc), 'briefing' (giao ban), "
               "'conference' (hội nghị), 'review' (sơ kết, tổng kết). Xem hướng dẫn"),
        ("en", "'x' is not one of 'working-session', 'briefing', 'conference', 'review'. Try"),
    ):  # fmt: skip
        result = units(
            "--lang", lang, "add-meeting", "--date", "2022-05-06", "--title", "x", "--kind", "x"
        )
        assert result.exit_code == 1
        assert said in flat(result.stderr), result.stderr
    category = ["add-limitation", "1", "--unit", "BTC", "--category", "x", "y"]
    assert units.fail("--lang", "vi", *category) == (
        "Error: không có nhóm 'x'; dùng một trong: timeliness (tiến độ, kịp thời), quality "
        "(chất lượng), staffing (biên chế, nhân lực), budget (kinh phí), equipment (phương "
        "tiện, thiết bị), coordination (phối hợp), discipline (kỷ luật, kỷ cương), other (khác)"
    )


def test_help_and_completion_show_the_vietnamese_names() -> None:
    text = flat(invoke("add-meeting", "--help").stdout)
    assert "briefing (giao ban)" in text and "conference (hội nghị)" in text
    env = {"_DIRTRACK_COMPLETE": "complete_bash", "COMP_WORDS": "dirtrack add-meeting --kind gi"}
    done = run(env={**env, "COMP_CWORD": "3"}, forked=True)
    assert done.stdout.split() == ["briefing"]
    env = {
        "_DIRTRACK_COMPLETE": "complete_zsh",
        "_TYPER_COMPLETE_ARGS": "dirtrack list --status qua",
    }
    done = run(env=env, forked=True)
    assert "overdue" in done.stdout and "quá hạn" in done.stdout
    # assign --every took the Vietnamese names (hằng quý) but listed only the codes
    for lang, said in (("en", "quarter (hằng quý)"), ("vi", "hằng quý (quarter)")):
        assert said in flat(invoke("--lang", lang, "assign", "--help").stdout), lang
    env = {
        "_DIRTRACK_COMPLETE": "complete_bash",
        "COMP_WORDS": "dirtrack assign 1 x --every qu",
    }
    assert run(env={**env, "COMP_CWORD": "5"}, forked=True).stdout.split() == ["quarter"]
    env = {
        "_DIRTRACK_COMPLETE": "complete_zsh",
        "_TYPER_COMPLETE_ARGS": "dirtrack assign 1 x --every n",
    }
    done = run(env=env, forked=True)
    assert '"half-year":"6 tháng một lần' in done.stdout and '"year":"hằng năm' in done.stdout


def test_completion_descriptions_in_the_language_of_the_run() -> None:
    """zsh and fish show a description beside each command and option: in Vietnamese under
    --lang vi, DIRTRACK_LANG=vi or LANG=vi_VN, English otherwise; each name of a value once."""

    def zsh(words: str, **env: str) -> str:
        done = run(
            env={"_DIRTRACK_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": words, **env},
            forked=True,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    vi = zsh("dirtrack --lang vi li")
    assert "Liệt kê hạn chế." in vi and "List limitations." not in vi
    assert "Liệt kê hạn chế." in zsh("dirtrack li", DIRTRACK_LANG="vi")
    assert "Họ và tên." in zsh("dirtrack unit contact X --na", LANG="vi_VN.UTF-8", DIRTRACK_LANG="")
    assert "List limitations." in zsh("dirtrack --lang en li")
    options = zsh("dirtrack --lang vi --")
    assert "Hiện hướng dẫn này rồi thoát." in options and "Show this message" not in options
    kinds = zsh("dirtrack add-meeting --kind ")
    assert '"review":"sơ kết, tổng kết"' in kinds


def test_a_word_in_brackets_in_a_help_is_shown() -> None:
    """'[mail]' (the configuration file's table) was taken by Typer's rich help for a style and
    dropped: 'and , the SMTP server', '(config file )', 'bảng  của tệp cấu hình', in either
    language, and from the description zsh shows beside --mail. It is shown as written."""
    for lang, said in (("en", "and [mail], the SMTP server"), ("vi", "và bảng [mail] là máy chủ")):
        assert said in flat(invoke("--lang", lang, "config", "--help").stdout)
    for lang, said in (("en", "(config file [mail])"), ("vi", "(bảng [mail] của tệp cấu hình)")):
        assert said in flat(invoke("--lang", lang, "pack", "out", "--help").stdout)
    env = {"_DIRTRACK_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "dirtrack pack out --ma"}
    done = run(env=env, forked=True)
    assert "(config file [mail])" in done.stdout and "\\[" not in done.stdout, done.stdout


# Choices that are names of formats, languages or shells, the same in either language.
TECHNICAL_CHOICES = {"fmt", "lang", "shell"}


def test_every_choice_of_words_takes_its_vietnamese_name() -> None:
    """A choice among words of the office's work (--kind, --by, --role…) takes the
    Vietnamese name too (:class:`dirtrack.cli.common.Named`): no plain Click choice is left
    but the formats, languages and shells."""
    from typer._types import TyperChoice

    plain = []

    def walk(command: Any, path: str) -> None:
        for param in command.params:
            if isinstance(param.type, TyperChoice) and param.name not in TECHNICAL_CHOICES:
                plain.append(f"{path} {param.opts[0]}")
        for name, sub in (getattr(command, "commands", None) or {}).items():
            walk(sub, f"{path} {name}")

    walk(COMMAND, "dirtrack")
    assert plain == []


def test_every_named_choice_is_in_its_help_with_its_vietnamese_name() -> None:
    """The help of an option that takes a code or its Vietnamese name (``Named``) names every
    code it takes, with the Vietnamese name in Vietnamese; two commands taking the same choice
    (add-meeting and edit meeting --kind) say it with the same help."""
    from dirtrack.cli.common import Named

    missing: list[str] = []
    helps: dict[int, set[str]] = {}

    def walk(command: Any, path: str) -> None:
        for param in command.params:
            if not isinstance(param.type, Named):
                continue
            where = f"{path} {param.opts[0]}"
            english, vietnamese = param.help or "", _(param.help or "", "vi")
            for code, names in param.type.names.items():
                if str(code) not in english or str(code) not in vietnamese:
                    missing.append(f"{where}: {code}")
                elif names and not any(name in vietnamese for name in names):
                    missing.append(f"{where}: {code} without its Vietnamese name")
            helps.setdefault(id(param.type.names), set()).add(english)
        for name, sub in (getattr(command, "commands", None) or {}).items():
            walk(sub, f"{path} {name}")

    walk(COMMAND, "dirtrack")
    assert missing == []
    assert [texts for texts in helps.values() if len(texts) > 1] == []


def test_the_vietnamese_names_of_by_role_prefer_and_cutoff(units: Cli) -> None:
    meeting = units.ok("add-meeting", "--date", "2022-05-06", "--title", "Họp").strip()
    units.ok("assign", meeting, "--unit", "BTC", "Việc", "--due", "2022-06-30")
    for by, code in (("Lãnh Đạo", "leader"), ("chu tri", "chair"), ("lĩnh vực", "field")):
        assert flat(units.ok("report", "--quarter", "2022Q2", "--by", by)) == flat(
            units.ok("report", "--quarter", "2022Q2", "--by", code)
        )
    assert (
        units.json("report", "--quarter", "2022Q2", "--cutoff", "Nghị định 09")["period"]["start"]
        == "2022-03-15"
    )
    assert units.json("meetings", "--period", "2022", "--cutoff", "duong lich")[0]["date"] == (
        "2022-05-06"
    )
    contact = units.json("unit", "contact", "BTC", "--name", "A", "--role", "thủ trưởng")
    assert contact["role"] == "head"
    assert "'x' không thuộc: 'focal' (đầu mối), 'head' (thủ trưởng)" in units.fail(
        "--lang", "vi", "unit", "contact", "BTC", "--name", "A", "--role", "x"
    )
    help_text = flat(invoke("--lang", "vi", "report", "--help").stdout)
    assert "theo lĩnh vực (lĩnh vực, field)" in help_text
    env = {"_DIRTRACK_COMPLETE": "complete_bash", "COMP_WORDS": "dirtrack pack in x --prefer co"}
    assert run(env={**env, "COMP_CWORD": "5"}, forked=True).stdout.split() == ["office"]


def test_completion_by_clicks_protocol_too() -> None:
    """``_DIRTRACK_COMPLETE=bash_complete`` (Click's order, shell first) completes as Typer's
    ``complete_bash`` does, instead of 'Shell complete not supported.'."""
    words = {"COMP_WORDS": "dirtrack add-meeting --kind hoi", "COMP_CWORD": "3"}
    for instruction in ("bash_complete", "complete_bash"):
        done = run(env={"_DIRTRACK_COMPLETE": instruction, **words}, forked=True)
        assert (done.returncode, done.stdout.split(), done.stderr) == (0, ["conference"], "")
    source = run(env={"_DIRTRACK_COMPLETE": "bash_source"}, forked=True)
    assert source.returncode == 0 and "complete -o default -F" in source.stdout


def test_help_paragraphs_are_wrapped_by_the_terminal_not_by_the_source() -> None:
    """A docstring's line breaks (kept short for the source) are not shown: at 80 columns a
    line the terminal wrapped, then broken where the source broke it, left a word alone."""
    for lang in ("en", "vi"):
        result = invoke("--lang", lang, "report", "--help", env={"COLUMNS": "80"})
        assert result.exit_code == 0
        lines = [line.strip() for line in result.stdout.splitlines()]
        joined = {"en": "office set); --number, --date,", "vi": "--number, --date"}[lang]
        assert any(joined in line for line in lines), result.stdout
    lines = [line.strip() for line in invoke("completion", "--help").stdout.splitlines()]
    assert [line.split(":")[0] for line in lines if line.startswith("- ")] == [
        "- bash",
        "- zsh",
        "- fish",
    ]


def test_every_help_text_is_one_line_a_paragraph_but_its_list_entries() -> None:
    shown = 0

    def walk(command: Any, path: str, parent: Any) -> None:
        nonlocal shown
        ctx = command.context_class(command, info_name=path.split()[-1], parent=parent)
        for lang in ("en", "vi"):
            with said_in(lang, command, ctx):
                texts = [command.help or ""] + [p.help or "" for p in command.get_params(ctx)]
                for text in texts:
                    shown += 1
                    for paragraph in text.split("\n\n"):
                        for line in paragraph.split("\n")[1:]:
                            assert line.startswith(("- ", "• ")), (path, paragraph)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, f"{path} {name}", ctx)

    walk(COMMAND, "dirtrack", None)
    assert shown > 500


def help_examples(lang: str) -> list[tuple[tuple[str, ...], str]]:
    """Every ``Example: dirtrack …`` (``Ví dụ: …``) of every --help, as it reads in LANG: the
    command, up to the end of its paragraph or a gap of spaces before a comment."""
    found = []
    for path in [(), *command_paths()]:
        command: Any = COMMAND
        for name in path:
            command = command.commands[name]
        text = _(command.help, lang) if command.help else ""
        for paragraph in text.split("\n\n"):
            joined = " ".join(paragraph.split("\n"))
            for example in re.finditer(r"(?:Example|Ví dụ): (dirtrack .*?)(?: {2,}|$)", joined):
                found.append((path, example.group(1)))
    return found


# What an example presumes beyond the demo's register (make demo): a record it names, a file.
GIVEN = {
    ("unit", "rename"): ['dirtrack unit add BTGTU "Ban Tuyên giáo Tỉnh ủy" --parent TU'],
    ("unit", "retire"): ['dirtrack unit add BTGDVTU "Ban Tuyên giáo và Dân vận Tỉnh ủy"'],
    ("leader", "assign"): ['dirtrack field add KT "Kinh tế"'],
    ("limitation", "link"): ['dirtrack add-limitation 5 --unit UBKTTU --new "Vẫn thiếu lái xe"'],
    ("extend",): ['dirtrack request extend 16 --to 31/3/2023 --reason "Chờ" --date 1/12/2022'],
    ("pack", "in"): ["dirtrack pack out --quarter 2022Q3 --dir phieu/ --as-of 12/9/2022 --force"],
    ("restore",): ["dirtrack backup srv/backups/dirtrack-2022-09-30.db --force"],
    ("import",): ['cp "$EXAMPLES/office_sheet.xlsx" bang-theo-doi.xlsx'],
    ("extract",): ['sed "s/^/<p>/" "$EXAMPLES"/seeds/000_*.txt > tin-bai.html'],
}  # fmt: skip


def test_the_fields_each_listing_names_in_its_help_are_its_own(
    seed_meetings: Seeded, tmp_path: Path
) -> None:
    """Every --fields of the tree names, in its help, fields of its own listing, which the
    listing takes: every listing said 'id,unit,due,status', the fields of directives, which
    unit list, calendar list, history, config, doctor… refused."""
    db = str(seed_meetings.copy(tmp_path / "demo.db"))
    tried = []
    for path in command_paths():
        command: Any = COMMAND
        for name in path:
            command = command.commands[name]
        option = next((p for p in command.params if p.name == "fields"), None)
        if option is None:
            continue
        named = re.search(r"\(JSON keys\): ([a-z_,]+)\.", option.help)
        assert named, (path, option.help)
        vi = flat(shown_help("--lang", "vi", *path, columns=4000))
        assert f"(khóa JSON): {named.group(1)}." in vi, path
        needs = {("series", "show"): ["1"], ("limitation", "suggest"): ["2"]}.get(path, [])
        if path == ("series", "show"):
            invoke("--db", db, "assign", "4", "--unit", "VPTU", "Báo cáo quý", "--every",
                   "quarter", "--from", "1/7/2022")  # fmt: skip
        if path == ("pack", "status"):
            needs = ["--quarter", "2022Q3"]
        done = invoke("--db", db, *path, *needs, "--fields", named.group(1), "--format", "csv")
        assert done.exit_code == 0, (path, done.stderr)
        assert done.stdout.splitlines()[0] == named.group(1), (path, done.stdout[:200])
        tried.append(path)
    assert len(tried) >= 18 and ("unit", "list") in tried and ("calendar", "list") in tried


def test_the_fields_sentence_is_one_message_with_each_listings_example() -> None:
    """The help of every --fields is one sentence written once in dirtrack/ (one catalog
    entry, its example a placeholder), filled with each listing's own example in either
    language: it was fifteen copies, each its own msgid and translation."""
    sentence = "Only these fields, in this order, comma-separated (JSON keys): "
    root = Path(__file__).resolve().parent.parent / "dirtrack"
    written = [p.name for p in root.rglob("*.py") for _ in range(p.read_text().count(sentence))]
    assert written == ["common.py"]
    po = (root / "locale/vi/LC_MESSAGES/dirtrack.po").read_text(encoding="utf-8")
    assert po.count(f'msgid "{sentence}') == 1
    vietnamese = "Chỉ các trường này, theo thứ tự này, cách nhau bằng dấu phẩy (khóa JSON): "
    for _round in range(2):
        for path, example in (
            (("unit", "list"), "code,name,parent"),
            (("list",), "id,unit,due,status"),
        ):
            en = flat(invoke("--lang", "en", *path, "--help").stdout)
            assert f"{sentence}{example}." in en, path
            vi = flat(invoke("--lang", "vi", *path, "--help").stdout)
            assert f"{vietnamese}{example}." in vi, path
            assert "Only these fields" not in vi and "{example}" not in vi + en


def test_every_example_of_every_help_works(seed_meetings: Seeded, tmp_path: Path) -> None:
    """Each --help example, typed as it is shown, on the register `make demo` leaves (a copy
    each, after what :data:`GIVEN` says it presumes; ``/srv/backups`` is a folder of the
    test's). The Vietnamese help's, where they differ (a choice by its Vietnamese name), too."""
    examples = help_examples("en")
    assert len(examples) >= 35
    vietnamese = help_examples("vi")
    assert [path for path, _command in vietnamese] == [path for path, _command in examples]
    examples += [example for example in vietnamese if example not in examples]
    assert set(GIVEN) <= {path for path, _command in examples}
    work = tmp_path / "work"
    (work / "srv" / "backups").mkdir(parents=True)
    env = {**clerk_env(tmp_path / "bin"), "DIRTRACK_DB": "demo.db", "EXAMPLES": str(EXAMPLES)}
    for path, command in examples:
        seed_meetings.copy(work / "demo.db")
        for line in [*GIVEN.get(path, []), command.replace("/srv/", "srv/")]:
            done = as_typed(line, work, env)
            said = f"{' '.join(path)}: {line}\n{done.stderr}{done.stdout}"
            assert done.returncode == 0 and "Traceback" not in done.stderr, said
