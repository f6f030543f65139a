"""The cycle collector's schedule over one run of the ``dirtrack`` command.

A command starts by loading its modules (Typer, SQLAlchemy, the models, the report): hundreds of
thousands of objects that live as long as the run, almost none of them garbage, which the
collector would walk again and again while they are made (about a twentieth of a small
command's time). So :func:`hold` (called by :func:`dirtrack.cli.main` before anything is
loaded) holds young collections back until a million objects have been made, and
:func:`settle` (called when the command opens its database, where its own work begins) freezes
what was loaded, so that full collections never walk it again, and lets young collections
come every :data:`YOUNG_COLLECTION` objects, in proportion to the rows the command reads.
Outside a run of the command (tests, a program calling the CLI's app), neither does anything.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Objects made between two young collections once the command's work has begun (Python's
# default is 700): a command that reads many rows makes millions, almost none in cycles, and
# keeps most of them (the records it lists) to the end. A young collection walks each object
# once whatever this number; what it sets is how soon the survivors pile up for a middle
# collection, which walks them all again: at 10,000, a report at a million directives made one
# over 200,000 objects (0.08-0.1 s of its 0.2 s in the collector), at 50,000 none. The
# report's table at a million keeps about 174,000 (its lists' records): at 50,000 it walked
# them in three young collections (0.056 s), at 200,000 in none, and ``overdue`` at a million
# in none instead of one; an import of 100,000 directives makes as many collections' work
# either way (0.35 s) and the same peak (133 MiB).
YOUNG_COLLECTION = 200_000
# While the modules load: more than a command's start-up makes, so that none collects then, and
# a bound all the same for a command that never opens a database.
HELD_COLLECTION = 1_000_000
# How many young and middle collections come before an older one (Python's are 10 and 10).
OLDER_COLLECTIONS = 20

_held = False


def hold() -> None:
    """Hold young collections back while the command's modules load."""
    global _held
    _held = True
    gc.set_threshold(HELD_COLLECTION, OLDER_COLLECTIONS, OLDER_COLLECTIONS)


def settle() -> None:
    """Freeze what the start-up made and collect in proportion from now on (once a run, and
    only after :func:`hold`)."""
    global _held
    if not _held:
        return
    _held = False
    gc.freeze()
    gc.set_threshold(YOUNG_COLLECTION, OLDER_COLLECTIONS, OLDER_COLLECTIONS)


def document_begun() -> None:
    """Collect the young and middle generations as a Word document is begun.

    A python-docx document's parts refer to each other, so a finished one is freed only by the
    collector, and its XML trees hold megabytes in lxml behind a few hundred Python objects: at
    one young collection every :data:`YOUNG_COLLECTION` objects, a command writing letters one
    after another (``urge --all``) kept them all (1.3 GB for 300 units, 100 MB collecting here).
    """
    gc.collect(1)


def figure_drawn() -> None:
    """Collect the young and middle generations once a chart's picture is drawn.

    A matplotlib figure and its canvas refer to each other, so a drawn one is freed only by
    the collector, and its canvas holds the picture's pixels (a few MB behind a few thousand
    Python objects): the chart of a report of 2,000 units, drawn in 34 pieces, kept some
    100 MB of finished pieces waiting for it.
    """
    gc.collect(1)


@contextmanager
def paused() -> Iterator[None]:
    """No collection while a reader recurses as deep as the stack allows (TOML or JSON arrays
    thousands deep, refused when Python's reader runs out of stack).

    A collection that came at the bottom of that stack ran the finalisers of whatever garbage
    was waiting there; one that failed was handed to ``sys.unraisablehook``, which had no
    stack left either, and "Exception ignored in sys.unraisablehook" stood before the one
    ``Error:`` line (seen once in ``make test``).
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
