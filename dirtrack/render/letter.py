"""The urging letter (công văn đôn đốc) to one unit, as Word (the office's layout) or Markdown.

What is overdue (the directive, the meeting it came from by document number and date, the
deadline in force, days overdue), what falls due soon, and the date by which the unit must
report back; the heading and signature of :mod:`dirtrack.render.official`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dirtrack.i18n import Count, t, within_key
from dirtrack.letterhead import PARTY, Letterhead, date_words
from dirtrack.records import Record
from dirtrack.render.report_doc import DATE, INT, TEXT, Labels, Table, numbered


@dataclass
class Letter:
    head: Letterhead
    unit: Record  # code, name, overdue (records), due_soon (records with days_left)
    as_of: date
    within: int
    reply_by: date
    times: int  # letters sent to the unit before, this one not counted
    meetings: dict[int, tuple[date, str | None]]

    @property
    def lang(self) -> str:
        return self.head.lang

    def paragraphs(self) -> tuple[str, str, str | None]:
        """The opening, the request, and (after an earlier letter) which letter this is."""
        lang = self.lang
        name = self.unit["name"] or self.unit["code"]
        overdue, soon = len(self.unit["overdue"]), len(self.unit["due_soon"])
        days = Count("days", self.within)
        when = _words(self.as_of, lang)
        if overdue:
            opening = t("urge_opening", lang, unit=name, date=when, n=overdue)
            if soon:
                opening += t(within_key("urge_opening_soon", self.within), lang, m=soon, days=days)
        else:  # nothing overdue: no "0 overdue directives", the ones falling due alone
            only = within_key("urge_opening_only_soon", self.within)
            opening = t(only, lang, unit=name, date=when, n=soon, days=days)
        opening += t("urge_opening_end", lang)
        ask = t("urge_ask", lang, unit=name, date=_words(self.reply_by, lang))
        again = t("urge_again", lang, n=self.times + 1) if self.times else None
        return opening, ask, again

    def tables(self) -> list[Table]:
        lang = self.lang
        labels = Labels(formal=True, meetings=self.meetings, lang=lang)
        heads = [t("doc_stt", lang), t("urge_text", lang), t("urge_source", lang), t("due", lang)]
        day = _words(self.as_of, lang)
        overdue = Table(
            "urge_overdue",
            t("urge_overdue_title", lang),
            [*heads, t("days_overdue", lang)],
            [INT, TEXT, TEXT, DATE, INT],
        )
        overdue.rows = [
            [i, r["text"], labels.meeting(r["meeting_id"]), _day(r["due"]), r["days_overdue"]]
            for i, r in enumerate(self.unit["overdue"], start=1)
        ]
        soon = Table(
            "urge_due_soon",
            t(within_key("urge_soon_title", self.within), lang, n=self.within, date=day),
            [*heads, t("urge_days_left", lang)],
            [INT, TEXT, TEXT, DATE, INT],
        )
        soon.rows = [
            [i, r["text"], labels.meeting(r["meeting_id"]), _day(r["due"]), r["days_left"]]
            for i, r in enumerate(self.unit["due_soon"], start=1)
        ]
        # The lists that have rows, numbered 1., 2.: no empty "Nhiệm vụ quá hạn" list.
        found = [table for table in (overdue, soon) if table.rows] or [overdue]
        for number, table in enumerate(found, start=1):
            table.title = numbered(number, table.title)
        return found


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _words(day: date, lang: str) -> str:
    """A day in the letter's text as its heading says its date: in words, in either language
    (an English letter dated "3 October 2022" said "as of 2022-09-30")."""
    return date_words(day, lang)


def letter_docx(letter: Letter) -> bytes:
    from docx.shared import Pt

    from dirtrack.render import docx_rows
    from dirtrack.render.docx_out import _table
    from dirtrack.render.official import body_paragraph, heading, new_document, signature

    doc, usable = new_document(letter.head.kind)
    doc.core_properties.title = letter.head.subject
    heading(doc, letter.head, usable)
    opening, ask, again = letter.paragraphs()
    body_paragraph(doc, opening)
    for table in letter.tables():
        _table(doc, _numbered_already(table), letter.lang, usable, portrait=True)
    body_paragraph(doc, ask).paragraph_format.space_before = Pt(6)
    if again:
        body_paragraph(doc, again)
    signature(doc, letter.head, usable)
    return docx_rows.save(doc)


def _numbered_already(table: Table) -> Table:
    """The letter's tables carry their STT; the Word table numbers rows itself."""
    return Table(
        table.key, table.title, table.headers[1:], table.kinds[1:], [r[1:] for r in table.rows]
    )


def letter_markdown(letter: Letter) -> str:
    """The letter as text for mail: heading lines, body, tables, signature. What the office and
    the clerks typed (names, the place, the directives) is made inert (``md_text``)."""
    from dirtrack.render.report_out import _md_table, md_line, md_text

    head, lang = letter.head, letter.lang
    party = head.kind == PARTY
    # The Word letter's heading: the nation (or the Party) on the right, the office on the
    # left. A block's lines end in a hard break (two spaces): rendered, Markdown would join
    # them into one line; read as text, they are what they were.
    nation = [f"**{t('doc_party_name', lang)}**"] if party else [
        f"**{t('doc_nation', lang)}**",
        f"**{t('doc_motto', lang)}**",
    ]  # fmt: skip
    office = [md_line(head.parent_body.upper())] if head.parent_body else []
    office += [f"**{md_text((head.body or '…').upper())}**", md_line(head.number)]
    office.append(t("doc_regarding", head.lang, subject=md_text(head.subject)))
    lines: list[str] = [*_block(nation), "", *_block(office), ""]
    lines += [f"_{md_text(head.date_line)}_", ""]
    if head.to:
        # As the Word letter sets it (NĐ 30, official._kinh_gui): one recipient after the
        # label; several each on a line from "- ", ";" after each and "." after the last.
        label = t("doc_to", lang)
        if len(head.to) == 1:
            lines.append(f"{label} {md_text(head.to[0])}")
        else:
            last = len(head.to) - 1
            lines.append(label)
            lines += [
                f"- {md_text(name)}{'.' if i == last else ';'}" for i, name in enumerate(head.to)
            ]
        lines.append("")
    opening, ask, again = letter.paragraphs()
    lines += [md_line(opening), ""]
    for table in letter.tables():
        lines += [f"### {md_text(table.title)}", ""]
        # Its days as the Word letter's: "31 Aug 2023" beside "12-TB/TU of 6 Apr 2022", not ISO.
        found = _md_table(table, lang, printed=True)
        lines += list(found) if table.rows else [t("none_sentence", lang)]
        lines.append("")
    lines += [md_line(ask), ""]
    if again:
        lines += [md_line(again), ""]
    signer = [f"**{md_text(p.upper())}**" for p in (head.signer_authority, head.signer_title) if p]
    lines += _block(signer)
    if head.signer_name:
        lines += ["", f"**{md_text(head.signer_name)}**"]
    # Nơi nhận, as the Word letter lists it: each recipient from "- " with ";", then Lưu.
    keep = t("doc_keep_party" if party else "doc_keep_state", lang)
    lines += ["", t("doc_copies", lang), ""]
    lines += [f"- {md_text(name)};" for name in head.copies] + [f"- {keep}"]
    return "\n".join(lines).rstrip() + "\n"


def _block(lines: list[str]) -> list[str]:
    """Lines kept apart when Markdown is rendered: each but the last ends in a hard break."""
    return [line + "  " for line in lines[:-1]] + lines[-1:]


def render_letter(letter: Letter, fmt: str) -> bytes:
    return letter_docx(letter) if fmt == "docx" else letter_markdown(letter).encode()
