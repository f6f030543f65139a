"""The chart of completion by unit, as a PNG, drawn with matplotlib (Agg, no display).

matplotlib is imported only when a chart is drawn, so other commands start fast.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence

from dirtrack.i18n import number, t
from dirtrack.records import Record

# The document's typeface (or its metric twin), then a serif that has every Vietnamese letter:
# the chart's labels in the face of the text around it, not matplotlib's sans.
SERIFS = ("Times New Roman", "Liberation Serif", "DejaVu Serif")
LABEL_WIDTH = 28  # characters: a unit's name is wrapped to lines this long


def chart_fonts() -> list[str]:
    """The fonts of :data:`SERIFS` installed, in order (matplotlib takes a letter a font
    lacks from the next); only installed ones, so that matplotlib warns of none missing."""
    from matplotlib import font_manager

    have = {font.name for font in font_manager.fontManager.ttflist}
    return [name for name in SERIFS if name in have] or ["serif"]


def completion_png(rows: Sequence[tuple[str, Record]], lang: str) -> bytes:
    """A horizontal bar per unit: its completion rate, labelled ``66,66% (2/3)``.

    Units with nothing due get no bar and the label "nothing due".
    """
    import warnings

    import matplotlib

    matplotlib.use("Agg", force=True)
    with matplotlib.rc_context({"font.family": chart_fonts()}), warnings.catch_warnings():
        # a letter no installed font has (an emoji in a unit's name) is drawn as a box; the
        # warning matplotlib writes of it, on stderr with its source lines, is not for people
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font")
        return _draw(rows, lang)


def _draw(rows: Sequence[tuple[str, Record]], lang: str) -> bytes:
    from matplotlib.figure import Figure

    # A long name on lines of its own: on one line it took the width of the plot, and every
    # label was cut at the left edge of the picture.
    labels = [textwrap.fill(label, LABEL_WIDTH) for label, _ in rows] or ["—"]
    values = [float(rate["pct"]) if rate["pct"] is not None else 0.0 for _, rate in rows] or [0.0]
    height = 1.2 + sum(max(0.42, 0.2 * (label.count("\n") + 1)) for label in labels)
    figure = Figure(figsize=(7.5, height), dpi=150)
    axes = figure.add_subplot()
    positions = list(range(len(labels)))
    colours = ["#2e7d32" if v >= 90 else "#f9a825" if v >= 70 else "#c62828" for v in values]
    axes.barh(positions, values, color=colours, height=0.6)
    axes.set_yticks(positions, labels=labels)
    axes.invert_yaxis()
    axes.set_xlim(0, 118)
    axes.set_xticks([0, 25, 50, 75, 100])
    for position, (_, rate) in zip(positions, rows, strict=False):
        text = (
            f"{number(rate['pct'], lang)} ({rate['num']}/{rate['den']})"
            if rate["pct"] is not None
            else t("rv_no_rate", lang)
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
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
