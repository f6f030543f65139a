"""Limitations raised again: similarity suggestions and chains of repeats.

A limitation that comes back at a later meeting about the same unit is linked to the first time
it was raised (``repeat_of``). The link is the user's to confirm or override; this module only
scores how alike two texts are, ignoring case, accents, tone placement, punctuation and word
order (:func:`similarity`, over :func:`dirtrack.text.fold_words`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from dirtrack.store.limitations import LimitationFacts
from dirtrack.text import fold_words

# Scores are 0-100: the mean of RapidFuzz's token_set_ratio (shared words, in any order) and
# the share of the shorter text's two-syllable pairs found in the other (Vietnamese words are
# mostly two syllables: "lái xe" and "cán bộ" are different words, "phục vụ công tác" is not
# news). Measured on limitations from review reports: texts that repeat score 63-100, different
# limitations of the same unit 25-68; so link from 70, which never joined two different ones,
# and only suggest from 50.
LINK_SCORE = 70.0
SUGGEST_SCORE = 50.0


def _pairs(words: list[str]) -> set[str]:
    return {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)} or set(words)


def similarity(a: str, b: str) -> float:
    """How alike two limitation texts are, 0-100, whatever their accents, tone placement,
    punctuation and word order."""
    from rapidfuzz import fuzz  # here: `report` reads chains of repeats, never scores them

    left, right = fold_words(a), fold_words(b)
    if not left or not right:
        return 0.0
    words = float(fuzz.token_set_ratio(left, right))
    pairs_a, pairs_b = _pairs(left.split()), _pairs(right.split())
    shared = 100.0 * len(pairs_a & pairs_b) / min(len(pairs_a), len(pairs_b))
    return round((words + shared) / 2, 1)


@dataclass(frozen=True)
class Suggestion:
    """An earlier limitation the new one may repeat; ``first_id`` heads its chain."""

    id: int
    first_id: int
    raised_on: date
    text: str
    score: float

    @property
    def strong(self) -> bool:
        return self.score >= LINK_SCORE


def first_of(limitation_id: int, parents: dict[int, int | None]) -> int:
    """Follow ``repeat_of`` links to the first occurrence (cycles stop where they close)."""
    seen = {limitation_id}
    current = limitation_id
    while (parent := parents.get(current)) is not None and parent not in seen:
        seen.add(parent)
        current = parent
    return current


def suggest(
    text: str, earlier: Sequence[LimitationFacts], *, minimum: float = SUGGEST_SCORE
) -> list[Suggestion]:
    """Earlier limitations ``text`` may repeat, best first, one per chain.

    Each chain is scored by its closest member, so a limitation reworded over the years is
    still found.
    """
    parents = {lim.id: lim.repeat_of_id for lim in earlier}
    best: dict[int, Suggestion] = {}
    for lim in earlier:
        score = similarity(text, lim.text)
        if score < minimum:
            continue
        head = first_of(lim.id, parents)
        found = Suggestion(lim.id, head, lim.raised_on, lim.text, score)
        kept = best.get(head)
        if kept is None or (score, lim.raised_on) > (kept.score, kept.raised_on):
            best[head] = found
    return sorted(best.values(), key=lambda s: (-s.score, -s.raised_on.toordinal(), s.id))


@dataclass(frozen=True)
class Chain:
    """A limitation and every time it was raised again, oldest first."""

    members: tuple[LimitationFacts, ...]

    @property
    def first(self) -> LimitationFacts:
        return self.members[0]

    @property
    def latest(self) -> LimitationFacts:
        return self.members[-1]

    @property
    def times(self) -> int:
        return len(self.members)


def chains(limitations: Iterable[LimitationFacts], *, raised_on_or_before: date) -> list[Chain]:
    """Group limitations raised by a day into chains of repeats (single ones included)."""
    items = [lim for lim in limitations if lim.raised_on <= raised_on_or_before]
    parents = {lim.id: lim.repeat_of_id for lim in items}
    groups: dict[int, list[LimitationFacts]] = defaultdict(list)
    for lim in items:
        groups[first_of(lim.id, parents)].append(lim)
    return [
        Chain(tuple(sorted(members, key=lambda m: (m.raised_on, m.meeting_id, m.id))))
        for _, members in sorted(groups.items())
    ]
