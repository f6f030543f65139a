"""The message catalog: every English text of dirtrack has its Vietnamese, compiled.

A msgid used in code (i18n.py's tables, help texts, command docstrings, Click's words) missing
from ``dirtrack.po`` or untranslated there, or a ``dirtrack.mo`` older than the ``.po``, fails
here: run ``make catalog``, translate what it added, commit the ``.po`` and the ``.mo``.
"""

from __future__ import annotations

import ast
import functools
import string
import tomllib
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from typer.main import get_command

from dirtrack.cli import app
from dirtrack.i18n import COMPOSED, LOCALE_DIR, Count, FirstFew, Phrase, msg
from tools.messages import Extracted, messages

ROOT = Path(__file__).resolve().parent.parent
PO = LOCALE_DIR / "vi" / "LC_MESSAGES" / "dirtrack.po"
MO = PO.with_suffix(".mo")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    with PO.open("rb") as handle:
        return read_po(handle, locale="vi", domain="dirtrack")


@functools.cache
def extracted() -> tuple[tuple[Path, Extracted], ...]:
    """What tools/messages.py finds in each module of dirtrack/, with the module's path: parsed
    once for the tests that read it (a second or two of CPU each time)."""
    return tuple(
        (path, found)
        for path in sorted((ROOT / "dirtrack").rglob("*.py"))
        for found in messages(path.read_text(encoding="utf-8"))
    )


def used_in_code() -> Iterator[tuple[str, str | None, str]]:
    """(msgid, context, where) for every text tools/messages.py finds in dirtrack/."""
    for path, (line, function, args, _comments) in extracted():
        where = f"{path.relative_to(ROOT)}:{line}"
        if function == "pgettext":
            yield args[1], args[0], where
        else:
            yield args[0], None, where


def used_in_help() -> Iterator[tuple[str, str]]:
    """Every help text of the built command, as --help shows it (Typer's own options too)."""
    root = get_command(app)
    ctx = root.context_class(root, info_name="dirtrack")

    def walk(command: Any, path: str) -> Iterator[tuple[str, str]]:
        for text in (command.help, command.short_help):
            if text:
                yield text, path
        for param in command.get_params(ctx):
            if getattr(param, "help", None):
                yield param.help, f"{path} {param.name}"
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, f"{path} {name}")

    yield from walk(root, "dirtrack")


def translated(message: Any) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return not message.fuzzy and all(strings)


def test_every_text_in_the_code_is_translated(catalog: Catalog) -> None:
    found = list(used_in_code())
    assert len(found) > 600
    missing = [
        f"{where}: {msgid!r}"
        for msgid, context, where in found
        if (message := catalog.get(msgid, context=context)) is None or not translated(message)
    ]
    assert missing == [], "run `make catalog` and translate:\n" + "\n".join(missing)


def test_every_help_text_of_the_command_is_translated(catalog: Catalog) -> None:
    """Catches help built at run time (an f-string), which extraction cannot see; a help text
    composed of a message and its values (``Composed``) is translated as its message."""
    found = list(used_in_help())
    assert len(found) > 100
    missing = [
        f"{path}: {text!r}"
        for text, path in found
        if (message := catalog.get(msgid(text))) is None or not translated(message)
    ]
    assert missing == []


def msgid(text: str) -> str:
    """The msgid ``--help`` looks ``text`` up with: a composed text's message, else itself."""
    composed = COMPOSED.get(text)
    return text if composed is None else composed.message


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_translations_keep_the_placeholders_and_are_nfc(catalog: Catalog) -> None:
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            assert placeholders(text) == placeholders(ids[-1]), message.id
            assert unicodedata.normalize("NFC", text) == text, message.id


def test_the_catalog_compiles_without_errors(catalog: Catalog) -> None:
    """What ``pybabel compile`` reports as errors (it still writes the .mo): a text Babel reads
    as a %-format ("75% or" holds "% o") whose translation's conversions differ."""
    problems = [(message.id, [str(e) for e in errors]) for message, errors in catalog.check()]
    assert problems == []


def test_the_compiled_catalog_is_the_po(catalog: Catalog) -> None:
    with MO.open("rb") as handle:
        compiled = read_mo(handle)

    def pairs(source: Catalog) -> dict[tuple[Any, Any], Any]:
        def key(value: Any) -> Any:
            return tuple(value) if isinstance(value, list | tuple) else value

        return {(key(m.id), m.context): key(m.string) for m in source if m.id and translated(m)}

    assert pairs(compiled) == pairs(catalog), "dirtrack.mo is stale: run `make catalog`"


def test_the_compiled_catalog_ships_in_the_package() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    data = pyproject["tool"]["setuptools"]["package-data"]["dirtrack"]
    assert "locale/*/LC_MESSAGES/*.mo" in data
    assert MO.relative_to(ROOT / "dirtrack").match("locale/*/LC_MESSAGES/*.mo")


def test_plurals_in_both_languages() -> None:
    assert Count("directives", 1).render("en") == "1 directive"
    assert Count("directives", 3).render("en") == "3 directives"
    assert Count("directives", 1).render("vi") == "1 nhiệm vụ"
    assert Count("bad_rows", 1).render("en") == "1 bad row"
    assert msg("overdue_count", "en", n=1, date="2022-07-01") == (
        "1 overdue directive as of 2022-07-01"
    )
    assert msg("overdue_count", "en", n=2, date="2022-07-01") == (
        "2 overdue directives as of 2022-07-01"
    )
    assert msg("overdue_count", "vi", n=1, date="01/07/2022") == (
        "1 nhiệm vụ quá hạn tính đến ngày 01/07/2022"
    )
    things = f"{Count('limitations', 1).render('en')}, {Count('directives', 2).render('en')}"
    said = msg("draft_recorded", "en", id=4, things=things)
    assert said == "recorded meeting 4: 1 limitation, 2 directives"


def test_a_list_in_a_message_names_the_first_few_and_counts_the_others() -> None:
    """Every message that names a list caps it the same way (the first ten, then how many
    more, in the plural form of the count), whatever the list holds: ids, runs of rows whose
    count is the rows they stand for, problems and doctor's findings parted by semicolons."""
    assert FirstFew([]).render("en") == "" and not FirstFew([])
    assert FirstFew(range(1, 11)).render("en") == "1, 2, 3, 4, 5, 6, 7, 8, 9, 10"
    assert FirstFew(range(1, 13)).render("vi") == "1, 2, 3, 4, 5, 6, 7, 8, 9, 10 và 2 mục khác"
    assert FirstFew(list("abcde"), shown=3).render("en") == "a, b, c and 2 more"
    runs = FirstFew([f"{2 * i}" for i in range(1, 12)], "rows_and_more", sizes=[1] * 10 + [5])
    assert runs.render("en") == "2, 4, 6, 8, 10, 12, 14, 16, 18, 20 and 5 more rows"
    one = FirstFew([f"{i}" for i in range(11)], "rows_and_more")
    assert one.render("en").endswith("9 and 1 more row") and one.render("vi").endswith(
        "9 và 1 dòng khác"
    )
    problems = [Phrase("hc_table", table=f"t{i}") for i in range(12)]
    said = FirstFew(problems, "problems_and_more", joined="; ", shown=8)
    assert said.render("en").startswith("table t0; table t1; ")
    assert said.render("en").endswith("; and 4 more problems")
    assert said.render("vi").endswith("; và 4 lỗi khác")
    found = FirstFew.findings([f"f{i}" for i in range(11)])
    assert found.render("en") == "f0; f1; f2; f3; f4; f5; f6; f7; f8; f9; … (1 more)"
    assert found.render("vi").endswith("f9; … (còn 1)")


def _keys_named(call: ast.Call) -> Iterator[tuple[int, str]]:
    """The literal keys a call names as its first argument (``"a" if x else "b"`` both); of
    ``columns(lang, (KEY, kind), …)`` (render/report_doc.py), each column's key."""
    if getattr(call.func, "id", None) == "columns":
        firsts = [arg.elts[0] for arg in call.args[1:] if isinstance(arg, ast.Tuple)]
    else:
        firsts = call.args[:1]
    choices = [c for f in firsts for c in ([f.body, f.orelse] if isinstance(f, ast.IfExp) else [f])]
    for choice in choices:
        if isinstance(choice, ast.Constant) and isinstance(choice.value, str):
            yield call.lineno, choice.value


def test_every_label_the_code_asks_for_is_in_the_catalog() -> None:
    """``t(KEY, lang)`` shows KEY itself when it is not in TEXT: a misspelt key would reach
    people as an English code ("down" for ``report_down``), so every literal key must be there
    (given to ``t`` or, as a column's header, to ``columns``)."""
    from dirtrack import i18n

    missing = []
    for path in sorted((Path(i18n.__file__).parent).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("t", "columns"):
                missing += [
                    f"{path.name}:{line}: {key}"
                    for line, key in _keys_named(node)
                    if key not in i18n.TEXT
                ]
    assert missing == []


def test_no_fuzzy_entries_and_no_duplicate_keys() -> None:
    """After ``make catalog`` every entry is translated for good (Babel guesses a new msgid's
    Vietnamese from a close one and marks it fuzzy: gettext ignores it) and each (msgctxt,
    msgid) appears once, read from the .po as written, not as Babel merges it."""
    text = PO.read_text(encoding="utf-8")
    assert "#, fuzzy" not in text.split('msgid ""\nmsgstr ""\n', 1)[1]
    keys: list[tuple[str | None, str]] = []
    context: str | None = None
    field = None
    parts: dict[str, str] = {}
    for line in [*text.splitlines(), ""]:
        if line.startswith(("msgctxt ", "msgid ", "msgstr", "msgid_plural ")):
            field, _sep, value = line.partition(" ")
            parts[field] = ast.literal_eval(value)
        elif line.startswith('"') and field is not None:
            parts[field] += ast.literal_eval(line)
        elif not line.strip() and "msgid" in parts:
            context = parts.get("msgctxt")
            keys.append((context, parts["msgid"]))
            parts, field = {}, None
    assert len(keys) > 1000
    duplicates = sorted({key for key in keys if keys.count(key) > 1}, key=str)
    assert duplicates == []


def test_placeholders_are_said_in_their_own_context(catalog: Catalog) -> None:
    """Every metavar= of the code and Typer's type labels are in the context "metavar": NGÀY
    for DATE, whatever 'Date' means elsewhere; a list of codes is not extracted."""
    from dirtrack.i18n import METAVAR, placeholder, say

    for entry in METAVAR:
        assert say(entry, "vi") != say(entry, "en")
    found = {args[1] for _l, function, args, _c in used(("pgettext",)) if args[0] == "metavar"}
    assert {"DATE", "FILE", "PERIOD", "MEETING_ID", "TEXT", "[ID]"} <= found
    assert "calendar|nd09" not in found and "yes|no" not in found
    assert placeholder("DATE", "vi") == "NGÀY" and placeholder("DATE", "en") == "DATE"
    assert placeholder("calendar|nd09", "vi") == "calendar|nd09"
    for text in found:
        said = catalog.get(text, context="metavar").string
        assert " " not in said, text
        if not text.startswith("<"):  # a type label is lowercase, as Typer's English
            assert said == said.upper(), text


def used(functions: tuple[str, ...]) -> Iterator[tuple[int, str, tuple[str, ...], list[str]]]:
    for _path, found in extracted():
        if found[1] in functions:
            yield found


def test_a_message_begins_in_the_case_of_its_english(catalog: Catalog) -> None:
    """A command's confirmations began 'Đã nhập …', 'Đã xuất ra …', 'Đã sao lưu …',
    'Đã khôi phục …' (and 'Sẽ nhập …') where every other one begins lower case, as in
    English: 'imported …', 'đã ghi …', 'đã sửa …'. Each message on stderr now begins in the
    case its English does."""
    from dirtrack.i18n import MESSAGES

    wrong = []
    for entry in catalog:
        keys = {c.removeprefix("key: ") for c in entry.auto_comments if c.startswith("key: ")}
        if not keys & set(MESSAGES):
            continue
        english = entry.id[0] if isinstance(entry.id, tuple | list) else entry.id
        for said in entry.string if isinstance(entry.string, tuple | list) else [entry.string]:
            if english[:1].isalpha() and said[:1].isalpha():
                if english[0].islower() != said[0].islower():
                    wrong.append((english, said))
    assert wrong == []
