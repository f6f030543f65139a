"""The README works as written: its command examples run, in order, through the installed entry
point (a new database for the tour, the demo's register from "Correcting records" on), and every
link in it leads somewhere in a clone of the repository.

Which examples run, and what they must do, is said under "Keeping the README true" in the
README itself."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import Seeded, as_typed, clerk_env, cli_at

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")

SKIP = "<!-- readme-walk: skip"
COMMAND = re.compile(r"^(dirtrack |export DIRTRACK_DB=)")


@dataclass
class Step:
    """One command of README: its line, what it must end with, and what it must print."""

    line: int
    command: str
    session: int = 0
    error: str | None = None
    output: list[str] = field(default_factory=list)


def _logical(body: list[str], first: int) -> list[tuple[int, str]]:
    """A block's lines with their README line numbers, continuation lines joined."""
    joined: list[tuple[int, str]] = []
    pending, at = "", first
    for number, line in enumerate(body, first):
        if not pending:
            at = number
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        joined.append((at, pending + line))
        pending = ""
    return joined


def walk_steps() -> list[Step]:
    """The commands of README's ``sh`` blocks that start with a ``dirtrack`` command, in order,
    one shell session, and of its ``console`` blocks, a session each; none under a
    ``<!-- readme-walk: skip … -->`` line."""
    lines = README.splitlines()
    steps: list[Step] = []
    at = 0
    while at < len(lines):
        fence = re.match(r"^```(\w*)$", lines[at])
        if not fence:
            at += 1
            continue
        end = lines.index("```", at + 1)
        body, kind, first = lines[at + 1 : end], fence.group(1), at + 2
        skipped = lines[at - 1].startswith(SKIP)
        at = end + 1
        if kind not in ("sh", "console") or skipped:
            continue
        entries = _logical(body, first)
        if kind == "console":
            block: list[Step] = []
            for number, text in entries:
                if text.startswith("$ "):
                    block.append(Step(number, text[2:].strip(), session=first))
                elif block and text.strip() != "…":
                    block[-1].output.append(text.rstrip())
            steps.extend(block)
            continue
        commands = [(n, t.strip()) for n, t in entries if t.strip() and not t.startswith("#")]
        if not commands or not COMMAND.match(commands[0][1]):
            continue  # make, cron, the PostgreSQL server's tools: not dirtrack's examples
        for number, text in entries:
            if text.startswith("# Error: "):
                steps[-1].error = text[len("# Error: ") :].split("…")[0].strip()
            elif text.strip() and not text.startswith("#"):
                assert COMMAND.match(text), f"README line {number}: {text} (see readme-walk)"
                steps.append(Step(number, text.strip()))
    return steps


def test_the_readme_has_its_examples_to_walk() -> None:
    steps = walk_steps()
    assert len(steps) >= 100
    assert sum(step.error is not None for step in steps) >= 3
    assert any(step.output for step in steps)
    assert sum(step.command.startswith("export DIRTRACK_DB=") for step in steps) >= 2


@pytest.mark.parametrize(
    "lang", ["en", pytest.param("vi", marks=pytest.mark.slow("the same walk, in Vietnamese"))]
)
def test_the_readme_runs_as_written(lang: str, seed_meetings: Seeded, tmp_path: Path) -> None:
    """Each command as a clerk types it, one process each (bash: pipes, ``||``, ``>``), a new
    database first and the demo's register where README says; its exit code, README's
    ``Error:`` line for it and the lines README shows it printing (in English)."""
    work = tmp_path / "work"
    (work / "demo").mkdir(parents=True)
    seed_meetings.copy(work / "demo" / "demo.db")
    env = {**clerk_env(tmp_path / "bin"), "DIRTRACK_DB": "dirtrack.db"}
    if lang == "vi":
        env["DIRTRACK_LANG"] = "vi"
    sessions = {0: env}
    for step in walk_steps():
        shell = sessions.setdefault(step.session, dict(env))
        if step.command.startswith("export "):
            shell["DIRTRACK_DB"] = step.command.split("=", 1)[1]
            continue
        done = as_typed(step.command, work, shell)
        where = f"README line {step.line}: {step.command}\n{done.stderr}{done.stdout}"
        assert "Traceback" not in done.stderr, where
        assert done.returncode == (0 if step.error is None else 1), where
        if lang != "en":
            continue
        if step.error is not None:
            assert done.stderr.startswith(f"Error: {step.error}"), where
        printed = [line.rstrip() for line in (done.stdout + done.stderr).splitlines()]
        for shown in step.output:
            assert shown in printed, f"{where}\nnot printed: {shown!r}"
            printed = printed[printed.index(shown) + 1 :]
    # The tour's story, as the README tells it.
    tour = cli_at(work / "dirtrack.db")
    first = tour.json("show", "1")
    assert first["status"] == "done_late" or first["status"] == "done_on_time"
    assert first["completed_on"] == "2022-10-20" and first["due"] == "2022-10-31"
    assert tour.json("show", "4")["status"] == "cancelled"
    second = tour.json("show", "2")
    assert second["unit"] == "VPTU" and second["with"] == ["BTCTU", "UBKTTU"]
    limitation = tour.json("limitations")[0]
    assert limitation["unit"] == "UBKTTU" and limitation["resolved_on"] == "2022-08-01"
    assert (work / "bao-cao.md").read_text(encoding="utf-8").startswith("# ")


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
