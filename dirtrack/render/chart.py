"""The chart of completion by unit, as a PNG, drawn with matplotlib (Agg, no display).

matplotlib is imported only when a chart is drawn, so other commands start fast.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from typing import Any

from dirtrack.i18n import number, t
from dirtrack.records import Record

# The document's typeface (or its metric twin), then a serif that has every Vietnamese letter:
# the chart's labels in the face of the text around it, not matplotlib's sans.
SERIFS = ("Times New Roman", "Liberation Serif", "DejaVu Serif")
LABEL_WIDTH = 28  # characters: a unit's name is wrapped to lines this long
FIGURE_WIDTH = 7.5  # inches, as drawn
SET_WIDTH = 15.5  # cm: as wide as the Word report sets it, at its labels' size
FRAME_HEIGHT = 1.2  # inches: the room the axis and margins take in each piece


def chart_fonts() -> list[str]:
    """The fonts of :data:`SERIFS` installed, in order (matplotlib takes a letter a font
    lacks from the next); only installed ones, so that matplotlib warns of none missing."""
    from matplotlib import font_manager

    have = {font.name for font in font_manager.fontManager.ttflist}
    return [name for name in SERIFS if name in have] or ["serif"]


def completion_pngs(
    rows: Sequence[tuple[str, Record]], lang: str, *, tallest: float | None = 20.0
) -> list[bytes]:
    """The chart of completion: a horizontal bar per unit, its completion rate, labelled
    ``66,66% (2/3)`` (a unit with nothing due: no bar, and the label "nothing due").

    In pieces, the units in order, each no taller than ``tallest`` cm when set
    :data:`SET_WIDTH` wide, at its labels' size (20 cm: some twenty units): a province's 300
    units in one picture were made 0.5 cm wide to stand 20 cm tall, a stripe with labels no
    one could read. ``tallest=None``: one picture, however tall (its drawing takes some 400 KB
    of memory a unit)."""
    import warnings

    import matplotlib

    matplotlib.use("Agg", force=True)
    with matplotlib.rc_context({"font.family": chart_fonts()}), warnings.catch_warnings():
        # a letter no installed font has (an emoji in a unit's name) is drawn as a box; the
        # warning matplotlib writes of it, on stderr with its source lines, is not for people
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font")
        found = [rows] if tallest is None else _pieces(rows, FIGURE_WIDTH * tallest / SET_WIDTH)
        return [_draw(piece, lang) for piece in found]


def chart_pieces(rows: Sequence[tuple[str, Record]], tallest: float) -> int:
    """How many pieces :func:`completion_pngs` cuts the chart of ``rows`` into at ``tallest``
    cm, none drawn."""
    return len(_pieces(rows, FIGURE_WIDTH * tallest / SET_WIDTH))


def _label(text: str) -> str:
    # A long name on lines of its own: on one line it took the width of the plot, and every
    # label was cut at the left edge of the picture.
    return textwrap.fill(text, LABEL_WIDTH)


def _row_height(label: str) -> float:
    """Inches a unit's bar takes: its label's lines."""
    return max(0.42, 0.2 * (label.count("\n") + 1))


def _pieces(
    rows: Sequence[tuple[str, Record]], tallest: float
) -> list[Sequence[tuple[str, Record]]]:
    """``rows`` cut in order into pieces each no taller than ``tallest`` inches."""
    found: list[Sequence[tuple[str, Record]]] = []
    start, height = 0, FRAME_HEIGHT
    for index, (label, _) in enumerate(rows):
        row = _row_height(_label(label))
        if index > start and height + row > tallest:
            found.append(rows[start:index])
            start, height = index, FRAME_HEIGHT
        height += row
    found.append(rows[start:])
    return found


def _draw(rows: Sequence[tuple[str, Record]], lang: str) -> bytes:
    from dirtrack import collector

    figure = chart_figure(rows, lang)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    del figure
    collector.figure_drawn()  # its pixels freed now, not after the other pieces
    return buffer.getvalue()


def chart_figure(rows: Sequence[tuple[str, Record]], lang: str) -> Any:
    """The matplotlib figure of :func:`_draw`. Each unit's bar stands in the middle of the
    room its label takes (in inches, top down): at one bar a unit, a name of five lines beside
    names of one ran over the labels above and below it."""
    from matplotlib.figure import Figure

    labels = [_label(label) for label, _ in rows] or ["—"]
    values = [float(rate["pct"]) if rate["pct"] is not None else 0.0 for _, rate in rows] or [0.0]
    rooms = [_row_height(label) for label in labels]
    figure = Figure(figsize=(FIGURE_WIDTH, FRAME_HEIGHT + sum(rooms)), dpi=150)
    axes = figure.add_subplot()
    positions = [sum(rooms[:index]) + room / 2 for index, room in enumerate(rooms)]
    colours = ["#2e7d32" if v >= 90 else "#f9a825" if v >= 70 else "#c62828" for v in values]
    axes.barh(positions, values, color=colours, height=0.25)
    axes.set_yticks(positions, labels=labels)
    axes.set_ylim(sum(rooms), 0)
    axes.set_xlim(0, 118)
    axes.set_xticks([0, 25, 50, 75, 100])
    for position, (_, rate) in zip(positions, rows, strict=False):
        text = (
            f"{number(rate['pct'], lang)} ({rate['num']}/{rate['den']})"
            if rate["pct"] is not None
            else t("report_no_rate", lang)
        )
        value = float(rate["pct"]) if rate["pct"] is not None else 0.0
        if value >= 60:  # inside its bar: a long bar's label would run past the axes
            axes.text(
                value - 1.5,
                position,
                text,
                va="center",
                ha="right",
                fontsize=8,
                color="white" if value >= 90 or value < 70 else "black",
            )
        else:
            axes.text(value + 1.5, position, text, va="center", fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    # tight_layout leaves a stand-in layout engine on the figure, for which savefig lays the
    # whole figure out again before drawing it (a third of a chart's time); the layout is
    # done, the picture is the same without it
    figure.set_layout_engine(None)
    return figure
