"""Every command has help and is shown in the README (sqlite-utils' test_docs idea)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dirtrack.cli import app
from tests.conftest import COMMAND, run

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def command_paths() -> list[tuple[str, ...]]:
    root = COMMAND
    paths: list[tuple[str, ...]] = []
    for name, command in root.commands.items():  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None)
        if subcommands:
            paths.extend((name, sub) for sub in subcommands)
        else:
            paths.append((name,))
    return paths


@pytest.mark.parametrize("path", command_paths(), ids=" ".join)
def test_every_command_has_help(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.stdout


@pytest.mark.parametrize("path", command_paths(), ids=" ".join)
def test_every_command_is_in_the_readme(path: tuple[str, ...]) -> None:
    assert re.search(rf"dirtrack (--\S+ \S+ )*{re.escape(' '.join(path))}\b", README), path


def _options(command: object) -> list[str]:
    return [
        o
        for p in getattr(command, "params", [])
        for o in (*getattr(p, "opts", ()), *getattr(p, "secondary_opts", ()))
        if o.startswith("--") and o != "--help"
    ]


@pytest.mark.parametrize("path", [(), *command_paths()], ids=lambda p: " ".join(p) or "dirtrack")
def test_every_option_is_in_the_readme(path: tuple[str, ...]) -> None:
    """README is the manual: an option a command takes is named there (``history
    --limitation``, ``edit directive --no-field`` and ``--show-completion`` were not)."""
    command = COMMAND
    for name in path:
        command = command.commands[name]  # type: ignore[attr-defined]
    missing = [o for o in _options(command) if not re.search(rf"{re.escape(o)}(?![\w-])", README)]
    assert not missing, (path, missing)


def test_version_from_the_installed_entry_point() -> None:
    from dirtrack import __version__

    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"dirtrack {__version__}"


def test_the_readme_lists_exactly_the_environment_variables_dirtrack_reads() -> None:
    from dirtrack.config import ENVIRONMENT

    section = README.split("**Environment variables.**", 1)[1].split("\n\n", 2)[1]
    listed = re.findall(r"^\| `([A-Z_]+)` \|", section, flags=re.MULTILINE)
    assert listed == [name for name, _ in ENVIRONMENT]
    read: dict[str, object] = {}

    def walk(command: object, path: str) -> None:
        for param in getattr(command, "params", []):
            if getattr(param, "envvar", None):
                read[f"{path} {param.name}"] = param.envvar
        for name, sub in (getattr(command, "commands", None) or {}).items():
            walk(sub, f"{path} {name}")

    walk(COMMAND, "dirtrack")
    assert read == {
        "dirtrack db": "DIRTRACK_DB",
        "dirtrack lang": "DIRTRACK_LANG",
        "dirtrack actor": "DIRTRACK_ACTOR",
    }


def test_no_issue_numbers_in_the_comments_of_the_code() -> None:
    """A comment or docstring says why, not which ticket, session, round or helper's branch
    asked for it (commit messages keep them): in the package, the tests, the benchmark, the
    examples' scripts, the Makefile and the CI script."""
    import tokenize

    root = Path(__file__).resolve().parent.parent
    found = []
    issue = re.compile(
        r"(?i)\b(issues?|tickets?|bug|PR|sessions?|rounds?)\s*#?\s*\d+|\(#\d+\)|\bexplore\d+"
    )
    # A file is tokenized (nearly all of this test's CPU) only if its comments or strings could
    # match: a match within one comment or string is a match of its text; one across two
    # comments joined starts with a word that ends a comment, so ends a line that has a ``#``.
    ends_a_comment = re.compile(
        r"(?im)#[^\n]*\b(issues?|tickets?|bug|PR|sessions?|rounds?)[^\S\n]*#?[^\S\n]*$"
    )
    python = [
        path
        for folder in ("dirtrack", "tests", "bench")
        for path in sorted((root / folder).rglob("*.py"))
    ]
    for path in [*python, *sorted((root / "examples").glob("*.py"))]:
        source = path.read_text(encoding="utf-8")
        if not issue.search(source) and not ends_a_comment.search(source):
            continue
        with path.open("rb") as handle:
            tokens = list(tokenize.tokenize(handle.readline))
        comments = " ".join(
            tok.string.lstrip("#").strip() for tok in tokens if tok.type == tokenize.COMMENT
        )
        strings = [tok.string for tok in tokens if tok.type == tokenize.STRING]
        for text in (comments, *strings):
            where = path.relative_to(root)
            found += [f"{where}: {m.group(0)}" for m in issue.finditer(text)]
    for path in (root / "Makefile", *sorted((root / ".ci").iterdir())):
        for line in path.read_text(encoding="utf-8").splitlines():
            comment = line.strip()
            if comment.startswith("#"):
                where = path.relative_to(root)
                found += [f"{where}: {m.group(0)}" for m in issue.finditer(comment)]
    assert found == []
