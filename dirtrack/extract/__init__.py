"""Draft a meeting record from its text: the engine behind ``dirtrack extract FILE``.

Rules over the markers of Vietnamese administrative prose, and a small linear model
(:mod:`~dirtrack.extract.model`, shipped as JSON) that decides which of the clauses the rules
propose are directives — no NLP library, no network.
:func:`extract` takes the text of a news item, a *Thông báo kết luận* or minutes and returns a
:class:`Draft`: the meeting (date, title, chair, chair's title, kind), the units named, the
limitations raised about them and the directives given, each with the sentence it came from.

Pipeline: :mod:`~dirtrack.extract.clean` (drop the web page around the article) →
:mod:`~dirtrack.extract.sentences` → :mod:`~dirtrack.extract.meeting` →
:mod:`~dirtrack.extract.units` → :mod:`~dirtrack.extract.items` (with
:mod:`~dirtrack.extract.deadlines` and :mod:`~dirtrack.extract.model`) →
:mod:`~dirtrack.extract.draft`.
:mod:`~dirtrack.extract.readers` reads ``.txt``, ``.html``, ``.docx`` files and stdin.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from dirtrack.errors import InvalidInput
from dirtrack.extract.clean import Block, clean, strip_boilerplate
from dirtrack.extract.draft import (
    CATEGORIES,
    KINDS,
    MISSING,
    DirectiveDraft,
    Draft,
    LimitationDraft,
    MeetingDraft,
    UnitDraft,
)
from dirtrack.extract.folding import fold_aligned
from dirtrack.extract.items import (
    Paragraph,
    extract_directives,
    extract_limitations,
    headline_named,
    headline_owner,
    overseen_limitations,
    partners_limitation,
)
from dirtrack.extract.keys import document_number, item_key, product_of, source_key
from dirtrack.extract.lexicon import GIAO
from dirtrack.extract.meeting import MeetingInfo, extract_meeting, reference_day
from dirtrack.extract.sentences import split_sentences
from dirtrack.extract.tables import TaskTable, table_directives, unit_cells
from dirtrack.extract.units import (
    KnownUnit,
    UnitResolver,
    meeting_host,
    overseen_bodies,
    questioned_body,
    session_partners,
    unit_key,
)
from dirtrack.text import clean_imported, fold_words

# The control characters a text breaks its lines with (a vertical tab or a page break pasted
# from Word, the separators, NEL), as ``str.splitlines`` reads them: line breaks. The others
# are removed (:func:`~dirtrack.text.clean_imported`): no text may be stored holding them.
_LINE_BREAKS = str.maketrans(dict.fromkeys("\x0b\x0c\x1c\x1d\x1e\x85", "\n"))

__all__ = [
    "CATEGORIES",
    "KINDS",
    "DirectiveDraft",
    "Draft",
    "MISSING",
    "KnownUnit",
    "LimitationDraft",
    "MeetingDraft",
    "UnitDraft",
    "extract",
    "partners_named",
    "read_article",
    "strip_boilerplate",
]


@dataclass(frozen=True)
class Article:
    """What :func:`extract` reads first: the text's blocks, its body paragraphs and headings
    with their sentences, the body's sentences, the meeting, the sentence that reports it (the
    lead) and the headings."""

    blocks: list[Block]
    paragraphs: list[Paragraph]
    sentences: list[str]
    info: MeetingInfo
    lead: str | None
    headings: list[str]


def read_article(text: str, today: date | None) -> Article:
    """Split ``text`` into blocks, paragraphs and sentences and find the meeting it reports
    (``today``: the reference day when the text gives no year)."""
    blocks = clean(text)
    paragraphs: list[Paragraph] = []
    sentences: list[str] = []
    sentence_blocks: list[int] = []
    for index, block in enumerate(blocks):
        if block.kind not in ("body", "heading"):
            continue
        parts = tuple(split_sentences(block.text))
        paragraphs.append(Paragraph(block.kind, block.text, parts))
        if block.kind == "body":
            sentences.extend(parts)
            sentence_blocks.extend([index] * len(parts))
    info, lead_index = extract_meeting(blocks, sentences, sentence_blocks, today)
    lead = sentences[lead_index] if sentences else None
    headings = [b.text for b in blocks if b.kind in ("header", "heading")]
    return Article(blocks, paragraphs, sentences, info, lead, headings)


def partners_named(
    kind: str | None, lead: str | None, headings: Sequence[str], resolver: UnitResolver
) -> list[str] | None:
    """The units a working session was held with, as its lead (else its headline) names them:
    ``[]`` when it names none or the meeting is no working session, ``None`` when it names
    them only collectively (see :func:`session_partners`). A report that names no meeting but a
    visit made at a place ("... đã tiến hành kiểm tra đột xuất tại xã Quế Châu") names that place
    as a working session does."""
    if lead is None or kind not in ("working-session", None):
        return []
    visit_only = kind is None
    named = session_partners(lead, resolver, visit_only=visit_only)
    if named == [] and headings:
        # "Chủ tịch UBND tỉnh làm việc với Ban Thường vụ Huyện ủy X": the headline names it
        named = session_partners(headings[0], resolver, visit_only=visit_only)
    return named


def overseen(lead: str | None, headings: Sequence[str], resolver: UnitResolver) -> list[str]:
    """The bodies the act of oversight an article reports is about, as its lead (else its
    headline) names them (:func:`~dirtrack.extract.units.overseen_bodies`)."""
    bodies = overseen_bodies(lead, resolver) if lead is not None else []
    if not bodies and headings:
        bodies = overseen_bodies(headings[0], resolver)
    return bodies


#: The addressee line of a document pasted whole ("Kính gửi: UBND xã Thạch Kênh").
_ADDRESSEE = re.compile(r"^\s*kinh gui\s*:?\s*")


def document_addressee(blocks: Sequence[Block], resolver: UnitResolver) -> str | None:
    """The one unit a document pasted whole is addressed to ("Kính gửi: UBND xã Thạch Kênh"),
    else None (no such line, or several units or a collective: "Kính gửi: các sở, ngành")."""
    for block in blocks:
        m = _ADDRESSEE.match(fold_aligned(block.text))
        if m is None:
            continue
        rest = block.text[m.end() :]
        named = [x for x in resolver.mentions(rest) if x.name and not x.affiliation]
        if len(named) != 1 or named[0].role not in ("unit", "board"):
            return None
        if rest[: named[0].start].strip(" -+•") or rest[named[0].end :].strip(" .;,"):
            return None  # "Kính gửi: các sở, ngành; UBND huyện": more than the one unit
        return named[0].code or named[0].name
    return None


#: The request of a letter, order or telegram a news item's lead reports, right before its
#: addressee ("UBND tỉnh vừa có văn bản yêu cầu Sở X …", "Chủ tịch UBND tỉnh giao UBND huyện Y
#: …", "ban hành Văn bản số 754/UBND-KT gửi Ban Quản lý …"); not "chỉ đạo của …", a noun.
_LETTER_ASKS = re.compile(
    rf"\b(?:yeu cau|de nghi|chi dao|{GIAO}|gui)\s+(?!cua\b)(?:cho\s+|den\s+)?"
)
#: A letter the lead names without its request ("UBND tỉnh có văn bản số 5597 về …"): the
#: sentence after it asks.
_A_LETTER = re.compile(r"\b(?:van ban|cong van|cong dien|chi thi|quyet dinh)\b")
#: Several bodies, the first written without its name ("UBND quận, huyện", "Sở X cùng một số
#: đơn vị").
_SEVERAL_AFTER = re.compile(
    r"^\s*(?:,|va\b|cung\b)\s*(?:huyen|quan|xa|phuong|thi xa|thanh pho|cac|mot so)\b"
)


def _one_addressee(sentence: str, at: int, resolver: UnitResolver) -> str | None:
    """The one unit named right after ``at`` (a request verb) in ``sentence``; None for none, a
    collective or several ("UBND quận, huyện", "Sở X và UBND huyện Y")."""
    mentions = [m for m in resolver.mentions(sentence) if m.start >= at]
    if not mentions or sentence[at : mentions[0].start].strip():
        return None
    first = mentions[0]
    if first.role not in ("unit", "board") or first.name is None or first.affiliation:
        return None
    if _SEVERAL_AFTER.match(fold_aligned(sentence[first.end :])):
        return None
    if len(mentions) > 1 and fold_aligned(sentence[first.end : mentions[1].start]).strip() in (
        ",",
        "va",
    ):
        return None
    return first.code or first.name


def letter_addressee(
    lead: str | None, sentences: Sequence[str], resolver: UnitResolver
) -> str | None:
    """The one body a news item's letter, order or telegram is addressed to, as its lead names
    it right after the request ("UBND thành phố vừa có văn bản yêu cầu UBND quận Cẩm Lệ …"), or
    the sentence after a lead that names the letter alone; else None."""
    if lead is None:
        return None
    asking = [lead]
    if _A_LETTER.search(fold_aligned(lead)) and lead in sentences:
        asking += list(sentences[sentences.index(lead) + 1 :][:1])
    for sentence in asking:
        m = _LETTER_ASKS.search(fold_aligned(sentence))
        if m is not None:
            return _one_addressee(sentence, m.end(), resolver)
    return None


def extract(
    text: str,
    units: Sequence[KnownUnit] = (),
    *,
    today: date | None = None,
    on: date | None = None,
    chair: str | None = None,
    tables: Sequence[TaskTable] = (),
) -> Draft:
    """Draft the record of the meeting that ``text`` reports: always a draft.

    Args:
        text: the article, conclusion notice or minutes (plain text; web boilerplate is fine).
        units: the units already registered; mentions are matched to them regardless of case,
            accents, tone placement and abbreviations, and reported by code.
        today: the reference day when the text gives no year at all (default: today).
        on: the meeting's date when the clerk knows it (``extract --date``): it replaces what
            the text says and is the reference for the deadlines.
        chair: the chair when the clerk knows it (``extract --chair``).
        tables: the document's tables of tasks (:mod:`dirtrack.extract.tables`), read apart
            from its text: a directive a row, after the text's.

    What the text does not give (the date, the chair, any unit) is left empty and named in
    :attr:`Draft.missing`; a day whose year the text does not give is drafted in the latest year
    that does not put it after ``today``, and ``year`` named missing.

    Raises:
        InvalidInput: the text is empty.
    """
    if (not text or not text.strip()) and not tables:
        raise InvalidInput.of("text_empty")
    text, controls = clean_imported(text.translate(_LINE_BREAKS))
    read = read_article(text, on or today)
    blocks, paragraphs, sentences, info = read.blocks, read.paragraphs, read.sentences, read.info
    if on is not None:
        info.date = on
    if chair is not None and chair.strip():
        if info.chair is None or fold_words(chair) != fold_words(info.chair):
            info.chair_title = None
        info.chair = " ".join(chair.split())
    lead, headings = read.lead, read.headings
    resolver = UnitResolver(sentences, units, lead, headings)
    found_units: dict[str, UnitDraft] = {}
    for sentence in [*sentences, *unit_cells(tables)]:
        for mention in resolver.mentions(sentence):
            if mention.name is None or mention.affiliation:
                continue
            if mention.role not in ("unit", "board", "bare-office", "bare-delegation"):
                continue
            key = mention.code or unit_key(mention.name)
            if key not in found_units:
                found_units[key] = UnitDraft(
                    name=mention.name,
                    code=mention.code,
                    known=mention.code is not None,
                    source=sentence,
                )
    # a working session with one unit: what names no unit (nor every unit) is that unit's
    named_partners = partners_named(info.kind, lead, headings, resolver)
    partner = named_partners[0] if named_partners and len(named_partners) == 1 else None
    if partner is None and named_partners == [] and lead is not None:
        # a body's own review attended by its superiors: what names no unit is that body's
        partner = meeting_host(lead, resolver)
    if partner is None and named_partners == [] and lead is not None:
        # a hearing: what names no unit is the questioned body's
        partner = questioned_body(lead, resolver)
    if partner is None and named_partners == [] and info.kind == "working-session":
        if len(found_units) == 1:
            only = next(iter(found_units.values()))
            partner = only.code or only.name
    if partner is None and named_partners == []:
        # a document addressed to one unit: what names no unit is that unit's
        partner = document_addressee(blocks, resolver)
    limitations, taken = extract_limitations(paragraphs, resolver, partner)
    # year-less deadlines are read against the meeting, else against the document the text
    # reports, else against the year the text is about, else against the reference day
    ref = info.date or info.issued or reference_day(sentences, today)
    addressee = partner
    if partner is None and named_partners == [] and info.kind is None:
        # a news item on a letter or an order to one body: its tasks that name no one are the
        # body's, as a letter's to one unit are
        addressee = letter_addressee(lead, sentences, resolver)
    # a headline the text's first sentence names as a leader's tasks ("Đây là chỉ đạo của …")
    headline = blocks[0].text if blocks and blocks[0].kind == "header" else None
    directives = extract_directives(
        headline_named(headline, paragraphs), resolver, ref, taken, addressee, info.date
    )
    directives += table_directives(tables, resolver, ref)
    if info.kind == "working-session" and named_partners == []:
        # a session whose lead names no partner: the one unit every task of the conclusion is
        # addressed to ("đề nghị, thời gian tới, Huyện ủy Gia Lâm cần ...") is the one the
        # session was held with, and the shortcomings stated at it are that unit's
        addressed = {d.unit for d in directives}
        if len(addressed) == 1 and None not in addressed:
            inferred = addressed.pop()
            limitations = [partners_limitation(item, inferred) for item in limitations]
    if partner is None and named_partners == [] and headings:
        # a headline that states one unit's shortcoming ("xã X đã nỗ lực … Tuy nhiên vẫn còn
        # nhiều nỗi lo, … tiến độ chậm"): the body's shortcomings that name no unit are its
        owner = headline_owner(headings[0], resolver)
        if owner is not None:
            limitations = [partners_limitation(item, owner) for item in limitations]
    if partner is None and named_partners is not None:
        # an article about the body an act of oversight names (inspected, visited, supervised,
        # reviewed, reprimanded), whatever its kind: the shortcomings that name no unit are that
        # body's; of several visited in turn, the one their paragraph names
        bodies = overseen(lead, headings, resolver)
        limitations = overseen_limitations(limitations, paragraphs, bodies, resolver)

    # The key is made of what the draft is read from (the lead and every item's sentence), so
    # the byline or a caption that a saved page keeps or drops does not change it.
    item_sources = [x.source or x.text for x in limitations]
    item_sources += [x.source or x.text for x in directives]
    meeting_key = source_key([info.source or "", *item_sources])
    meeting = MeetingDraft(
        date=info.date,
        title=info.title,
        chair=info.chair,
        chair_title=info.chair_title,
        kind=info.kind,
        source=info.source,
        doc=document_number([b.text for b in blocks]),
        key=meeting_key,
    )
    keyed = tuple(
        replace(item, product=item.product or product_of(item.text), key=item_key(meeting_key, i))
        for i, item in enumerate(directives, 1)
    )
    missing = tuple(
        name
        for name, absent in (
            ("date", meeting.date is None),
            # a day and month only, and no year anywhere: this year's is a guess to check
            ("year", meeting.date is not None and info.year_assumed and on is None),
            ("title", meeting.title is None),
            ("chair", meeting.chair is None),
            ("units", not found_units),
        )
        if absent
    )
    return Draft(
        meeting,
        tuple(found_units.values()),
        tuple(limitations),
        keyed,
        missing,
        tuple(controls),
    )
