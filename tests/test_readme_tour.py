"""The README works as written: its tour runs command by command on a new database, and every
link in it leads somewhere in a clone of the repository."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from tests.conftest import Cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def tour_commands() -> list[str]:
    """The shell lines of the ``sh`` blocks of "A tour", continuation lines joined."""
    tour = README.split("\n## A tour\n", 1)[1].split("\n## ", 1)[0]
    lines: list[str] = []
    for block in re.findall(r"```sh\n(.*?)```", tour, flags=re.DOTALL):
        pending = ""
        for line in block.splitlines():
            if line.rstrip().endswith("\\"):
                pending += line.rstrip()[:-1] + " "
                continue
            lines.append(pending + line)
            pending = ""
    return [line for line in lines if line.strip()]


def test_the_tour_has_every_command_it_shows() -> None:
    commands = tour_commands()
    assert len(commands) >= 25
    assert all(line.startswith("dirtrack ") for line in commands), commands


def test_the_tour_runs_on_a_new_database(cli: Cli, tmp_path: Path) -> None:
    for line in tour_commands():
        words = shlex.split(line, comments=True)
        expected = {0}
        if "||" in words:  # `overdue … --check || echo …`: the check's exit 3 is the point
            words = words[: words.index("||")]
            expected = {0, 3}
        target = None
        if ">" in words:
            at = words.index(">")
            target, words = tmp_path / words[at + 1], words[:at]
        assert words[0] == "dirtrack"
        result = cli(*words[1:])
        assert result.exit_code in expected, f"{line}\n{result.stderr}{result.stdout}"
        assert "Traceback" not in result.stderr
        if target is not None:
            target.write_text(result.stdout, encoding="utf-8")
    # The tour's story, as the README tells it.
    first = cli.json("show", "1")
    assert first["status"] == "done_late" or first["status"] == "done_on_time"
    assert first["completed_on"] == "2022-10-20" and first["due"] == "2022-10-31"
    assert cli.json("show", "4")["status"] == "cancelled"
    second = cli.json("show", "2")
    assert second["unit"] == "VPTU" and second["with"] == ["BTCTU", "UBKTTU"]
    limitation = cli.json("limitations")[0]
    assert limitation["unit"] == "UBKTTU" and limitation["resolved_on"] == "2022-08-01"
    assert (tmp_path / "bao-cao.md").read_text(encoding="utf-8").startswith("# ")


def _anchors(text: str) -> set[str]:
    """GitHub's anchors of the headings: lower case, punctuation dropped, spaces as dashes."""
    found = set()
    for heading in re.findall(r"^#+ (.+)$", text, flags=re.MULTILINE):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        found.add(slug)
    return found


def test_every_link_in_the_readme_works_in_a_clone() -> None:
    anchors = _anchors(README)
    links = re.findall(r"\]\(([^)\s]+)\)", README)
    assert links
    for link in links:
        if link.startswith(("http://", "https://", "mailto:")):
            continue
        path, _, anchor = link.partition("#")
        if not path:
            assert anchor in anchors, link
            continue
        target = (ROOT / path).resolve()
        assert target.is_relative_to(ROOT), f"{link} points outside the repository"
        assert target.exists(), link
        if anchor:
            assert anchor in _anchors(target.read_text(encoding="utf-8")), link


def test_the_command_reference_names_every_command() -> None:
    """docs/CLI.md, the reference the README links to, covers every command there is."""
    from typer.main import get_command

    from dirtrack.cli import app

    reference = (ROOT / "docs" / "CLI.md").read_text(encoding="utf-8")
    assert "(../shared" not in README
    assert "](docs/CLI.md)" in README
    root = get_command(app)
    for name, command in root.commands.items():  # type: ignore[attr-defined]
        subs = getattr(command, "commands", None) or {"": None}
        for sub in subs:
            words = f"{name} {sub}".strip()
            assert f"`{words}" in reference, words
    for code in ("0", "1", "2", "3", "130", "141", "143"):
        assert re.search(rf"^\| {code} \|", reference, flags=re.MULTILINE), code
