"""Configuration: a TOML file in the user config folder, under the five documented environment
variables, under options; `dirtrack config` says where each value comes from; no other variable
changes anything. Shell completion."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as examples
from hypothesis import strategies as st
from typer.testing import CliRunner

from dirtrack.cli import app
from tests.conftest import ENTRY_POINT, Cli, cli_at, file_digest, run


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    """Where dirtrack looks: the conftest points XDG_CONFIG_HOME into the test's folder."""
    folder = tmp_path / "xdg-config" / "dirtrack"
    folder.mkdir(parents=True)
    return folder / "config.toml"


def invoke(*args: str, env: dict[str, str] | None = None, **extra: Any) -> Any:
    return CliRunner().invoke(app, list(args), env=env, **extra)


def settings(*args: str, env: dict[str, str] | None = None) -> dict[str, dict[str, Any]]:
    result = invoke(*args, "config", "--format", "json", env=env)
    assert result.exit_code == 0, result.stderr
    return {row["key"]: row for row in json.loads(result.stdout)}


def test_defaults_and_where_they_come_from(config_file: Path, tmp_path: Path) -> None:
    found = settings()
    assert found["config_file"]["value"] == str(config_file)
    assert found["db"] == {
        "key": "db",
        "value": str(tmp_path / "xdg-data" / "dirtrack" / "dirtrack.db"),
        "source": "default",
        "origin": "",
    }
    assert (found["lang"]["value"], found["lang"]["source"]) == ("en", "default")
    assert found["remind.within"]["value"] == 7
    assert found["remind.stale-after"]["value"] == 30
    assert found["report.cutoff"]["value"] == "calendar"
    assert invoke("config", "--path").stdout.strip() == str(config_file)


def test_config_path_refuses_a_format_it_would_not_follow(config_file: Path) -> None:
    """``config --path --format json`` printed the bare path, not JSON, and exited 0: a script
    that parses it got text. --format or --fields beside --path is a usage error; a default
    format the file gives ``[config]`` does not make --path fail."""
    for option in (["--format", "json"], ["--fields", "key"]):
        for lang, words in (("en", "--path prints only"), ("vi", "--path chỉ in nơi đặt tệp")):
            result = invoke("--lang", lang, "config", "--path", *option)
            assert result.exit_code == 2, result.stdout
            assert result.stdout == ""
            lines = result.stderr.splitlines()
            assert len(lines) == 1 and lines[0].startswith("Error: ") and words in lines[0]
    config_file.write_text('[config]\nformat = "json"\n', encoding="utf-8")
    result = invoke("config", "--path")
    assert result.exit_code == 0 and result.stdout.strip() == str(config_file)


def test_the_installed_command_shows_every_commands_settings(config_file: Path) -> None:
    """Run as installed, `config` loaded only its own commands: report.cutoff and
    overdue.stale-after, which it always shows, were missing."""
    done = run("config", "--format", "json")
    assert done.returncode == 0, done.stderr
    keys = {row["key"] for row in json.loads(done.stdout)}
    assert {"report.cutoff", "overdue.stale-after", "remind.stale-after"} <= keys


def test_config_shows_the_risk_thresholds_in_effect(config_file: Path) -> None:
    """The [risk] table tunes the colours; `config` showed none of its keys."""
    assert settings()["risk.soon-days"] == {
        "key": "risk.soon-days",
        "value": 7,
        "source": "default",
        "origin": "",
    }
    config_file.write_text("[risk]\nsoon-days = 10\npending_request = false\n", encoding="utf-8")
    found = settings()
    assert (found["risk.soon-days"]["value"], found["risk.soon-days"]["source"]) == (10, "file")
    assert found["risk.pending-request"]["value"] is False
    assert found["risk.pending-request"]["origin"] == str(config_file)
    assert (found["risk.unit-red-share"]["value"], found["risk.red-days"]["source"]) == (
        0.25,
        "default",
    )


def test_file_then_environment_then_option(config_file: Path, tmp_path: Path) -> None:
    config_file.write_text(
        'db = "data/office.db"\nlang = "vi"\nactor = "Văn thư"\n\n'
        '[remind]\nwithin = 14\nstale-after = 21\n\n[report]\ncutoff = "nd09"\n',
        encoding="utf-8",
    )
    found = settings()
    assert found["db"]["value"] == str(config_file.parent / "data" / "office.db")
    assert found["db"]["source"] == "file" and found["db"]["origin"] == str(config_file)
    assert (found["lang"]["value"], found["lang"]["source"]) == ("vi", "file")
    assert (found["actor"]["value"], found["actor"]["source"]) == ("Văn thư", "file")
    assert (found["remind.within"]["value"], found["remind.within"]["source"]) == (14, "file")
    assert found["remind.stale-after"]["value"] == 21 and "remind.stale_after" not in found
    assert found["report.cutoff"]["value"] == "nd09"

    env = {
        "DIRTRACK_LANG": "en",
        "DIRTRACK_REMIND_WITHIN": "3",
        "DIRTRACK_DB": str(tmp_path / "e.db"),
    }
    found = settings(env=env)
    assert (found["lang"]["value"], found["lang"]["source"]) == ("en", "env")
    assert found["lang"]["origin"] == "DIRTRACK_LANG"
    # Only the global options read a variable: DIRTRACK_REMIND_WITHIN is nobody's.
    assert (found["remind.within"]["value"], found["remind.within"]["source"]) == (14, "file")
    assert (found["db"]["value"], found["db"]["source"]) == (str(tmp_path / "e.db"), "env")

    found = settings("--lang", "vi", "--db", str(tmp_path / "o.db"), env=env)
    assert (found["lang"]["value"], found["lang"]["source"]) == ("vi", "option")
    assert (found["db"]["value"], found["db"]["source"]) == (str(tmp_path / "o.db"), "option")


def test_a_file_saved_with_a_byte_order_mark_is_read(config_file: Path) -> None:
    """Windows Notepad saves UTF-8 with a byte order mark: the file was 'not valid TOML: a line
    must be KEY = VALUE … (line 1, column 1)', and nothing ran."""
    config_file.write_bytes(b"\xef\xbb\xbf" + b'lang = "vi"\n[remind]\nwithin = 14\n')
    found = settings()
    assert (found["lang"]["value"], found["lang"]["source"]) == ("vi", "file")
    assert found["remind.within"]["value"] == 14


def test_the_settings_take_effect(config_file: Path, tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    config_file.write_text(
        f'db = "{tmp_path / "data" / "office.db"}"\nlang = "vi"\nactor = "Văn thư"\n'
        "[remind]\nwithin = 30\n",
        encoding="utf-8",
    )
    assert invoke("unit", "add", "VPTU", "Văn phòng Tỉnh ủy").exit_code == 0
    assert (tmp_path / "data" / "office.db").exists()
    invoke("add-meeting", "--date", "6/5/2022", "--title", "Họp")
    invoke("assign", "1", "--unit", "VPTU", "--due", "30/5/2022", "Báo cáo")
    text = invoke("remind", "--as-of", "2022-05-06").stdout
    assert "trong 30 ngày tới" in text and "#1  Báo cáo" in text
    assert invoke("remind", "--as-of", "2022-05-06", "--within", "7").stdout == ""
    stray = invoke("remind", "--as-of", "2022-05-06", env={"DIRTRACK_REMIND_WITHIN": "7"})
    assert stray.stdout == text
    changes = json.loads(invoke("history", "1", "--format", "json").stdout)
    assert changes[0]["actor"] == "Văn thư"


def test_values_toml_writes_otherwise_take_effect(config_file: Path, tmp_path: Path) -> None:
    """A number in quotes and a date without them are what Click's conversion makes of them
    (7, the day's text): the file's checks of a value in range see the converted value. A
    whole number to a command's text option is its digits (`[list] unit = 12`, a unit coded
    12), as it would be typed."""
    (tmp_path / "data").mkdir()
    config_file.write_text(
        f'db = "{tmp_path / "data" / "office.db"}"\n'
        '[remind]\nwithin = "30"\n[overdue]\nas-of = 2022-06-15\n[list]\nunit = 12\n',
        encoding="utf-8",
    )
    assert invoke("unit", "add", "VPTU", "Văn phòng Tỉnh ủy").exit_code == 0
    assert invoke("unit", "add", "12", "Tổ 12").exit_code == 0
    invoke("add-meeting", "--date", "6/5/2022", "--title", "Họp")
    invoke("assign", "1", "--unit", "VPTU", "--due", "30/5/2022", "Báo cáo")
    invoke("assign", "1", "--unit", "12", "--due", "30/5/2022", "Tổng hợp")
    listed = json.loads(invoke("list", "--format", "json").stdout)
    assert [d["text"] for d in listed] == ["Tổng hợp"]
    assert "#1" in invoke("remind", "--as-of", "2022-05-06").stdout
    overdue = json.loads(invoke("overdue", "--format", "json").stdout)
    assert [d["days_overdue"] for d in overdue] == [16, 16]


def test_good_series_undo_and_verdict_values_in_the_file_are_taken(config_file: Path) -> None:
    """The file's checks of --every, --day, --offset, --count and --verdict go by the option's
    long name: urge's --all (its parameter is named every) stays a yes or no, and a period in
    Vietnamese is a period."""
    config_file.write_text(
        '[urge]\nall = true\n[assign]\nevery = "tháng"\nday = 20\n'
        '[undo]\ncount = 2\n[done]\nverdict = "meets"\n',
        encoding="utf-8",
    )
    found = settings()
    # Each setting by the key that sets it in the file: urge's --all is `all`, not the
    # parameter's name (every); --stale-after is `stale-after`.
    assert found["urge.all"]["value"] is True and "urge.every" not in found
    assert found["assign.every"]["value"] == "tháng"
    assert found["done.verdict"]["value"] == "meets"


def test_dirtrack_config_names_another_file(tmp_path: Path, config_file: Path) -> None:
    other = tmp_path / "elsewhere.toml"
    other.write_text('lang = "vi"\n', encoding="utf-8")
    config_file.write_text('lang = "en"\n', encoding="utf-8")
    found = settings(env={"DIRTRACK_CONFIG": str(other)})
    assert found["config_file"] == {
        "key": "config_file",
        "value": str(other),
        "source": "env",
        "origin": "DIRTRACK_CONFIG",
    }
    assert found["lang"]["value"] == "vi"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("lang = [", "is not valid TOML"),
        # Python's TOML reader fails on a number it cannot convert with a ValueError of its own:
        # a traceback, before any command ran
        ("lang = 1" + "0" * 5000 + "\n", "a number of more than 4300 digits; no value holds one"),
        ('lang = "fr"', "lang:"),
        ('colour = "red"', "colour: no such global setting"),
        ("[remind]\nwithn = 3\n", "remind.withn: no such setting of this command"),
        ('[remind]\nwithin = "soon"\n', "remind.within:"),
        ("[nope]\nx = 1\n", "nope: no command is called 'nope'"),
        # A table where a setting's value goes said there is no command of the setting's name.
        ("[remind.within]\nx = 1\n", "remind.within: a value expected, not a table"),
        ("[remind]\nwithin = { days = 3 }\n", "remind.within: a value expected, not a table"),
        ("lang = { a = 1 }\n", "lang: a value expected, not a table"),
        ('db = ["a", "b"]\n', "db: one value expected"),
        # TOML's array of tables was "no such global setting": it says what it is
        (
            '[[list]]\nunit = "BTC"\n',
            "list: [[list]] is an array of tables, not a setting; write [list] once",
        ),
        ("[[remind.x]]\na = 1\n", "remind.x: [[remind.x]] is an array of tables, not a setting"),
        ('[[mail]]\nhost = "smtp"\n', "mail: [[mail]] is an array of tables"),
        # What only a person at the command line may ask for.
        ("help = true\n", "help: --help can only be given on the command line"),
        ("version = true\n", "--version can only be given on the command line"),
        ("install-completion = true\n", "--install-completion can only be given on the"),
        ("[import]\ndry-run = true\n", "import.dry-run: --dry-run can only be given on the"),
        ("[undo]\ndry_run = true\n", "--dry-run can only be given on the command line"),
        ("[extract]\napply = true\n", "extract.apply: --apply can only be given on the"),
        ("[export]\nforce = true\n", "--force can only be given on the command line"),
        ("[report]\nforce = true\n", "--force can only be given on the command line"),
        ("[list]\nyes = true\n", "--yes can only be given on the command line"),
        ('[done]\ndate = ""\n', "done.date: an empty value"),
        ('timezone = "Mars/Base"\n', "timezone: unknown time zone 'Mars/Base'"),
        (f'actor = "{"a" * 201}"\n', "actor: --actor needs a name of 1 to 200 characters"),
        ('db = " "\n', "db: --db ' ' is blank"),
        (
            'db = "postgresql:"\n',
            "db: --db 'postgresql:' is not a database URL: write postgresql://",
        ),
    ],
)
def test_a_broken_file_is_one_error_line_and_nothing_is_written(
    cli: Cli, config_file: Path, db_path: Path, content: str, message: str
) -> None:
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    digest = file_digest(db_path)
    config_file.write_text(content, encoding="utf-8")
    error = cli.fail("unit", "add", "BTC", "Ban Tổ chức")
    assert str(config_file) in error and message in error
    assert file_digest(db_path) == digest
    assert cli("--help").exit_code == 0  # help still works, to find out what to fix


def test_an_array_of_tables_is_said_in_vietnamese(cli: Cli, config_file: Path) -> None:
    config_file.write_text('[[list]]\nunit = "BTC"\n', encoding="utf-8")
    assert cli.fail("--lang", "vi", "list") == (
        f"Error: {config_file}: list: [[list]] là một mảng bảng, không phải thiết lập; hãy viết "
        "[list] một lần, rồi các dòng key = value bên dưới"
    )


@pytest.mark.parametrize("how", ["missing", "dangling link"])
def test_a_file_dirtrack_config_names_must_exist(
    cli: Cli, config_file: Path, db_path: Path, tmp_path: Path, monkeypatch: Any, how: str
) -> None:
    """DIRTRACK_CONFIG naming no file (a mistyped path in cron) was ignored: the run went on
    with the defaults. The default file may still be absent without a word."""
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    assert not config_file.exists()
    named = tmp_path / "cofnig.toml"
    if how == "dangling link":
        named.symlink_to(tmp_path / "gone.toml")
    digest = file_digest(db_path)
    monkeypatch.setenv("DIRTRACK_CONFIG", str(named))
    for lang, said in (
        ("en", f"Error: DIRTRACK_CONFIG: {named}: no such file"),
        ("vi", f"Error: DIRTRACK_CONFIG: {named}: không có tệp này"),
    ):
        assert cli.fail("--lang", lang, "unit", "add", "BTC", "Ban Tổ chức") == said
        assert cli.fail("--lang", lang, "unit", "list") == said
    assert file_digest(db_path) == digest
    assert cli("--help").exit_code == 0
    monkeypatch.delenv("DIRTRACK_CONFIG")
    assert "VPTU" in cli.ok("unit", "list")


def test_a_config_file_that_is_a_folder_or_not_utf8(cli: Cli, config_file: Path) -> None:
    config_file.write_bytes(b'lang = "\xff"\n')
    assert "not UTF-8" in cli.fail("unit", "list") or "not valid TOML" in cli.fail("unit", "list")
    config_file.unlink()
    config_file.mkdir()
    assert "is a folder" in cli.fail("unit", "list")


def test_a_config_file_too_large_is_refused_unread(
    cli: Cli, config_file: Path, db_path: Path
) -> None:
    """A 2 GB configuration file (a sparse one: no room on the disk) was read whole, 4 GB of
    memory and two minutes at every command, before it was found not to be TOML."""
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    with config_file.open("wb") as handle:
        handle.truncate(2 * 1024**3)
    digest = file_digest(db_path)
    for lang, said in (("en", "2048 MB, more than the 256 MB"), ("vi", "2048 MB, nhiều hơn 256")):
        error = cli.fail("--lang", lang, "unit", "add", "BTC", "Ban Tổ chức")
        assert error.startswith("Error: ") and said in error, error
    assert file_digest(db_path) == digest


def test_any_command_option_can_be_set_in_the_file(cli: Cli, config_file: Path) -> None:
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    config_file.write_text('[unit.list]\nformat = "json"\n', encoding="utf-8")
    assert json.loads(cli.ok("unit", "list"))[0]["code"] == "VPTU"
    assert "config_file" in cli.ok("config")


def test_a_default_naming_what_is_not_there_is_named_by_its_key(
    cli: Cli, config_file: Path
) -> None:
    """[list] unit = "BTC" with BTC unknown (renamed, or a typo) made every plain 'dirtrack
    list' say 'unknown unit 'BTC'', a unit the user never typed; the refusal names the file
    and key, as a value of the wrong kind is named."""
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    config_file.write_text('[list]\nunit = "BTX"\n', "utf-8")
    assert cli.fail("list") == (
        f"Error: {config_file}: list.unit: unknown unit 'BTX'; no registered unit is close to it "
        "(unit list)"
    )
    assert cli.fail("--lang", "vi", "list").startswith(f"Error: {config_file}: list.unit: ")
    # typed on the command line, it is the user's own
    assert cli.fail("list", "--unit", "BTX").startswith("Error: unknown unit 'BTX'")
    config_file.write_text("[list]\nmeeting = 99\n", "utf-8")
    assert cli.fail("list") == f"Error: {config_file}: list.meeting: no meeting with id 99"


# --- shell completion --------------------------------------------------------------------------


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts(shell: str) -> None:
    done = invoke("completion", shell)
    assert done.exit_code == 0, done.stderr
    assert "_DIRTRACK_COMPLETE" in done.stdout
    assert "dirtrack" in done.stdout
    assert invoke("completion", "tcsh").exit_code == 1  # a shell not offered: a bad value


def complete(shell: str, words: str) -> str:
    """What the command answers a shell that asks for completions (the variables a completion
    script sets; test_bash_completion_script_really_completes runs one in bash)."""
    env = {
        "_DIRTRACK_COMPLETE": f"complete_{shell}",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1),
        "_TYPER_COMPLETE_ARGS": words,
        "_TYPER_COMPLETE_FISH_ACTION": "get-args",
    }
    done = invoke(env=env, prog_name="dirtrack")
    assert done.exit_code == 0, done.stderr
    return str(done.stdout)


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_offers_commands_and_options(shell: str) -> None:
    assert "remind" in complete(shell, "dirtrack rem")
    assert "--within" in complete(shell, "dirtrack remind --wi")


def test_a_completion_variable_no_script_sets_is_one_error_line(db_path: Path) -> None:
    """_DIRTRACK_COMPLETE left in the environment with a value no completion script sets made
    every command print Typer's 'Invalid completion instruction.' (or 'Shell x not
    supported.'), in English and without 'Error:': now one line in the run's language, exit 1,
    nothing written; the values the scripts set still complete."""
    db = str(db_path)
    run("unit", "add", "VPTU", "Văn phòng Tỉnh ủy", db=db, forked=True)
    before = file_digest(db_path)
    said = {
        "garbage": "Error: _DIRTRACK_COMPLETE='garbage' không phải yêu cầu gợi ý lệnh",
        "complete_tcsh": "Error: _DIRTRACK_COMPLETE='complete_tcsh' không phải yêu cầu",
        "bash_x": "Error: _DIRTRACK_COMPLETE='bash_x' không phải yêu cầu",
    }
    for value, start in said.items():
        env = {"_DIRTRACK_COMPLETE": value}
        done = run("--lang", "vi", "unit", "add", "BTC", "Ban Tổ chức", db=db, env=env, forked=True)
        assert done.returncode == 1 and done.stdout == "", (value, done)
        assert done.stderr.splitlines() == [done.stderr.strip()], done.stderr
        assert done.stderr.startswith(start), done.stderr
        assert "Traceback" not in done.stderr
    english = run("list", db=db, env={"_DIRTRACK_COMPLETE": "x", "LANG": "C.UTF-8"}, forked=True)
    assert english.stderr.strip() == (
        "Error: _DIRTRACK_COMPLETE='x' is no completion request (complete_bash, source_zsh…: "
        "the shell's completion script sets it); unset it to run the command"
    )
    assert file_digest(db_path) == before
    words = {"COMP_WORDS": "dirtrack rem", "COMP_CWORD": "1"}
    for value in ("bash_complete", "complete_bash"):
        done = run(db=db, env={"_DIRTRACK_COMPLETE": value, **words}, forked=True)
        assert done.returncode == 0 and "remind" in done.stdout, (value, done)
    assert (
        run("list", db=db, env={"_DIRTRACK_COMPLETE": ""}, forked=True).returncode == 0
    )  # set to nothing


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_completion_script_really_completes(tmp_path: Path) -> None:
    script = invoke("completion", "bash").stdout
    (tmp_path / "c.sh").write_text(script, encoding="utf-8")
    program = (
        f'source "{tmp_path / "c.sh"}"; COMP_WORDS=(dirtrack und); COMP_CWORD=1; '
        '_dirtrack_completion dirtrack; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    env = {**os.environ, "PATH": f"{Path(ENTRY_POINT).parent}:{os.environ.get('PATH', '')}"}
    done = subprocess.run(
        ["bash", "-c", program], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "undo" in done.stdout.split()


# --- environment variables named on purpose ----------------------------------------------------


@pytest.fixture(scope="module")
def late_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file with one directive overdue today, made as a user would (once a module)."""
    db = tmp_path_factory.mktemp("late") / "cron.db"
    cli = cli_at(db)
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    cli.ok("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    cli.ok("assign", "1", "--unit", "VPTU", "--due", "30/6/2022", "Báo cáo")
    return db


@pytest.fixture
def late(late_once: Path, tmp_path: Path) -> str:
    """A copy of :func:`late_once` for one test."""
    db = tmp_path / "cron.db"
    shutil.copyfile(late_once, db)
    return str(db)


STRAY = [
    {"DIRTRACK_HELP": "1"},
    {"DIRTRACK_VERSION": "1"},
    {"DIRTRACK_VERSION": "0.1.0"},
    {"DIRTRACK_OVERDUE_HELP": "1"},
    {"DIRTRACK_OVERDUE_CHECK": "0"},
    {"DIRTRACK_OVERDUE_FORMAT": "json"},
    {"DIRTRACK_OVERDUE_AS_OF": "2022-01-01"},
    {"DIRTRACK_CUTOFF": "weekly"},
    {"DIRTRACK_DEBUG": "1"},
    {"DIRTRACK_INSTALL_COMPLETION": "1", "DIRTRACK_SHOW_COMPLETION": "1"},
]


def test_a_stray_variable_changes_nothing_in_a_cron_check(late: str) -> None:
    """`DIRTRACK_HELP=1 dirtrack overdue --check` printed help and exited 0: a cron job then
    reported nothing overdue. Only documented variables are read."""
    cli = cli_at(late)
    plain = cli("overdue", "--check")
    assert plain.exit_code == 3, plain.stderr
    for stray in STRAY:
        done = cli("overdue", "--check", env=stray)
        found = (done.exit_code, done.stdout, done.stderr)
        assert found == (3, plain.stdout, plain.stderr), stray
    # The installed command in its own process, as cron starts it.
    done = run("overdue", "--check", db=late, env=STRAY[0])
    assert (done.returncode, done.stdout, done.stderr) == (3, plain.stdout, plain.stderr)


def test_stray_variables_turn_no_command_into_a_dry_run_or_an_apply(
    late: str, tmp_path: Path
) -> None:
    """DIRTRACK_DONE_ON, DIRTRACK_IMPORT_DRY_RUN and DIRTRACK_EXTRACT_APPLY changed writes."""
    today = date.today().isoformat()
    cli = cli_at(late)
    done = cli("done", "1", env={"DIRTRACK_DONE_ON": "2022-06-01"})
    assert done.exit_code == 0, done.stderr
    assert cli.json("show", "1")["completed_on"] == today

    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Nội dung,Đơn vị chủ trì\nRà soát quy chế,VPTU\n", encoding="utf-8")
    env = {"DIRTRACK_IMPORT_DRY_RUN": "1", "DIRTRACK_IMPORT_MEETING": "7"}
    imported = cli("import", str(sheet), "--meeting", "1", env=env)
    assert imported.exit_code == 0, imported.stderr
    assert [d["text"] for d in cli.json("list")] == ["Báo cáo", "Rà soát quy chế"]

    text = tmp_path / "hop.txt"
    text.write_text(
        "Ngày 6/5/2022, đồng chí Nguyễn Văn A chủ trì giao ban. Kết luận: "
        "Văn phòng Tỉnh ủy rà soát quy chế làm việc, xong trước 30/6/2022.\n",
        encoding="utf-8",
    )
    before = file_digest(Path(late))
    drafted = cli("extract", str(text), env={"DIRTRACK_EXTRACT_APPLY": "1"})
    assert drafted.exit_code == 0, drafted.stderr
    assert "[[directives]]" in drafted.stdout
    assert file_digest(Path(late)) == before


# The variables dirtrack reads, and the ones it must not: every other DIRTRACK_* name a
# framework could read (Click's auto_envvar_prefix: DIRTRACK_<COMMAND>_<OPTION>, a group's
# subcommand included; an option's bare name), made from the command tree as it is.
DOCUMENTED = {"DIRTRACK_DB", "DIRTRACK_LANG", "DIRTRACK_ACTOR", "DIRTRACK_CONFIG"}
HOSTILE = {
    "DIRTRACK_HELP": "1",
    "DIRTRACK_VERSION": "1",
    "DIRTRACK_DRY_RUN": "1",
    "DIRTRACK_YES": "1",
    "DIRTRACK_APPLY": "1",
    "DIRTRACK_CHECK": "0",
    "DIRTRACK_FORCE": "1",
    "DIRTRACK_FORMAT": "json",
    "DIRTRACK_AS_OF": "2022-01-01",
    "DIRTRACK_LITE": "1",
    "DIRTRACK_DEBUG": "1",
    "DIRTRACK_INSTALL_COMPLETION": "1",
    "DIRTRACK_SHOW_COMPLETION": "1",
}


def hostile_environment() -> dict[str, str]:
    """HOSTILE, and ``DIRTRACK_<COMMAND>_<OPTION>`` and ``DIRTRACK_<OPTION>`` for every option
    and argument of every command of the Click tree, each set to a value it would take."""
    from typer._click.types import BoolParamType

    from tests.conftest import COMMAND

    env = dict(HOSTILE)

    def walk(command: Any, path: tuple[str, ...]) -> None:
        for param in command.params:
            flag = isinstance(param.type, BoolParamType) or getattr(param, "count", False)
            value = "1" if flag or param.type.name in ("integer", "choice") else "2022-01-01"
            for parts in (path, ()):
                name = "_".join(("DIRTRACK", *parts, param.name)).upper().replace("-", "_")
                env.setdefault(name, value)
        for name, sub in (getattr(command, "commands", None) or {}).items():
            walk(sub, (*path, name))

    walk(COMMAND, ())
    return {name: value for name, value in env.items() if name not in DOCUMENTED}


def test_hostile_variables_cover_every_option_of_every_command() -> None:
    env = hostile_environment()
    for name in ("DIRTRACK_OVERDUE_CHECK", "DIRTRACK_IMPORT_DRY_RUN", "DIRTRACK_EXTRACT_APPLY",
                 "DIRTRACK_UNDO_YES", "DIRTRACK_DOCTOR_REPAIR", "DIRTRACK_UNIT_ADD_PARENT",
                 "DIRTRACK_DONE_DATE", "DIRTRACK_TIMEZONE", "DIRTRACK_HELP"):  # fmt: skip
        assert name in env, name
    assert not DOCUMENTED & set(env)
    assert len(env) > 400  # about 450 in the tree as it is


def _cron_session(
    folder: Path, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> tuple[list[tuple[Any, ...]], Any]:
    """The checking and writing commands a cron job or a script runs, on a register of its own
    in ``folder`` (the working directory too): what each said, and the register afterwards,
    every row of every table with the times of day masked."""
    import re
    import sqlite3

    from tests.conftest import snapshot

    folder.mkdir()
    monkeypatch.chdir(folder)
    db = folder / "register.db"
    cli = cli_at(db)
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    cli.ok("unit", "add", "BTC", "Ban Tổ chức Tỉnh ủy")
    cli.ok("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    cli.ok("assign", "1", "--unit", "VPTU", "--due", "30/6/2022", "Báo cáo")
    sheet = folder / "sheet.csv"
    sheet.write_text("Nội dung,Đơn vị chủ trì\nRà soát quy chế,VPTU\n", encoding="utf-8")
    text = folder / "hop.txt"
    text.write_text(
        "Ngày 6/7/2022, đồng chí Nguyễn Văn A chủ trì giao ban. Kết luận: Văn phòng Tỉnh ủy "
        "rà soát quy chế làm việc, xong trước 30/9/2022. Ban Tổ chức Tỉnh ủy báo cáo nhân sự "
        "trước 31/8/2022.\n",
        encoding="utf-8",
    )
    said: list[tuple[Any, ...]] = []

    def step(*args: str) -> None:
        done = cli(*args, env=env)
        out = (done.stdout + "\x00" + done.stderr).replace(str(folder), "<folder>")
        # The minute a row was recorded ("last recorded by …, 2026-12-05 06:49") is the clock's:
        # the two sessions may run either side of a minute's turn.
        out = re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d", "<time>", out)
        said.append((args, done.exit_code, out))

    step("overdue", "--check")
    step("remind", "--check")
    step("import", sheet.name, "--meeting", "1", "--dry-run")
    step("extract", text.name)
    step("extract", text.name, "--apply")
    step("list", "--as-of", "2022-12-31")
    step("undo")
    step("undo", "--dry-run")
    step("undo", "--yes")
    step("done", "1", "--date", "2022-07-01")
    step("report", "--quarter", "2022Q3")
    with sqlite3.connect(db) as conn:  # another program deletes a unit rows point to
        conn.execute("PRAGMA foreign_keys=OFF")
        listed = conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        for (trigger,) in listed.fetchall():
            conn.execute(f'DROP TRIGGER "{trigger}"')
        conn.execute("DELETE FROM unit WHERE code = 'VPTU'")
    conn.close()
    step("doctor")
    step("doctor", "--repair")
    step("doctor", "--repair", "--yes")
    step("overdue", "--check", "--as-of", "2022-06-01")
    register = repr(snapshot(str(db)))
    masked = re.sub(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?", "<time>", register)
    return said, (masked, sorted(p.name for p in folder.iterdir()))


@pytest.mark.sqlite_only("the register is a file the test damages as another program would")
def test_stray_dirtrack_variables_change_no_output_exit_code_or_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every DIRTRACK_* variable but the documented ones, set at once (DIRTRACK_HELP,
    DIRTRACK_YES, DIRTRACK_DRY_RUN, DIRTRACK_APPLY, DIRTRACK_<COMMAND>_<OPTION> for every
    option of every command), changes nothing a cron job or a script sees: the same output,
    exit codes and register as a clean run, for checks, dry runs, applies, undo and repairs."""
    hostile = hostile_environment()
    runs = {}
    for name, env in (("clean", {}), ("hostile", hostile)):
        runs[name] = _cron_session(tmp_path / name, env, monkeypatch)
    clean_said, hostile_said = runs["clean"][0], runs["hostile"][0]
    assert [s[:2] for s in clean_said] == [s[:2] for s in hostile_said]
    assert clean_said == hostile_said
    assert runs["clean"][1] == runs["hostile"][1]
    # The clean run did what the commands say: the checks found the overdue directive, the
    # dry run and the plain extract wrote nothing, undo without --yes refused, repair asked.
    codes = {" ".join(args): code for args, code, _out in clean_said}
    assert codes["overdue --check"] == 3 and codes["remind --check"] == 3
    assert codes["undo"] == 1 and codes["doctor --repair"] == 1
    assert codes["doctor --repair --yes"] == 0
    assert sorted(os.listdir(tmp_path)) == ["clean", "hostile"]
    # The installed command in its own process, as cron starts it.
    db = tmp_path / "hostile" / "register.db"
    done = run("overdue", "--check", "--as-of", "2022-06-01", db=str(db), env=hostile)
    plain = run("overdue", "--check", "--as-of", "2022-06-01", db=str(db))
    assert (done.returncode, done.stdout, done.stderr) == (
        plain.returncode, plain.stdout, plain.stderr
    )  # fmt: skip


def test_dirtrack_install_completion_leaves_bashrc_alone(late: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    bashrc = home / ".bashrc"
    bashrc.write_text("# mine\n", encoding="utf-8")
    env = {"HOME": str(home), "SHELL": "/bin/bash", "DIRTRACK_INSTALL_COMPLETION": "1"}
    done = cli_at(late)("overdue", "--check", env=env)
    assert done.exit_code == 3, done.stderr
    assert bashrc.read_text(encoding="utf-8") == "# mine\n"
    assert sorted(p.name for p in home.iterdir()) == [".bashrc"]


def test_config_lists_the_environment_variables_it_reads(config_file: Path) -> None:
    shown = invoke("config", env={"NO_COLOR": "1", "DIRTRACK_ACTOR": "Văn thư"}).stdout
    rows = {line.split()[0]: line.split()[1:] for line in shown.splitlines() if line.strip()}
    for name in ("DIRTRACK_DB", "DIRTRACK_LANG", "DIRTRACK_CONFIG"):
        assert rows[name][:2] == ["(not", "set)"], shown
    assert rows["DIRTRACK_ACTOR"][:2] == ["Văn", "thư"]
    assert rows["NO_COLOR"][0] == "1"
    assert "Environment variables dirtrack reads (and no other)" in shown
    assert "DIRTRACK_CUTOFF" not in shown and "DIRTRACK_REMIND_WITHIN" not in shown
    vi = invoke("--lang", "vi", "config").stdout
    assert "Biến môi trường dirtrack đọc" in vi


@pytest.mark.parametrize(
    ("content", "en", "vi"),
    [
        (
            'lang = "fr"\n',
            "lang: 'fr' is not one of 'vi', 'en'.",
            "lang: 'fr' không thuộc: 'vi', 'en'.",
        ),
        ("lang = 5\n", "lang: 5 is not one of 'vi', 'en'.", "lang: 5 không thuộc: 'vi', 'en'."),
        ('db = ""\n', "db: an empty value", "db: giá trị để trống"),
        # Click's conversion cut 7.5 to 7, read true as 1 and made "True" of true.
        (
            "[remind]\nwithin = 7.5\n",
            "remind.within: must be a whole number",
            "remind.within: phải là số nguyên",
        ),
        (
            "[remind]\nwithin = true\n",
            "remind.within: must be a whole number",
            "remind.within: phải là số nguyên",
        ),
        (
            "actor = true\n",
            "actor: must be text in quotes",
            "actor: phải là chuỗi trong dấu ngoặc kép",
        ),
        # dirtrack's own refusal of a converted value was left in English
        (
            '[list]\nstatus = "sleeping"\n',
            "list.status: unknown status 'sleeping'",
            "list.status: không có tình trạng 'sleeping'",
        ),
        # A number where the root command's checks read text: a traceback.
        ("db = 5\n", "db: must be text in quotes", "db: phải là chuỗi trong dấu ngoặc kép"),
        (
            "timezone = 7\n",
            "timezone: must be text in quotes",
            "timezone: phải là chuỗi trong dấu ngoặc kép",
        ),
        # A TOML date, time or number where text is wanted: Python's repr in Click's message
        # (`datetime.date(2024, 1, 1) is not one of 'vi', 'en'`), or "must be text in quotes,
        # not empty" of a number; a datetime or time to a text option became its text.
        (
            "lang = 2024-01-01\n",
            "lang: must be text in quotes, not 2024-01-01",
            "lang: phải là chuỗi trong dấu ngoặc kép, không phải 2024-01-01",
        ),
        (
            "actor = 12\n",
            "actor: must be text in quotes, not 12",
            "actor: phải là chuỗi trong dấu ngoặc kép, không phải 12",
        ),
        (
            "[list]\nformat = 1979-05-27T07:32:00\n",
            "list.format: must be text in quotes, not 1979-05-27T07:32:00",
            "list.format: phải là chuỗi trong dấu ngoặc kép, không phải 1979-05-27T07:32:00",
        ),
        (
            "[overdue]\nas-of = 2022-06-15T10:00:00\n",
            "overdue.as-of: must be text in quotes, not 2022-06-15T10:00:00",
            "overdue.as-of: phải là chuỗi trong dấu ngoặc kép, không phải 2022-06-15T10:00:00",
        ),
        (
            "[progress]\nnote = 07:30:00\n",
            "progress.note: must be text in quotes, not 07:30:00",
            "progress.note: phải là chuỗi trong dấu ngoặc kép, không phải 07:30:00",
        ),
        (
            "[mail]\nuser = 5\n",
            "mail.user: must be text in quotes, not 5",
            "mail.user: phải là chuỗi trong dấu ngoặc kép, không phải 5",
        ),
        # The root command's own checks, which named neither the file nor the key.
        (
            'timezone = "Mars/Base"\n',
            "timezone: unknown time zone 'Mars/Base'",
            "timezone: không có múi giờ 'Mars/Base'",
        ),
        (
            f'actor = "{"a" * 201}"\n',
            "actor: --actor needs a name of 1 to 200 characters",
            "actor: --actor cần một tên dài từ 1 đến 200 ký tự",
        ),
        (
            'actor = "a\\u001bb"\n',
            "actor: --actor: control character U+001B is not allowed",
            "actor: --actor: có ký tự điều khiển U+001B",
        ),
        # A command's own checks of a value in range, which named the option, as if it had been
        # typed on the command line, and not the file and the key.
        (
            "[remind]\nwithin = -5\n",
            "remind.within: --within must be a number of days from 0 to 3660, not -5",
            "remind.within: --within phải là số ngày từ 0 đến 3660, không phải -5",
        ),
        (
            "[urge]\nwithin = 100000000000\n",
            "urge.within: --within must be a number of days from 0 to 3660",
            "urge.within: --within phải là số ngày từ 0 đến 3660",
        ),
        (
            "[report]\ndue-within = 99999999\n",
            "report.due-within: --due-within must be a number of days from 0 to 3660",
            "report.due-within: --due-within phải là số ngày từ 0 đến 3660",
        ),
        (
            "[remind]\nwithin = 2022-01-01\n",
            "remind.within: must be a whole number",
            "remind.within: phải là số nguyên",
        ),
        # [risk]: the value alone ('risk.soon-days: -1'), not what was wanted; a progress
        # threshold above 100 % was taken, which makes no directive green
        (
            "[risk]\nsoon-days = -1\n",
            "risk.soon-days: -1 is not a number of days, 0 or more",
            "risk.soon-days: -1 không phải là số ngày từ 0 trở lên",
        ),
        (
            "[risk]\nlow-progress = 200\n",
            "risk.low-progress: 200 is not a percentage from 0 to 100",
            "risk.low-progress: 200 không phải là tỷ lệ phần trăm từ 0 đến 100",
        ),
        (
            "[risk]\nunit-red-share = 2\n",
            "risk.unit-red-share: 2 is not a share from 0 to 1",
            "risk.unit-red-share: 2 không phải là tỷ lệ từ 0 đến 1",
        ),
        # [risk] is no command: an unknown key said "no such setting of this command"
        (
            "[risk]\nsoon-dayz = 1\n",
            "risk.soon-dayz: not a risk setting (known: soon-days, red-days,",
            "risk.soon-dayz: không phải thiết lập cảnh báo (các thiết lập: soon-days, red-days,",
        ),
        (
            "[risk]\npending-request = 1\n",
            "risk.pending-request: 1 is not true or false",
            "risk.pending-request: 1 không phải là true hoặc false",
        ),
        (
            "[history]\nlimit = -3\n",
            "history.limit: --limit must be 0 or more, not -3",
            "history.limit: --limit phải từ 0 trở lên, không phải -3",
        ),
        (
            '[overdue]\nas-of = "31/2/2022"\n',
            "overdue.as-of: '31/2/2022' is not a real date",
            "overdue.as-of: '31/2/2022' không phải là ngày hợp lệ",
        ),
        (
            'db = "sqlite://"\n',
            "db: --db 'sqlite://' is a database in memory, gone when the command ends",
            "db: --db 'sqlite://' là cơ sở dữ liệu trong bộ nhớ, mất ngay khi lệnh kết thúc",
        ),
        # A series' period, day and offset, undo's count and done's verdict were refused only
        # when the command ran, naming the option as if it had been typed, not the file.
        (
            '[assign]\nevery = "fortnight"\n',
            "assign.every: --every 'fortnight' is not a period; use month, quarter",
            "assign.every: --every 'fortnight' không phải là một kỳ",
        ),
        (
            "[assign]\nday = 40\n",
            "assign.day: --day must be a day of the month from 1 to 31, not 40",
            "assign.day: --day phải là một ngày trong tháng, từ 1 đến 31, không phải 40",
        ),
        (
            "[assign]\noffset = -5\n",
            "assign.offset: --offset must be from 0 to 366 days, not -5",
            "assign.offset: --offset phải từ 0 đến 366 ngày, không phải -5",
        ),
        (
            "[undo]\ncount = 0\n",
            "undo.count: the number of commands to undo must be 1 to 1000, not 0",
            "undo.count: số lệnh cần hoàn tác phải từ 1 đến 1000, không phải 0",
        ),
        (
            '[done]\nverdict = "great"\n',
            "done.verdict: unknown verdict 'great'; use one of meets, exceeds, short",
            "done.verdict: không có mức đánh giá 'great'",
        ),
        # The days of 'sau Tết' and 'đầu tháng 10', a period, a deadline, a year and a meeting's
        # id were refused only when the command ran, naming the option (or nothing), not the file.
        (
            "[assign]\nafter-tet = -1\n",
            "assign.after-tet: --after-tet must be from 0 to 366 working days, not -1",
            "assign.after-tet: --after-tet phải từ 0 đến 366 ngày làm việc, không phải -1",
        ),
        (
            "[assign]\nearly-day = 0\n",
            "assign.early-day: --early-day must be a day from 1 to 28, not 0",
            "assign.early-day: --early-day phải là một ngày từ 1 đến 28, không phải 0",
        ),
        (
            '[score]\nquarter = "2022Q5"\n',
            "score.quarter: '2022Q5': a year has 4 quarters (I to IV)",
            "score.quarter: '2022Q5': một năm chỉ có 4 quý (I đến IV)",
        ),
        (
            '[assign]\ndue = "2022Q5"\n',
            "assign.due: '2022Q5': a year has 4 quarters (I to IV)",
            "assign.due: '2022Q5': một năm chỉ có 4 quý (I đến IV)",
        ),
        (
            '[request.extend]\nto = "31/2/2023"\n',
            "request.extend.to: '31/2/2023' is not a real date",
            "request.extend.to: '31/2/2023' không phải là ngày hợp lệ",
        ),
        (
            "[calendar.list]\nyear = 10000\n",
            "calendar.list.year: '10000': dirtrack takes dates from the year 1900 to 2999",
            "calendar.list.year: '10000': dirtrack chỉ nhận ngày từ năm 1900 đến năm 2999",
        ),
        (
            "[list]\nmeeting = -1\n",
            "list.meeting: meeting id must be a positive number, not -1",
            "list.meeting: mã số cuộc họp phải là số nguyên dương, không phải -1",
        ),
        # A yes-or-no option given a number was Python's English ('int' object has no attribute
        # 'strip'), given other text Click's English in either language.
        (
            "[assign]\nallow-duplicate = 1\n",
            "assign.allow-duplicate: 1 is not true or false",
            "assign.allow-duplicate: 1 không phải là true hoặc false",
        ),
        (
            '[requests]\npending = "x"\n',
            "requests.pending: 'x' is not true or false",
            "requests.pending: 'x' không phải là true hoặc false",
        ),
        # An empty list for a repeatable option: "give --unit or --attendees, not both", a usage
        # error of the command line.
        ("[assign]\nunit = []\n", "assign.unit: an empty value", "assign.unit: giá trị để trống"),
        # A share done, a limitation's id, and options that exclude each other both set in the
        # file: refused when the command ran, as if typed (the last two a usage error, exit 2).
        (
            "[progress]\npercent = 150\n",
            "progress.percent: percent must be between 0 and 100, not 150",
            "progress.percent: tiến độ phải từ 0 đến 100 (%), không phải 150",
        ),
        # Text that shows nothing was refused when the command ran, as if typed (`note: only
        # spaces…`, `a unit reference cannot be empty`): an empty value, as "" is.
        (
            '[progress]\nnote = " "\n',
            "progress.note: an empty value",
            "progress.note: giá trị để trống",
        ),
        (
            '[list]\nunit = "\u200b "\n',
            "list.unit: an empty value",
            "list.unit: giá trị để trống",
        ),
        (
            "[extend]\nfrom-request = -1\n",
            "extend.from-request: request id must be a positive number, not -1",
            "extend.from-request: mã số đề nghị phải là số nguyên dương, không phải -1",
        ),
        (
            "[history]\nlimitation = -1\n",
            "history.limitation: limitation id must be a positive number, not -1",
            "history.limitation: mã số hạn chế phải là số nguyên dương, không phải -1",
        ),
        (
            "[assign]\nday = 20\noffset = 5\n",
            "assign.day, assign.offset: give --day or --offset, not both",
            "assign.day, assign.offset: chỉ dùng --day hoặc --offset, không dùng cả hai",
        ),
        (
            '[assign]\nunit = "SYT"\nattendees = true\n',
            "assign.unit, assign.attendees: give --unit (one or more) or --attendees, not both",
            "assign.unit, assign.attendees: dùng --unit (một hoặc nhiều lần) hoặc --attendees",
        ),
        (
            "[add-limitation]\nrepeat-of = 2\nnew = true\n",
            "add-limitation.repeat-of, add-limitation.new: give --repeat-of or --new, not both",
            "add-limitation.repeat-of, add-limitation.new: dùng --repeat-of hoặc --new",
        ),
    ],
)
def test_a_bad_value_in_the_file_is_said_in_the_language_of_the_run(
    cli: Cli, config_file: Path, content: str, en: str, vi: str
) -> None:
    """The file is read before the command line's --lang is known; what is wrong with one of
    its values is said in the language of the run all the same, not in Click's English."""
    config_file.write_text(content, encoding="utf-8")
    assert en in cli.fail("--lang", "en", "unit", "list")
    said = cli.fail("--lang", "vi", "unit", "list")
    assert vi in said and "is not one of" not in said and "empty value" not in said


@pytest.mark.parametrize(
    ("content", "command", "en", "vi"),
    [
        (
            '[list]\nfields = "nonsense"\n',
            ["list"],
            "list.fields: unknown field 'nonsense'; use some of: id,",
            "list.fields: không có trường 'nonsense'; dùng các trường: id,",
        ),
        (
            '[list]\nfields = ","\n',
            ["list"],
            "list.fields: --fields needs at least one field name",
            "list.fields: --fields cần ít nhất một tên trường",
        ),
        (
            '[score]\nout = "/"\n',
            ["score", "--quarter", "2022Q2"],
            "score.out: --out /: is a folder; give a file name",
            "score.out: --out /: đây là thư mục; hãy cho tên tệp",
        ),
        (
            '[approve]\ndate = "1/1/2099"\n',
            ["approve", "1"],
            "approve.date: --date 2099-01-01 is after today",
            "approve.date: --date 01/01/2099 là sau hôm nay",
        ),
        (
            '[progress]\ndate = "1/1/2099"\n',
            ["progress", "1", "--percent", "50"],
            "progress.date: --date 2099-01-01 is after today",
            "progress.date: --date 01/01/2099 là sau hôm nay",
        ),
        (
            '[report]\nas-of = "1900-01-01"\n',
            ["report", "--quarter", "2022Q2"],
            "report.as-of: --as-of 1900-01-01 is before the period Q2 2022 begins",
            "report.as-of: --as-of 01/01/1900 trước ngày bắt đầu kỳ quý II/2022",
        ),
        (
            '[pack.out]\ndue = "1/1/1900"\n',
            ["pack", "out", "--quarter", "2022Q2", "--dir", "pk"],
            "pack.out.due: --due 1900-01-01 is before the day the pack is made",
            "pack.out.due: --due 01/01/1900",
        ),
        (
            '[done]\ndoc = "x"\n',
            ["done", "1"],
            "done.doc: 'x' is not a document number",
            "done.doc: 'x' không phải số, ký hiệu văn bản",
        ),
    ],
)
def test_a_files_value_refused_when_the_command_runs_names_the_file_and_key(
    cli: Cli,
    config_file: Path,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    content: str,
    command: list[str],
    en: str,
    vi: str,
) -> None:
    """A value whose fault shows only when the command runs (a field the listing lacks, a
    folder, a day after today or before the period, a document number) was said as if typed on
    the command line; it names the file and the key, in the run's language, and writes
    nothing."""
    monkeypatch.chdir(tmp_path)  # `pack out --dir pk`: never the checkout
    cli.ok("unit", "add", "SYT", "Sở Y tế")
    cli.ok("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    cli.ok("assign", "1", "--unit", "SYT", "--due", "30/6/2022", "Báo cáo y tế")
    cli.ok("request", "extend", "1", "--to", "30/9/2022", "--reason", "Chờ", "--date", "1/6/2022")
    config_file.write_text(content, encoding="utf-8")
    before = file_digest(db_path)
    said = cli.fail("--lang", "en", *command)
    assert said.startswith(f"Error: {config_file}: {en}"), said
    said = cli.fail("--lang", "vi", *command)
    assert said.startswith(f"Error: {config_file}: {vi}"), said
    assert file_digest(db_path) == before
    config_file.write_text("", encoding="utf-8")  # typed, the same value is said as ever
    typed = {"fields": "--fields", "out": "--out", "date": "--date", "as-of": "--as-of"}
    typed["doc"] = "--doc"
    key, _eq, value = content.splitlines()[1].partition(" = ")
    if key in typed:
        said = cli.fail("--lang", "en", *command, typed[key], json.loads(value))
        assert said.startswith("Error: " + en.split(": ", 1)[1]), said


@pytest.mark.parametrize(
    ("content", "command", "said"),
    [
        (
            '[urge]\nout = "thu.md"\n',
            ["urge", "SYT", "--dir", "thu", "--format", "md"],
            "urge.out: --out and --dir cannot be used together (--dir typed on the command line",
        ),
        (
            '[report]\nquarter = "2022Q2"\n',
            ["report", "--period", "2022"],
            "report.quarter: give --quarter or --period (one of them) (--period typed on the "
            "command line",
        ),
        (
            '[pack.out]\nquarter = "2022Q2"\n',
            ["pack", "out", "--period", "2022", "--dir", "pk"],
            "pack.out.quarter: give --quarter or --period (one of them) (--period typed",
        ),
        (
            "[undo]\ncount = 2\n",
            ["undo", "1", "--yes"],
            "undo.count: give a CHANGE_ID or --count, not both (CHANGE_ID typed on the command",
        ),
        (
            "[urge]\nall = true\n",
            ["urge", "SYT"],
            "urge.all: give a UNIT or --all (not both) (UNIT typed on the command line",
        ),
        (
            '[assign]\nunit = "SYT"\n',
            ["assign", "1", "Việc mới", "--attendees"],
            "assign.unit: give --unit (one or more) or --attendees, not both (--attendees typed",
        ),
        (  # the file's own keys exclude each other: no option typed
            '[urge]\nout = "thu.md"\ndir = "thu"\n',
            ["urge", "SYT"],
            "urge.out, urge.dir: --out and --dir cannot be used together",
        ),
    ],
)
def test_a_files_default_excluding_an_option_typed_names_both(
    cli: Cli,
    config_file: Path,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    content: str,
    command: list[str],
    said: str,
) -> None:
    """A default the file gives (`[urge] out`) and an option typed that excludes it (`--dir`)
    were Click's usage error, exit 2, as if both had been typed: one ``Error:`` line, exit 1,
    naming the file's key and the option typed, in the run's language; nothing written.
    Both typed, it stays the usage error it always was."""
    monkeypatch.chdir(tmp_path)
    cli.ok("unit", "add", "SYT", "Sở Y tế")
    cli.ok("add-meeting", "--date", "6/5/2022", "--title", "Giao ban", "--attendee", "SYT")
    cli.ok("assign", "1", "--unit", "SYT", "--due", "30/6/2022", "Báo cáo y tế")
    config_file.write_text(content, encoding="utf-8")
    before = file_digest(db_path)
    refused = cli.fail("--lang", "en", *command)
    assert refused.startswith(f"Error: {config_file}: {said}"), refused
    vi = cli.fail("--lang", "vi", *command)
    assert vi.startswith(f"Error: {config_file}: "), vi
    if "typed" in said:
        assert "được gõ trên dòng lệnh" in vi, vi
    assert file_digest(db_path) == before
    config_file.write_text("", encoding="utf-8")
    cli.fail("urge", "SYT", "--out", "thu.md", "--dir", "thu", code=2)  # both typed


def test_a_yes_or_no_option_in_the_file_reads_true_false_and_the_words_click_reads(
    cli: Cli, config_file: Path
) -> None:
    """TOML's true and false, and the words the command line has always read as yes or no
    (`"yes"`, `"off"`): a file written for an earlier version still works."""
    cli.ok("add-meeting", "--date", "2022-04-05", "--title", "Giao ban")
    cli.ok("unit", "add", "SYT", "Sở Y tế")
    cli.ok("assign", "1", "Rà soát hồ sơ", "--unit", "SYT")
    config_file.write_text('[assign]\nallow-duplicate = "yes"\n', encoding="utf-8")
    cli.ok("assign", "1", "Rà soát hồ sơ", "--unit", "SYT")
    config_file.write_text('[assign]\nallow-duplicate = "off"\n', encoding="utf-8")
    refused = cli.fail("--lang", "en", "assign", "1", "Rà soát hồ sơ", "--unit", "SYT")
    assert "already gives SYT this text" in refused
    config_file.write_text("[assign]\nallow-duplicate = true\n", encoding="utf-8")
    cli.ok("assign", "1", "Rà soát hồ sơ", "--unit", "SYT")
    listed = json.loads(cli.ok("list", "--format", "json"))
    assert [d["text"] for d in listed] == ["Rà soát hồ sơ"] * 3


def test_one_value_for_a_repeatable_option_in_the_file_is_a_list_of_one(
    cli: Cli, config_file: Path
) -> None:
    """`[assign] with = "BTC"` was Click's English 'Value must be an iterable' in either
    language, and `[report] to = 5` an unexpected TypeError: one value is a list of one."""
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    cli.ok("unit", "add", "BTC", "Ban Tổ chức Tỉnh ủy")
    cli.ok("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    config_file.write_text('[assign]\nwith = "BTC"\nunit = "VPTU"\n', encoding="utf-8")
    made = cli.json("assign", "1", "Rà soát hồ sơ")
    assert (made["unit"], made["with"]) == ("VPTU", ["BTC"])
    config_file.write_text("[report]\nto = 5\n", encoding="utf-8")
    assert settings()["report.to"]["value"] == [5]
    report = cli.json("report", "--quarter", "2022Q2")
    assert report["totals"]["total"] == 1


def test_a_files_default_of_an_option_that_goes_with_another_waits_for_it(
    cli: Cli, config_file: Path
) -> None:
    """`[assign] day = 20` (series are due on the 20th) made every assign without --every a
    usage error, exit 2, naming options nobody typed; `[report] number` every report that is no
    document. The default now waits for the option it goes with; typed, it is refused as ever,
    and a --offset typed replaces the file's --day."""
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    cli.ok("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    config_file.write_text(
        '[assign]\nday = 20\nuntil = 2022-12-31\n[report]\nnumber = "12"\n',
        encoding="utf-8",
    )
    one = cli.json("assign", "1", "--unit", "VPTU", "Báo cáo", "--due", "30/6/2022")
    assert (one["due"], one["series_id"]) == ("2022-06-30", None)
    cli.ok("assign", "1", "--unit", "VPTU", "Báo cáo quý", "--every", "quarter")
    shown = cli.json("series", "show", "1")
    dues = [occurrence["due"] for occurrence in shown["occurrences"]]
    assert dues == ["2022-06-20", "2022-09-20", "2022-12-20"], shown
    rehearsed = cli.ok("assign", "1", "--unit", "VPTU", "Tổng hợp", "--every", "quarter")
    assert rehearsed.split() == ["2"]
    assert cli.json("series", "show", "2")["occurrences"][0]["due"] == "2022-06-20"
    typed = cli("assign", "1", "--unit", "VPTU", "Khác", "--every", "year", "--offset", "5")
    assert typed.exit_code == 0, typed.stderr
    assert cli.json("series", "show", "3")["occurrences"][0]["due"] == "2023-01-05"
    assert cli.json("report", "--quarter", "2022Q2")["totals"]["total"] == 4
    assert "--day" in cli.fail("assign", "1", "--unit", "VPTU", "Việc", "--day", "5", code=2)
    assert "--number" in cli.fail("report", "--quarter", "2022Q2", "--number", "5", code=2)


@pytest.mark.parametrize(
    ("value", "en", "vi"),
    [
        (" ", "--actor needs a name of 1 to 200 characters", "--actor cần một tên dài từ 1"),
        ("a" * 201, "--actor needs a name of 1 to 200 characters", "--actor cần một tên dài từ 1"),
        ("a\x1bb", "--actor: control character U+001B", "--actor: có ký tự điều khiển U+001B"),
    ],
)
def test_a_bad_dirtrack_actor_names_the_variable(
    cli: Cli, db_path: Path, monkeypatch: Any, value: str, en: str, vi: str
) -> None:
    """A bad DIRTRACK_ACTOR was refused as if --actor had been typed, leaving a cron job's
    owner looking for an option nobody gave: the line now names the variable, as a bad value
    in the file names the file and the key. --actor given wins over the variable."""
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    digest = file_digest(db_path)
    monkeypatch.setenv("DIRTRACK_ACTOR", value)
    assert cli.fail("--lang", "en", "unit", "add", "BTC", "Ban Tổ chức").startswith(
        f"Error: DIRTRACK_ACTOR: {en}"
    )
    assert cli.fail("--lang", "vi", "unit", "add", "BTC", "Ban Tổ chức").startswith(
        f"Error: DIRTRACK_ACTOR: {vi}"
    )
    assert file_digest(db_path) == digest
    given = cli.fail("--actor", value, "--lang", "en", "unit", "add", "BTC", "Ban Tổ chức")
    assert given.startswith(f"Error: {en}")
    cli.ok("--actor", "Văn thư", "unit", "add", "BTC", "Ban Tổ chức")


def test_a_dirtrack_db_or_actor_set_to_nothing_is_refused(
    cli: Cli, db_path: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    """``DIRTRACK_DB="$DB"`` in a crontab with DB unset: Click took the empty variable for none,
    and the command read and wrote the per-user default register without a word (the same for
    DIRTRACK_ACTOR: the OS user). Set to nothing, each is refused naming it, as a blank one
    is; the option given on the command line wins over it."""
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    default = tmp_path / "xdg-data" / "dirtrack" / "dirtrack.db"
    monkeypatch.setenv("DIRTRACK_DB", "")
    result = invoke("unit", "add", "BTC", "Ban Tổ chức")
    assert result.exit_code == 1 and result.stderr.startswith(
        "Error: DIRTRACK_DB: --db '' is blank"
    )
    assert not default.exists()
    said = invoke("--lang", "vi", "list").stderr
    assert said.startswith("Error: DIRTRACK_DB: --db '' để trống"), said
    cli.ok("list")  # --db given wins
    monkeypatch.delenv("DIRTRACK_DB")
    monkeypatch.setenv("DIRTRACK_ACTOR", "")
    digest = file_digest(db_path)
    assert cli.fail("unit", "add", "BTC", "Ban Tổ chức") == (
        "Error: DIRTRACK_ACTOR: --actor needs a name of 1 to 200 characters"
    )
    assert file_digest(db_path) == digest
    cli.ok("--actor", "Văn thư", "unit", "add", "BTC", "Ban Tổ chức")


@pytest.mark.parametrize(
    ("args", "env", "hint"),
    [
        (["--lang", "fr"], {}, "'--lang':"),
        (["--actor", ""], {}, "'--actor':"),
        (["--db", ""], {}, "'--db' / '-d':"),
        ([], {"DIRTRACK_LANG": "fr"}, "'--lang' (env var: 'DIRTRACK_LANG'):"),
    ],
)
def test_a_bad_global_value_names_the_variable_only_when_it_came_from_it(
    args: list[str], env: dict[str, str], hint: str
) -> None:
    """``--lang fr`` typed on the command line was said to be the variable's value: 'Invalid
    value for '--lang' (env var: 'DIRTRACK_LANG')', sending a user to look for a variable
    nobody set."""
    result = invoke(*args, "unit", "list", env=env)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: Invalid value for {hint}"), lines


def test_config_says_where_a_default_comes_from_in_the_users_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Under --lang vi the table said the actor came from 'OS user' and the zone from
    'machine'; the JSON keeps its codes."""
    monkeypatch.delenv("DIRTRACK_ACTOR", raising=False)
    monkeypatch.delenv("TZ", raising=False)
    table = invoke("--lang", "vi", "config").stdout
    assert "người dùng đang đăng nhập" in table and "thiết lập của máy" in table
    assert "OS user" not in table and "machine" not in table
    rows = {
        r["key"]: r for r in json.loads(invoke("--lang", "vi", "config", "--format", "json").stdout)
    }
    assert rows["actor"]["origin"] == "OS user" and rows["timezone"]["origin"] == "machine"


def test_the_offices_time_zone_says_which_day_today_is(config_file: Path, tmp_path: Path) -> None:
    """``timezone`` (and ``--timezone``) set only history's times: "today" was the machine's
    day, so a server kept in UTC dated what a clerk in Hà Nội recorded before 07:00 on the day
    before, and refused that morning's --date as after today. It is the day in the office's
    zone now, for every default date and check. The two zones are 25 hours apart: never the
    same day, so the machine's day cannot be both."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    east, west = "Etc/GMT-14", "Pacific/Pago_Pago"  # UTC+14 and UTC-11

    def day_in(zone: str) -> date:
        return datetime.now(ZoneInfo(zone)).date()

    cli = cli_at(tmp_path / "tz.db")
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    ids = [cli.id("assign", str(meeting), "--unit", "VPTU", f"Việc {n}") for n in range(3)]
    config_file.write_text(f'timezone = "{east}"\n', encoding="utf-8")
    before = day_in(east)
    cli.ok("done", str(ids[0]))
    completed = cli.json("show", str(ids[0]))["completed_on"]
    assert completed in (before.isoformat(), day_in(east).isoformat())
    # the office's today, typed: not "after today" there
    cli.ok("done", str(ids[1]), "--date", before.isoformat())
    before = day_in(west)
    cli.ok("--timezone", west, "progress", str(ids[2]), "--percent", "40")
    [entry] = [e for e in cli.json("show", str(ids[2]))["history"] if e["event"] == "progress"]
    assert entry["date"] in (before.isoformat(), day_in(west).isoformat())
    said = cli.fail("--timezone", west, "done", str(ids[2]), "--date", day_in(east).isoformat())
    assert "is after today" in said


def test_a_zone_named_west_of_utc_for_vietnams_hours_is_refused(
    config_file: Path, tmp_path: Path
) -> None:
    """``Etc/GMT+7``, typed for Việt Nam's UTC+7, is UTC-7 (POSIX counts west as positive):
    until 14:00 in Hà Nội "today" was the day before, every default --date and status a day
    early. Refused, on the command line and in the file, saying which way it counts; Etc/GMT-7
    (UTC+7) and the zones named by their place are taken."""
    cli = cli_at(tmp_path / "tz.db")
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    for lang, said in (("en", "7 hours behind UTC"), ("vi", "chậm hơn UTC 7 giờ")):
        line = cli.fail("--lang", lang, "--timezone", "Etc/GMT+7", "unit", "list")
        assert said in line and "Etc/GMT-7" in line and "Asia/Ho_Chi_Minh" in line, line
    config_file.write_text('timezone = "Etc/GMT+7"\n', encoding="utf-8")
    line = cli.fail("--lang", "en", "unit", "list")
    assert "timezone" in line and "7 hours behind UTC" in line, line
    for zone in ("Etc/GMT-7", "Asia/Ho_Chi_Minh", "Asia/Saigon", "Etc/GMT+0"):
        config_file.write_text(f'timezone = "{zone}"\n', encoding="utf-8")
        assert "VPTU" in cli.ok("unit", "list")


@contextmanager
def machine_zone(value: str) -> Iterator[None]:
    """The machine's zone (``TZ``) for the commands run in this process, as a machine set so
    gives it: the C library reads TZ again (:func:`time.tzset`); put back after."""
    import time

    before = os.environ.get("TZ")
    os.environ["TZ"] = value
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


@pytest.mark.parametrize(
    ("tz", "en", "vi"),
    [
        # a zone this machine does not know: the C library read it as UTC, without a word
        (
            "Nowhere/City",
            "Error: TZ: unknown time zone 'Nowhere/City': give a name such as Asia/Ho_Chi_Minh",
            "Error: TZ: không có múi giờ 'Nowhere/City'",
        ),
        # POSIX: 7 hours behind UTC; typed for Việt Nam, today was the day before until 14:00
        # said so that a clerk knows what to set: the place's name, or the sign POSIX wants
        (
            "UTC+7",
            "Error: TZ: time zone 'UTC+7' is 7 hours behind UTC, not ahead: in TZ the sign is "
            "reversed (POSIX), so 7 hours ahead of UTC is written UTC-7; for Việt Nam's time set "
            "TZ=Asia/Ho_Chi_Minh, or give --timezone Asia/Ho_Chi_Minh",
            "Error: TZ: múi giờ 'UTC+7' chậm hơn UTC 7 giờ, không phải nhanh hơn: trong TZ dấu "
            "được ghi ngược lại (quy ước POSIX), nên nhanh hơn UTC 7 giờ phải ghi là UTC-7; để "
            "dùng giờ Việt Nam, hãy đặt TZ=Asia/Ho_Chi_Minh, hoặc dùng --timezone Asia/Ho_Chi_Minh",
        ),
        (
            "ICT7",
            "Error: TZ: time zone 'ICT7' is 7 hours behind UTC, not ahead: in TZ the sign is "
            "reversed (POSIX), so 7 hours ahead of UTC is written ICT-7;",
            "Error: TZ: múi giờ 'ICT7' chậm hơn UTC 7 giờ, không phải nhanh hơn: trong TZ dấu "
            "được ghi ngược lại (quy ước POSIX), nên nhanh hơn UTC 7 giờ phải ghi là ICT-7;",
        ),
        (
            "Etc/GMT+7",
            "Error: TZ: time zone 'Etc/GMT+7' is 7 hours behind UTC, not ahead: the names "
            "Etc/GMT+N reverse the sign, so 7 hours ahead of UTC is Etc/GMT-7; for Việt Nam's "
            "time give the zone by its place, Asia/Ho_Chi_Minh",
            "Error: TZ: múi giờ 'Etc/GMT+7' chậm hơn UTC 7 giờ, không phải nhanh hơn: các tên "
            "Etc/GMT+N ghi dấu ngược lại, nên nhanh hơn UTC 7 giờ là Etc/GMT-7; để dùng giờ Việt "
            "Nam, hãy ghi múi giờ theo nơi chốn, Asia/Ho_Chi_Minh",
        ),
    ],
)
def test_a_machine_zone_that_would_misdate_today_is_refused_where_today_is_read(
    tmp_path: Path, tz: str, en: str, vi: str
) -> None:
    """Where no --timezone (nor the file's timezone) is given, the machine's TZ says which day
    today is: one the machine does not know, or written west of UTC as Việt Nam's hours,
    dated every default --date and judged every status on another day than the office's. It
    is one Error naming TZ, nothing written; a command that needs no today still runs, and
    --timezone (the office's zone) makes TZ no matter."""
    cli = cli_at(tmp_path / "tz.db")
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    ident = cli.id("assign", str(meeting), "--unit", "VPTU", "Việc")
    before = file_digest(Path(cli.db))
    with machine_zone(tz):
        for lang, said in (("en", en), ("vi", vi)):
            for args in (["overdue"], ["progress", str(ident), "--percent", "40"]):
                line = cli.fail("--lang", lang, *args)
                assert line.startswith(said) and len(line.splitlines()) == 1, line
        assert file_digest(Path(cli.db)) == before
        assert "VPTU" in cli.ok("unit", "list")
        cli.ok("--timezone", "Asia/Ho_Chi_Minh", "progress", str(ident), "--percent", "40")
    for good in ("ICT-7", "<+07>-7", "Asia/Ho_Chi_Minh", ":Asia/Saigon", "UTC", ""):
        with machine_zone(good):
            cli.ok("overdue")


def test_today_turns_at_the_offices_midnight(tmp_path: Path) -> None:
    """The overdue boundary by the clock of the office (the machine's zone, TZ): at 23:30 a
    directive due that day is open in time, at 00:30 it is one day overdue. The clock is put
    there by a POSIX TZ whose offset makes it 23:30, then 00:30, now (no clock is faked); Việt
    Nam's own zone gives the day it is there."""
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)
    east = (23 * 60 + 30 - (now.hour * 60 + now.minute)) % 1440  # minutes to 23:30 there
    east -= 1440 if east > 720 else 0

    def posix(minutes: int) -> str:  # POSIX counts west of UTC as positive
        sign = "-" if minutes >= 0 else "+"
        return f"OFC{sign}{abs(minutes) // 60}:{abs(minutes) % 60:02d}"

    due = (now + timedelta(minutes=east)).date()
    cli = cli_at(tmp_path / "tz.db")
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    ident = cli.id("assign", str(meeting), "--unit", "VPTU", "--due", due.isoformat(), "Việc")
    with machine_zone(posix(east)):  # 23:30 on the day it is due
        assert cli.json("overdue") == []
        assert cli.json("show", str(ident))["status"] == "open_in_time"
    with machine_zone(posix(east + 60)):  # 00:30 the day after
        [late] = cli.json("overdue")
        assert late["id"] == ident and late["days_overdue"] == 1
        assert cli.json("show", str(ident))["status"] == "overdue"
    with machine_zone("Asia/Ho_Chi_Minh"):
        days = [(datetime.now(UTC) + timedelta(hours=7)).date()]
        shown = cli.json("show", str(ident))["status"]
        days.append((datetime.now(UTC) + timedelta(hours=7)).date())
        assert shown in {"open_in_time" if day <= due else "overdue" for day in days}


@pytest.mark.parametrize("clock", [date(1970, 1, 1), date(1999, 12, 31), date(3000, 1, 1), None])
def test_a_clock_that_cannot_be_right_is_refused_not_read_as_today(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: date | None
) -> None:
    """A machine whose clock a flat battery set back to 1970 read "today" from it: ``overdue``
    said nothing was overdue, ``list`` showed an empty register (every directive given after
    that day), ``add-meeting --date today`` recorded 1970; a clock past 2999 recorded
    completions no --date may give, and one no date holds was an unexpected error. Each command
    that needs today now refuses in one line naming the clock, in either language; a command
    that does not (``unit list``) still runs. The clock is the one thing replaced here: the
    class the day is read from."""
    import dirtrack.periods

    cli = cli_at(tmp_path / "clock.db")
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    cli.ok("assign", str(meeting), "--unit", "VPTU", "Việc", "--due", "30/6/2022")

    class Clock(date):
        @classmethod
        def today(cls) -> date:
            if clock is None:
                raise OverflowError("date value out of range")
            return clock

    monkeypatch.setattr(dirtrack.periods, "date", Clock)
    for args in (("overdue",), ("list",), ("report", "--quarter", "current"), ("done", "1"),
                 ("add-meeting", "--date", "today", "--title", "Họp"), ("remind",)):  # fmt: skip
        en, vi = (cli.fail("--lang", lang, *args) for lang in ("en", "vi"))
        assert "the machine's clock" in en and "đồng hồ của máy" in vi, (args, en, vi)
        if clock is not None:
            assert clock.isoformat() in en and clock.isoformat() in vi
    assert "VPTU" in cli.ok("unit", "list")
    monkeypatch.undo()
    assert cli.json("show", "1")["completed_on"] is None
    assert len(cli.json("meetings")) == 1


def test_config_shows_a_yes_no_or_a_list_as_the_file_writes_it(config_file: Path) -> None:
    """``config`` showed a setting of the file as Python writes it: ``report.brief  False``,
    ``pack.out.unit  ['VPTU', 'BTC']``. Now ``false`` and ``VPTU, BTC``, in either language;
    the JSON keeps the boolean and the list."""
    config_file.write_text(
        '[report]\nbrief = false\n[pack.out]\nunit = ["VPTU", "BTC"]\n', encoding="utf-8"
    )
    for lang in ("vi", "en"):
        table = invoke("--lang", lang, "config").stdout
        brief = next(line for line in table.splitlines() if line.startswith("report.brief"))
        units = next(line for line in table.splitlines() if line.startswith("pack.out.unit"))
        assert brief.split()[1] == "false", brief
        assert "VPTU, BTC" in units and "[" not in units, units
        assert "False" not in table and "True" not in table and "None" not in table
    rows = {r["key"]: r for r in json.loads(invoke("config", "--format", "json").stdout)}
    assert rows["report.brief"]["value"] is False
    assert rows["pack.out.unit"]["value"] == ["VPTU", "BTC"]


def test_field_list_names_its_column_as_a_fields_name() -> None:
    """``field list`` under --lang vi headed the fields' names 'Tên đơn vị' (a unit's name)."""
    assert invoke("--lang", "vi", "field", "add", "KT", "Kinh tế").exit_code == 0
    table = invoke("--lang", "vi", "field", "list").stdout
    assert "Tên lĩnh vực" in table and "Tên đơn vị" not in table


@pytest.mark.parametrize(
    ("lang", "headers"),
    [
        ("vi", ["Thiết lập", "Giá trị", "Nguồn", "Từ"]),
        ("en", ["Setting", "Value", "Source", "From"]),
    ],
)
def test_config_keeps_every_column_at_80_columns(
    config_file: Path, monkeypatch: pytest.MonkeyPatch, lang: str, headers: list[str]
) -> None:
    """At a terminal 80 columns wide, a setting from the file (its path in "Từ") left no room
    for that column beside the 25 letters of risk.repeated-limitations: "Từ" was left out.
    Now the source and where it comes from wrap, and a path is folded."""
    from tests.test_screens import page, terminal

    config_file.write_text(
        '[remind]\nwithin = 14\n[mail]\nhost = "smtp.vptu.gov.vn"\nsender = "vp@vptu.gov.vn"\n',
        encoding="utf-8",
    )
    terminal(monkeypatch, 80)
    shown = page(invoke("--lang", lang, "config").stdout).splitlines()
    assert max(len(line) for line in shown) <= 80, shown
    header = next(line for line in shown if line.strip().startswith(headers[0]))
    assert all(h in header for h in headers), header
    at = next(i for i, line in enumerate(shown) if line.lstrip().startswith("remind.within"))
    rest = shown[at + 1 :]  # the row, and its lines that go on under it
    block = [shown[at], *rest[: next((i for i, x in enumerate(rest) if x[:10].strip()), 0)]]
    assert block[0].split()[1] == "14", block
    origin = header.index(headers[3])
    assert "".join(x[origin:].strip() for x in block) == str(config_file), block


# --- arbitrary values in the file ------------------------------------------------------------
# Every option of every command, set in the file to a value of any TOML kind (a number of any
# size, true, a float, nan, a date, text, a list of those), and the command run: exit 0, 1, 2
# or 3; an error is one `Error:` line in the run's language (never Python's or Click's English:
# `'int' object has no attribute 'strip'`, `Value must be an iterable`, `is not a valid
# boolean`), never `unexpected`; a refused run writes nothing.

_SCALAR = st.one_of(
    st.integers(-3, 40),
    st.integers(-(2**70), 2**70),
    st.booleans(),
    st.floats(),
    st.dates(date(1, 1, 1), date(9999, 12, 31)),
    st.sampled_from(
        ["", " ", "x", "SYT", "2022Q3", "2022Q5", "31/2/2022", "yes", "1", "kt", "month", "-1"]
    ),
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
        max_size=12,
    ),
)
# A command's arguments when it needs some (the rest run with none).
_ARGUMENTS = {
    "assign": ["1", "Rà soát hồ sơ"],
    "report": ["--quarter", "2022Q2"],
    "score": ["--quarter", "2022Q2"],
}
_CLICK_ENGLISH = ("Value must be an iterable", "object has no attribute", "is not a valid")


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value != value:
        return "nan"
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return "inf" if value > 0 else "-inf"
    if isinstance(value, int | float | date):
        return value.isoformat() if isinstance(value, date) else repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    return json.dumps(value)


def _leaf_settings() -> list[tuple[list[str], str]]:
    """(command path, key) of every option a command's table may set."""
    import typer.main

    from dirtrack import config

    found: list[tuple[list[str], str]] = []

    def walk(command: Any, path: list[str]) -> None:
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for name, sub in subcommands.items():
                walk(sub, [*path, name])
            return
        if path[0] in ("urge", "backup", "export", "completion"):  # bytes or files to stdout
            return
        keys = {config.long_name(param) for param in config._settings(command).values()}
        found.extend((path, key) for key in sorted(keys))

    walk(typer.main.get_command(app), [])
    return found


def test_any_value_of_any_setting_is_one_error_line_or_taken(
    cli: Cli, config_file: Path, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if cli.db.startswith("postgresql"):
        # each example starts from a copy of the register's file; the values are read by the
        # same code on either backend (the PostgreSQL battery is test_fuzz's --all-backends)
        pytest.skip("the register is a SQLite file, copied for each example")
    # `[score] out`, `[pack.out] dir`: files and folders named by the values, in a folder of
    # the test's own, never the checkout's
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    cli.ok("unit", "add", "SYT", "Sở Y tế")
    cli.ok("add-meeting", "--date", "6/5/2022", "--title", "Giao ban", "--attendee", "VPTU")
    cli.ok("assign", "1", "--unit", "SYT", "--due", "30/6/2022", "Báo cáo y tế")
    cli.ok("request", "extend", "1", "--to", "30/9/2022", "--reason", "Chờ", "--date", "1/6/2022")
    template = db_path.with_name("template.db")
    shutil.copyfile(db_path, template)

    @examples(
        deadline=None,
        derandomize=True,
        max_examples=examples.default.max_examples * 30,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        st.sampled_from(_leaf_settings()),
        st.one_of(_SCALAR, st.lists(_SCALAR, max_size=3)),
        st.sampled_from(["en", "vi"]),
    )
    def fuzz(setting: tuple[list[str], str], value: object, lang: str) -> None:
        path, key = setting
        text = f"[{'.'.join(path)}]\n{key} = {_toml(value)}\n"
        config_file.write_text(text, encoding="utf-8")
        shutil.copyfile(template, db_path)
        before = file_digest(db_path)
        done = cli("--lang", lang, *path, *_ARGUMENTS.get(path[0], []))
        said = (text, done.exit_code, done.stderr[-500:])
        assert done.exit_code in (0, 1, 2, 3), said
        assert "Traceback" not in done.stdout + done.stderr, said
        assert "unexpected" not in done.stderr and "ngoài dự kiến" not in done.stderr, said
        if done.exit_code == 1:
            lines = done.stderr.strip().splitlines()
            assert len(lines) == 1 and lines[0].startswith("Error: "), said
        if lang == "vi" or done.exit_code == 1:
            assert not any(words in done.stderr for words in _CLICK_ENGLISH[:2]), said
        if lang == "vi":
            assert _CLICK_ENGLISH[2] not in done.stderr, said
        if done.exit_code != 0:
            assert file_digest(db_path) == before, said

    fuzz()
