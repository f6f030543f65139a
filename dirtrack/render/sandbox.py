"""The Jinja sandbox an office's Word template is filled in, and what it bounds.

A Word file comes from anywhere (the province's model report, a neighbour office's), and a
placeholder such as ``{{ title.__class__.__mro__[1].__subclasses__() }}`` reached Python itself,
as far as running a shell command while the report was written. Jinja's
``SandboxedEnvironment`` refuses what is not a value's own (names starting with ``_``, a
function's globals); :class:`_Sandbox` bounds besides:

- the size of every value a template makes (:data:`_LIMITS`): each sum, product, ``~``, call
  and filter is checked before it is made where one step can make far more than it was given
  (``{{ 'x' * 10**9 }}``, ``{{ 'x'|center(10**9) }}``, ``{{ s|replace('x', s) }}``,
  ``lipsum(10**7)``) and after it is made (a text doubled in a loop stops at twice the bound),
  and what is written as text is measured with what it holds (a list of a thousand times the
  same long text is written a thousand times);
- the work filling it may do (:data:`_WORK`: loop turns, calls, characters written: nested
  loops spun for hours).

Each is the template's error (:class:`TooLarge`, :class:`TooMuchWork`), which
:mod:`dirtrack.render.docx_template` tells as one ``Error:`` line, as a Jinja syntax error is.
"""

from __future__ import annotations

import functools
import math
import re
import string
from collections.abc import Iterator
from typing import Any

# The most one value of a template may hold: a text or list of a million items (a list's items
# counted with what they hold when it is written as text), a whole number of 100,000 bits
# (30,000 digits); a range is held to Jinja's sandbox's 100,000.
_MOST_ITEMS = 1_000_000
_MOST_BITS = 100_000
LIMITS = {"items": _MOST_ITEMS, "bits": _MOST_BITS, "range": 100_000}


# The most work filling a template may do: turns of its loops, calls (a macro's, a filter's
# method's: each some ten times a turn's cost) and characters written. Nested loops over two
# ranges of 100,000 made ten billion turns, and a macro calling itself twice doubled at each
# depth: a cron job hung.
_MOST_TURNS = 1_000_000
_MOST_CALLS = 100_000
_MOST_CHARS = 100_000_000
WORK = {"turns": _MOST_TURNS, "calls": _MOST_CALLS, "chars": _MOST_CHARS}


class TooMuchWork(Exception):
    """Filling a template would go past one of the bounds in :data:`WORK`."""


class TooLarge(ArithmeticError):
    """A template would make a value larger than :data:`LIMITS` allows."""


def _size(value: Any) -> int:
    """How many items ``value`` holds itself: a text's characters, a list's, a dict's items,
    a whole number's digits; a whole number beyond :data:`_MOST_BITS` is too large."""
    if isinstance(value, int) and not isinstance(value, bool):
        if value.bit_length() > _MOST_BITS:
            raise TooLarge
        return value.bit_length() // 3 + 1  # its digits, a few more
    if isinstance(value, str | list | tuple | dict | set | frozenset):
        return len(value)
    return 1


def _checked(value: Any) -> Any:
    """``value``, once it is known to hold no more than :data:`_MOST_ITEMS` itself; an
    iterator is drawn through :func:`_drawn`, which bounds what it gives."""
    if _size(value) > _MOST_ITEMS:
        raise TooLarge
    if isinstance(value, Iterator):
        return _drawn(value)
    return value


def _drawn(items: Iterator[Any]) -> Iterator[Any]:
    """The items of a lazy value (``map``, ``batch``, ``slice``), refused once together they
    would be written as more than :data:`_MOST_ITEMS` characters or items."""
    total = 0
    for item in items:
        total += 1 + _written(item, _MOST_ITEMS - total)
        if total > _MOST_ITEMS:
            raise TooLarge
        yield item


def _written(value: Any, most: int = _MOST_ITEMS) -> int:
    """About how many characters ``value`` is written as: a text its own, a list or dict its
    items' each time they appear (a list holding the same long text a thousand times is written
    a thousand times, though it is held once). Counting stops once past ``most``."""
    from jinja2.utils import Namespace

    total, waiting = 0, [value]
    while waiting and total <= most:
        item = waiting.pop()
        if isinstance(item, str):
            total += len(item)
        elif isinstance(item, dict):
            total += len(item)
            waiting += item.keys()
            waiting += item.values()
        elif isinstance(item, list | tuple | set | frozenset):
            total += len(item)
            waiting += item
        elif isinstance(item, Namespace):
            waiting.append(item._Namespace__attrs)
        else:
            total += _size(item)
    return total


def _listed(args: tuple[Any, ...]) -> tuple[Any, ...]:
    """``args`` with each lazy one (``map``, ``select``: already :func:`_drawn`) made a list,
    so that what is made of them is measured before it is made (``join`` puts its text
    between as many items as they give)."""
    return tuple(list(a) if isinstance(a, Iterator) else a for a in args)


def _text(value: Any) -> Any:
    """``value``, once it is known to be written as no more than :data:`_MOST_ITEMS`."""
    if _written(value) > _MOST_ITEMS:
        raise TooLarge
    return value


def _product(operator: str, left: Any, right: Any) -> None:
    """Refuse ``left operator right`` when it would be too large to make (``*``, ``**``)."""
    if operator == "*":
        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, str | list | tuple) and isinstance(times, int):
                if _written(seq) * times > _MOST_ITEMS:
                    raise TooLarge
    elif operator == "**":
        if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0:
            if right * math.log2(abs(left)) > _MOST_BITS:
                raise TooLarge
    elif operator == "%" and isinstance(left, str):
        _formatted(left, right if isinstance(right, tuple) else (right,), percent=True)


# A %-format's fields and a str.format's widths: ``%-*.*d``, ``%(name)08s``; ``{:>40}``.
_PERCENT_FIELD = re.compile(r"%(?:\([^)]*\))?[#0 +-]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?([a-zA-Z%])")
_NUMBERS = re.compile(r"\d+")


def _formatted(pattern: str, values: Any, percent: bool) -> None:
    """Refuse ``pattern % values`` (``percent``: ``%``, ``'%s'|format``) or
    ``pattern.format(*values)`` when it would be too large: each field at most as wide as the
    widest value or width it names."""
    values = list(values.values()) if isinstance(values, dict) else list(values)
    widest = max([_written(v) for v in values] + [0])
    widths = [v for v in values if isinstance(v, int) and not isinstance(v, bool)]
    if percent:
        fields = _PERCENT_FIELD.findall(pattern)
        named = [int(n) for field in fields for n in field[:2] if n.isdigit()]
        if any(field[0] == "*" or field[1] == "*" for field in fields):
            named += widths
    else:
        try:
            fields = [f for f in string.Formatter().parse(pattern) if f[1] is not None]
        except ValueError:  # an unmatched brace: str.format says so itself
            return
        named = [int(n) for f in fields for n in _NUMBERS.findall(f[2] or "")]
        if any("{" in (f[2] or "") for f in fields):  # a width given as a value: {:{w}}
            named += widths
    each = widest + max(named + [0])
    if len(pattern) + len(fields) * each > _MOST_ITEMS:
        raise TooLarge


def _made(name: str, value: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    """About how many characters or items the filter ``name`` (a text's method: ``.name``)
    would make of ``value`` with ``args``: the ones that can make far more than they are given
    (a width, a count of paragraphs, a text put between or in place of many others). Others:
    0."""

    def given(position: int, keyword: str, default: Any = None) -> Any:
        if len(args) > position:
            return args[position]
        return kwargs.get(keyword, default)

    def number(x: Any) -> int:
        return x if isinstance(x, int) and not isinstance(x, bool) else 0

    length = _written(value)
    if name == ".join":  # value is the text put between the items
        items = given(0, "iterable", ())
        return _written(items) + (len(items) if hasattr(items, "__len__") else 0) * length
    name = name.lstrip(".")
    if name in ("center", "ljust", "rjust", "zfill"):
        return max(length, number(given(0, "width")))
    if name == "expandtabs" and isinstance(value, str):
        return length + value.count("\t") * number(given(0, "tabsize", 8))
    if name == "replace":
        old, new = _written(given(0, "old", "")), _written(given(1, "new", ""))
        count = number(given(2, "count", -1))
        times = length + 1 if not old else length // old
        return length + (min(times, count) if count >= 0 else times) * new
    if name == "join":  # the filter: value is the items
        between = _written(given(0, "d", ""))
        return length + (len(value) if hasattr(value, "__len__") else 0) * between
    if name == "indent":
        width = given(0, "width", 4)
        lines = value.count("\n") + 2 if isinstance(value, str) else 2
        return length + lines * (number(width) or _written(width))
    if name == "wordwrap":
        width = max(number(given(0, "width", 79)), 1)
        lines = length // width + (value.count("\n") if isinstance(value, str) else 0) + 1
        return length + lines * _written(given(2, "wrapstring", ""))
    if name == "translate" and isinstance(value, str):
        table = given(0, "table", {})
        longest = max([_written(v) for v in table.values()] + [1]) if isinstance(table, dict) else 1
        return length * longest
    if name in ("batch", "slice") and given(1, "fill_with") is not None:
        return number(given(0, "linecount" if name == "batch" else "slices"))
    if name == "lipsum":  # paragraphs of up to `max` words of up to 12 letters
        return number(given(0, "n", 5)) * number(given(3, "max", 100)) * 13
    return 0


def _before(name: str, value: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse the filter or text method ``name`` before it makes a value too large."""
    if name == "format":  # the filter: value % args
        _formatted(str(value), kwargs or args, percent=True)
    elif name in (".format", ".format_map"):
        _formatted(value, kwargs or (args[0] if name == ".format_map" and args else args), False)
    elif _made(name, value, args, kwargs) > _MOST_ITEMS:
        raise TooLarge


# The filters that never write their value as text, nor make more than they are given; any
# other (string, join, tojson, center, …) first measures what it is given with :func:`_text`.
_READING = frozenset(
    "abs attribute count d default dictsort first float groupby int items last length list map "
    "max min random reject rejectattr reverse round select selectattr sort sum unique".split()
)


def _bounded_filter(name: str, function: Any) -> Any:
    """The filter ``function``, checked before (:func:`_before`) and after (:func:`_checked`)
    it makes its value."""
    from jinja2.utils import _PassArg

    passes = _PassArg.from_obj(function) is not None  # context, eval context or environment

    @functools.wraps(function)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        args = _listed(args)  # a lazy value's items counted, before they are measured
        value, rest = (args[1], args[2:]) if passes else (args[0], args[1:])
        if name not in _READING:
            for given in (value, *rest, *kwargs.values()):
                _text(given)
        _before(name, value, rest, kwargs)
        return _checked(function(*args, **kwargs))

    return bounded


def environment() -> Any:
    """The Jinja environment a template is filled in: sandboxed, text escaped for XML, the
    size of what it makes and its work bounded (a fresh count for each environment, so one per
    document filled)."""
    from jinja2 import nodes
    from jinja2.compiler import CodeGenerator
    from jinja2.sandbox import SandboxedEnvironment

    def through(name: str, node: Any) -> Any:
        return nodes.Call(nodes.EnvironmentAttribute(name), [node], [], None, None)

    class _Counting(CodeGenerator):
        """Compiles each loop to draw its items through ``environment.counted``, and each part
        of a ``~`` through ``environment.text``."""

        def visit_For(self, node: Any, frame: Any) -> None:
            node.iter = through("counted", node.iter)
            super().visit_For(node, frame)

        def visit_Call(self, node: Any, frame: Any, forward_caller: bool = False) -> None:
            # loop(children) in a recursive loop: the items of each level counted too
            if isinstance(node.node, nodes.Name) and node.node.name == "loop" and node.args:
                node.args = [through("counted", node.args[0]), *node.args[1:]]
            super().visit_Call(node, frame, forward_caller=forward_caller)

        def visit_Concat(self, node: Any, frame: Any) -> None:
            node.nodes = [through("text", part) for part in node.nodes]
            super().visit_Concat(node, frame)

    class _Sandbox(SandboxedEnvironment):
        intercepted_binops = frozenset({"+", "*", "**", "%"})
        code_generator_class = _Counting
        turns = 0
        calls = 0

        def __init__(self) -> None:
            super().__init__(autoescape=True, finalize=_text)
            self.filters = {name: _bounded_filter(name, f) for name, f in self.filters.items()}

        text = staticmethod(_text)

        def counted(self, items: Any) -> Any:
            for item in items:
                self.turns += 1
                if self.turns > _MOST_TURNS:
                    raise TooMuchWork
                yield item

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
            __self.calls += 1
            if __self.calls > _MOST_CALLS:
                raise TooMuchWork
            method = getattr(__obj, "__wrapped__", __obj)  # str.format as the sandbox wraps it
            owner = getattr(method, "__self__", None)
            name = "." + getattr(method, "__name__", "")
            if isinstance(owner, str):
                args = _listed(args)
                for given in (*args, *kwargs.values()):
                    _text(given)
                _before(name, owner, args, kwargs)
            elif name == ".generate_lorem_ipsum":
                _before("lipsum", None, args, kwargs)
            made = _checked(super().call(__context, __obj, *args, **kwargs))
            if owner is not None and not isinstance(owner, type):
                _checked(owner)  # a list that extended itself, a dict updated
            return made

        def concat(self, parts: Any) -> str:
            kept, size = [], 0
            for part in parts:
                size += len(part)
                if size > _MOST_CHARS:
                    raise TooMuchWork
                kept.append(part)
            return "".join(kept)

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            _product(operator, left, right)
            return _checked(super().call_binop(context, operator, left, right))

    return _Sandbox()
