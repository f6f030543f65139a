"""A progress bar on stderr for long imports, exports and backups (Rich).

Shown only when stderr is a terminal: a script, cron or a pipe sees nothing. The bar is
transient, so when the work ends the terminal keeps only the command's own message.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from dirtrack.i18n import MESSAGES, msg
from dirtrack.transfer.base import NoProgress
from dirtrack.transfer.base import Progress as ProgressSink

if TYPE_CHECKING:  # Rich's console and bar are imported only when a bar is drawn
    from rich.progress import Progress, TaskID


class RichProgress:
    """A :class:`dirtrack.transfer.base.Progress` drawn by Rich."""

    def __init__(self, bar: Progress, lang: str) -> None:
        self.bar = bar
        self.lang = lang
        self.task: TaskID | None = None

    def stage(self, key: str, total: int | None = None) -> None:
        if self.task is not None:
            self.bar.update(self.task, visible=False)
        label = f"progress_{key}"
        text = msg(label, self.lang) if label in MESSAGES else key
        self.task = self.bar.add_task(text, total=total)

    def advance(self, n: int = 1) -> None:
        if self.task is not None and n:
            self.bar.advance(self.task, n)


def shown() -> bool:
    """Whether a bar would be drawn: stderr is a terminal and the user did not opt out."""
    return sys.stderr.isatty() and os.environ.get("TERM") != "dumb"


@contextmanager
def progress_bar(lang: str) -> Iterator[ProgressSink]:
    """A progress sink: a Rich bar on a terminal's stderr, else one that shows nothing."""
    if not shown():
        yield NoProgress()
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    console = Console(file=sys.stderr, stderr=True)
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        yield RichProgress(bar, lang)
