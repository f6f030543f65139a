"""Configuration (issue 5): a TOML file in the user config folder, under environment variables,
under options; `dirtrack config` says where each value comes from. Shell completion."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dirtrack.cli import app
from tests.conftest import ENTRY_POINT, Cli, file_digest, run


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    """Where dirtrack looks: the conftest points XDG_CONFIG_HOME into the test's folder."""
    folder = tmp_path / "xdg-config" / "dirtrack"
    folder.mkdir(parents=True)
    return folder / "config.toml"


def invoke(*args: str, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(app, list(args), env=env)


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
    assert found["remind.stale_after"]["value"] == 30
    assert found["report.cutoff"]["value"] == "calendar"
    assert invoke("config", "--path").stdout.strip() == str(config_file)


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
    assert found["remind.stale_after"]["value"] == 21
    assert found["report.cutoff"]["value"] == "nd09"

    env = {
        "DIRTRACK_LANG": "en",
        "DIRTRACK_REMIND_WITHIN": "3",
        "DIRTRACK_DB": str(tmp_path / "e.db"),
    }
    found = settings(env=env)
    assert (found["lang"]["value"], found["lang"]["source"]) == ("en", "env")
    assert found["lang"]["origin"] == "DIRTRACK_LANG"
    assert (found["remind.within"]["value"], found["remind.within"]["origin"]) == (
        "3",
        "DIRTRACK_REMIND_WITHIN",
    )
    assert (found["db"]["value"], found["db"]["source"]) == (str(tmp_path / "e.db"), "env")

    found = settings("--lang", "vi", "--db", str(tmp_path / "o.db"), env=env)
    assert (found["lang"]["value"], found["lang"]["source"]) == ("vi", "option")
    assert (found["db"]["value"], found["db"]["source"]) == (str(tmp_path / "o.db"), "option")


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
    only_env = invoke("remind", "--as-of", "2022-05-06", env={"DIRTRACK_REMIND_WITHIN": "7"})
    assert only_env.stdout == ""
    changes = json.loads(invoke("history", "1", "--format", "json").stdout)
    assert changes[0]["actor"] == "Văn thư"


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
        ('lang = "fr"', "lang:"),
        ('colour = "red"', "colour: no such global setting"),
        ("[remind]\nwithn = 3\n", "remind.withn: no such setting of this command"),
        ('[remind]\nwithin = "soon"\n', "remind.within:"),
        ("[nope]\nx = 1\n", "nope: no command is called 'nope'"),
        ("[remind.within]\nx = 1\n", "remind.within"),
        ('db = ["a", "b"]\n', "db: one value expected"),
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


def test_a_config_file_that_is_a_folder_or_not_utf8(cli: Cli, config_file: Path) -> None:
    config_file.write_bytes(b'lang = "\xff"\n')
    assert "not UTF-8" in cli.fail("unit", "list") or "not valid TOML" in cli.fail("unit", "list")
    config_file.unlink()
    config_file.mkdir()
    assert "is a folder" in cli.fail("unit", "list")


def test_any_command_option_can_be_set_in_the_file(cli: Cli, config_file: Path) -> None:
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    config_file.write_text('[unit.list]\nformat = "json"\n', encoding="utf-8")
    assert json.loads(cli.ok("unit", "list"))[0]["code"] == "VPTU"
    assert "config_file" in cli.ok("config")


# --- shell completion --------------------------------------------------------------------------


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts(shell: str) -> None:
    done = run("completion", shell)
    assert done.returncode == 0, done.stderr
    assert "_DIRTRACK_COMPLETE" in done.stdout
    assert "dirtrack" in done.stdout
    assert run("completion", "tcsh").returncode == 2


def complete(shell: str, words: str) -> str:
    env = {
        **os.environ,
        "_DIRTRACK_COMPLETE": f"complete_{shell}",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1),
        "_TYPER_COMPLETE_ARGS": words,
        "_TYPER_COMPLETE_FISH_ACTION": "get-args",
    }
    done = subprocess.run(
        [ENTRY_POINT], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_offers_commands_and_options(shell: str) -> None:
    assert "remind" in complete(shell, "dirtrack rem")
    assert "--within" in complete(shell, "dirtrack remind --wi")


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_completion_script_really_completes(tmp_path: Path) -> None:
    script = run("completion", "bash").stdout
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
