"""A linear model that tells whether a clause is a task given at the meeting.

The rules of :mod:`~dirtrack.extract.items` find a directive by its markers (a speech verb, a
modal, a unit followed by an action, an imperative verb in a leader's speech). On text they
were not written from, the misses are mostly tasks written without a marker the rules know and
report sentences that look like tasks. This model reads every candidate clause the rules
consider, in the zone of a leader's speech or not, from its words and its context (what the
rules found, where the clause stands), and gives the probability that it is a directive:

- a clause the rules take is kept unless the model is nearly sure it is no task
  (``veto``);
- a clause the rules pass over is taken when the model is confident it is one (``add``).

The weights are a logistic regression trained by ``make extract-model``
(``examples/extract/train.py``) from the committed annotations (the seeds and the articles of
the development set that were read; never the parts ``score.UNREAD`` names), with a fixed seed,
and shipped as ``clauses.json`` beside this module. Limitations have a model of the same kind
(``limitations.json``): every clause of the body is a candidate, and the model decides which
state a shortcoming (see :func:`dirtrack.extract.items.extract_limitations`); it only adds to
what the rules find. Applying them is a dot product over hashed-free string features: no numpy,
no scikit-learn at run time, nothing downloaded.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

#: Where the training script collects candidates (with the rules alone deciding); ``None``
#: outside training. ``RECORDER`` holds the directives' candidates, ``LIMIT_RECORDER`` the
#: limitations'.
RECORDER: list[Candidate] | None = None
LIMIT_RECORDER: list[Candidate] | None = None

_WORD = re.compile(r"[a-z0-9đ]+")
_DIGITS = re.compile(r"\d")


@dataclass
class Candidate:
    """A clause the rules considered, with what the model reads of it."""

    sentence: str
    text: str
    features: list[str]
    rule: bool
    extras: dict[str, Any] = field(default_factory=dict)
    #: The text the rules drafted from the clause (a limitation's: the shortcoming a rule cuts
    #: out of it), what training labels it by; None: the clause's own.
    drafted: str | None = None


def features(
    clause_key: str,
    before_key: str,
    *,
    zone: bool,
    open_ctx: bool,
    requested: bool,
    listing: bool,
    rule: bool,
    modal: bool,
    leader: bool,
    unit_first: bool,
    collective: bool,
    past: bool,
    will: bool,
    praise: bool,
    negative: bool,
    previous_directive: bool,
    first_sentence: bool,
    enumerated: bool = False,
) -> list[str]:
    """The features of a clause: ``clause_key`` is its folded text (from the start of the task),
    ``before_key`` the folded words of the sentence before it (the frame)."""
    out = text_features(clause_key, before_key)
    for name, on in (
        ("zone", zone),
        ("open", open_ctx),
        ("req", requested),
        ("list", listing),
        ("rule", rule),
        ("modal", modal),
        ("leader", leader),
        ("unitfirst", unit_first),
        ("collective", collective),
        ("past", past),
        ("will", will),
        ("praise", praise),
        ("negative", negative),
        ("prevdir", previous_directive),
        ("firstsent", first_sentence),
        ("enum", enumerated),
    ):
        if on:
            out.append(name)
    out.append("rule+zone" if rule and zone else "norule+zone" if zone else "nozone")
    return out


def text_features(clause_key: str, before_key: str) -> list[str]:
    """What a clause's words give: its words, word pairs, first words, the last words of the
    frame before it, its length and its figures."""
    words = _WORD.findall(clause_key)
    out = [f"w:{w}" for w in set(words)]
    out += [f"b:{a}_{b}" for a, b in set(zip(words, words[1:], strict=False))]
    if words:
        out.append(f"f:{words[0]}")
    if len(words) > 1:
        out.append(f"f2:{words[0]}_{words[1]}")
    frame = _WORD.findall(before_key)[-6:]
    out += [f"p:{w}" for w in set(frame)]
    size = len(words)
    out.append("len:" + ("s" if size < 6 else "m" if size < 15 else "l" if size < 35 else "xl"))
    digits = len(_DIGITS.findall(clause_key))
    out.append("num:" + ("0" if digits == 0 else "few" if digits < 4 else "many"))
    if "%" in clause_key:
        out.append("pct")
    return out


def flags(**named: bool) -> list[str]:
    """The names of the context flags that are on."""
    return [name for name, on in named.items() if on]


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    bias: float
    add: float
    veto: float

    def probability(self, feats: Iterable[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def decide(self, feats: list[str], rule: bool) -> bool:
        p = self.probability(feats)
        return p >= self.veto if rule else p >= self.add


#: The shipped weights: the directives' clause model and the limitations'.
DIRECTIVES = "clauses.json"
LIMITATIONS = "limitations.json"


@lru_cache(maxsize=2)
def load(name: str = DIRECTIVES) -> Model | None:
    """A shipped model, or None when there is none (the rules decide alone)."""
    try:
        raw = resources.files("dirtrack.extract").joinpath(name).read_text("utf-8")
    except (FileNotFoundError, OSError):
        return None
    data = json.loads(raw)
    return Model(
        weights={k: float(v) for k, v in data["weights"].items()},
        bias=float(data["bias"]),
        add=float(data["add"]),
        veto=float(data["veto"]),
    )


def active() -> Model | None:
    """The model that decides now: none while the training script records candidates."""
    return None if RECORDER is not None or LIMIT_RECORDER is not None else load()


def active_limitations() -> Model | None:
    """The limitations' model that decides now: none while the training script records."""
    if RECORDER is not None or LIMIT_RECORDER is not None:
        return None
    return load(LIMITATIONS)
