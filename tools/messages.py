"""Babel's extractor for dirtrack: every English text a person reads, found in the source.

Used by ``make catalog`` (through ``babel.cfg``) and by the catalog test. It yields, from each
module of ``dirtrack/``:

- the msgids marked in :mod:`dirtrack.i18n` (``N_``, ``C_`` with its context, ``NP_`` with its
  plural), the message of a ``Composed("…", name=…)`` text and any ``_("…")`` /
  ``ngettext("…", "…", …)`` call, with the table key as a comment for the translator;
- every ``help=``, ``short_help=`` and ``epilog=`` string (Typer options, arguments, groups);
- every ``metavar=`` string (``DATE``, ``FILE``, ``[ID]``) in the context ``metavar``, except a
  list of codes a user types as they are (``calendar|nd09``, ``yes|no``);
- the docstring of every function decorated with ``….command(…)`` or ``….callback(…)``, as
  ``--help`` shows it (cleaned like :func:`inspect.getdoc`).

Help texts stay English in the code; :mod:`dirtrack.cli.app` translates them when it shows them.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

# marker -> the gettext function whose argument layout it has (Babel's default keywords)
MARKERS = {
    "N_": "gettext",
    "_": "gettext",
    "Composed": "gettext",
    "C_": "pgettext",
    "NP_": "ngettext",
    "ngettext": "ngettext",
}
HELP_KEYWORDS = ("help", "short_help", "epilog")
#: The gettext context of placeholders and type labels (i18n.METAVAR, cli.app.said_in).
METAVAR_CONTEXT = "metavar"
#: A placeholder that lists codes, typed as they are in either language: not translated.
CODES = re.compile(r"[a-z0-9_-]+(\|[a-z0-9_-]+)+")
COMMAND_DECORATORS = ("command", "callback")

Extracted = tuple[int, str, tuple[str, ...], list[str]]


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _text(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def messages(source: str) -> Iterator[Extracted]:
    """``(line, gettext function, arguments, translator comments)`` for each text in ``source``."""
    tree = ast.parse(source)
    keys: dict[int, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if key is not None and _text(key) is not None:
                    keys[id(value)] = f"key: {_text(key)}"
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _name(node.func)
            if name in MARKERS:
                function = MARKERS[name]
                width = {"gettext": 1, "pgettext": 2, "ngettext": 2}[function]
                args = [_text(a) for a in node.args[:width]]
                if len(args) == width and all(a is not None for a in args):
                    comments = [keys[id(node)]] if id(node) in keys else []
                    yield node.lineno, function, tuple(a for a in args if a), comments
            for keyword in node.keywords:
                text = _text(keyword.value) if keyword.arg in HELP_KEYWORDS else None
                if text:
                    yield keyword.value.lineno, "gettext", (text,), []
                placeholder = _text(keyword.value) if keyword.arg == "metavar" else None
                if placeholder and not CODES.fullmatch(placeholder):
                    said = (METAVAR_CONTEXT, placeholder)
                    yield keyword.value.lineno, "pgettext", said, ["placeholder in --help"]
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            decorated = any(
                isinstance(d, ast.Call) and _name(d.func) in COMMAND_DECORATORS
                for d in node.decorator_list
            )
            doc = ast.get_docstring(node, clean=True) if decorated else None
            if doc:
                yield node.body[0].lineno, "gettext", (doc,), ["--help of a command"]


def extract(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str, tuple[str, ...], list[str]]]:
    """The Babel extraction method ``dirtrack`` (see ``babel.cfg``)."""
    encoding = str(options.get("encoding", "utf-8"))
    yield from messages(fileobj.read().decode(encoding))
