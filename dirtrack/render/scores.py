"""`score` and `report --brief` as documents: terminal, Markdown, HTML, Excel and Word.

Both are laid out as a :class:`~dirtrack.render.report_doc.Document`, the report's model, so
each format is the report's own writer.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from dirtrack.i18n import Count, clauses, number, t
from dirtrack.records import Record
from dirtrack.render import ReportFormat
from dirtrack.render.report_doc import (
    DATE,
    INT,
    POINTS,
    TEXT,
    Document,
    Section,
    Table,
    as_of_line,
    columns,
    period_line,
    printed_day,
    unit_label,
)


def points_text(value: float | None, lang: str) -> str:
    return "—" if value is None else number(value, lang, suffix="")


def _day(value: str | None, lang: str) -> str:
    return printed_day(date.fromisoformat(value), lang) if value else ""


def _header(pack: Record, title: str, lang: str) -> list[tuple[str, str]]:
    return [period_line(pack["period"], title, lang), as_of_line(pack["as_of"], lang)]


def _in_lang(record: Record, key: str, lang: str) -> str:
    """A rule file's text (its ``title``, a tier's ``name``) in ``lang``: its ``…_en`` form in
    English where the file gives one."""
    return str((record.get(f"{key}_en") if lang != "vi" else None) or record[key])


def rule_text(line: Record, lang: str) -> str:
    """An explanation line's rule as people read it, with the delay's details."""
    rule = str(line["rule"])
    prefix = ""
    if rule.startswith("coordinator."):
        prefix, rule = t("sc_coordinator", lang) + ": ", rule.split(".", 1)[1]
    head, _, tail = rule.partition(".")
    if head == "outcome":
        text = t("sc_outcome", lang) + ": " + t(tail, lang)
    elif head == "verdict":
        text = t(f"verdict_{tail}", lang)
    elif head == "delay":
        key = {"": "sc_delay", "exempt": "sc_delay_exempt", "floor": "sc_delay_floor"}[tail]
        text = t(key, lang)
        if line.get("due"):
            text += " " + t(
                "sc_delay_detail",
                lang,
                due=_day(line["due"], lang),
                days=Count("days", line["days_late"]),
            )
        if line.get("doc"):
            text += f" ({line['doc']})"
    else:
        text = t("sc_base", lang)
    return prefix + text


def score_document(pack: Record, title: str, lang: str) -> Document:
    """The scores: a summary table per unit, then each unit's explanation."""
    summary = Table(
        "scores",
        t("sc_summary", lang),
        *columns(
            lang,
            ("unit_short", TEXT),
            ("sc_points", POINTS),
            ("sc_tier", TEXT),
            ("sc_scored", INT),
            ("done_on_time", INT),
            ("sc_behind", INT),
            ("sc_exceeds", INT),
        ),
        sheet=t("sc_sheet_summary", lang),
    )
    rules = pack["rules"]
    tier_names = {tier["code"]: _in_lang(tier, "name", lang) for tier in rules["tiers"]}
    summary.rows = [
        [
            unit_label(u["code"], u["name"]),
            u["points"],
            tier_names.get(u["tier"], u["tier_name"] or "") if u["tier"] else "",
            u["scored"],
            u.get("on_time", 0),
            u.get("behind", 0),
            u.get("exceeds", 0),
        ]
        for u in pack["units"]
    ]
    ledger = Table(
        "explanation",
        t("sc_explanation", lang),
        *columns(lang, ("unit_short", TEXT), ("id", INT), ("sc_rule", TEXT), ("sc_points", POINTS)),
        sheet=t("sc_sheet_explanation", lang),
    )
    ledger.rows = [
        [
            unit_label(u["code"], u["name"]),
            line["directive_id"],
            rule_text(line, lang),
            line["points"],
        ]
        for u in pack["units"]
        for line in u["explanation"]
    ]
    title_text = _in_lang(rules, "title", lang)
    intro = [t("sc_rules_used", lang, title=title_text, source=rules["source"])]
    tiers = "; ".join(
        f"{tier_names[tier['code']]} ≥ {points_text(tier['min'], lang)}" for tier in rules["tiers"]
    )
    intro.append(tiers + ".")  # a sentence of the body, ended as one
    about = [
        (t("sc_rule_set", lang), f"{title_text} ({rules['source']})"),
        (t("sc_tiers", lang), tiers),
    ]
    return Document(
        title=f"{t('sc_title', lang)} — {title}",
        header=_header(pack, title, lang),
        sections=[Section(title_text, intro, [summary, ledger])],
        chart_rows=[],
        lang=lang,
        rate_note=t("sc_note", lang),
        about=about,
    )


def brief_document(pack: Record, title: str, lang: str) -> Document:
    """The one-page leader view: totals, colours per unit and leader, the red directives."""
    tot = pack["totals"]
    reqs = pack["requests"]["extend"]
    done = clauses(
        lang,
        ("report_counts_done", tot["done_on_time"] + tot["done_late"]),
        ("report_counts_overdue", tot["overdue"]),
    )
    colours = clauses(lang, ("br_red_n", pack["red_count"]), ("br_yellow_n", pack["yellow_count"]))
    said = "; ".join(p for p in (done, colours) if p)
    asked = clauses(lang, ("br_asked", reqs["asked"]), ("br_granted", reqs["granted"]),
                    ("br_refused", reqs["refused"]))  # fmt: skip
    late = clauses(lang, ("br_asked_late", reqs["asked_late"]))
    paragraphs = [
        t("br_totals", lang, total=Count("directives", tot["total"]), clauses=said)
        if said
        else t("br_totals_plain", lang, total=Count("directives", tot["total"]))
        if tot["total"]
        else t("br_no_directives", lang),
        t("br_requests", lang, clauses="; ".join(p for p in (asked, late) if p))
        if asked
        else t("br_no_requests", lang),
    ]
    colour_headers = [
        t("risk", lang),
        t("risk_red", lang),
        t("risk_yellow", lang),
        t("risk_green", lang),
        t("risk_grey", lang),
    ]
    units = Table(
        "risk_units",
        t("br_units", lang),
        [t("unit_short", lang), *colour_headers],
        [TEXT, TEXT, INT, INT, INT, INT],
        sheet=t("br_units", lang),
    )
    units.rows = [
        _colour_row(unit_label(u["code"], u["name"]), u, lang) for u in pack["risk"]["units"]
    ]
    leaders = Table(
        "risk_leaders",
        t("br_leaders", lang),
        [t("leader", lang), *colour_headers],
        [TEXT, TEXT, INT, INT, INT, INT],
        sheet=t("br_leaders", lang),
    )
    leaders.rows = [
        _colour_row(row["leader"] or t("br_no_leader", lang), row, lang)
        for row in pack["risk"]["leaders"]
    ]
    red = Table(
        "red",
        t("br_red", lang),
        *columns(
            lang,
            ("id", INT),
            ("unit_short", TEXT),
            ("text", TEXT),
            ("due", DATE),
            ("days_overdue", INT),
            ("report_progress_pct", INT),
        ),
        sheet=t("br_red", lang),
    )
    red.rows = [
        [
            r["id"],
            unit_label(r["unit"], r.get("unit_name")),
            r["text"],
            date.fromisoformat(r["due"]) if r["due"] else None,
            r["days_overdue"],
            r["progress"],
        ]
        for r in pack["red"]
    ]
    return Document(
        title=f"{t('br_title', lang)} — {title}",
        header=_header(pack, title, lang),
        sections=[Section(t("br_section", lang), paragraphs, [units, leaders, red])],
        chart_rows=[],
        lang=lang,
        rate_note=t("br_note", lang),
    )


def _colour_row(label: str, row: Record, lang: str) -> list[Any]:
    return [
        label,
        t(f"risk_{row['risk']}", lang),
        row["red"],
        row["yellow"],
        row["green"],
        row["grey"],
    ]


def write_document(
    document: Document,
    fmt: ReportFormat,
    lang: str,
    *,
    target: Path | None,
    force: bool,
    csv_rows: list[Record] | None = None,
    csv_keys: Sequence[str] = (),
    json_value: Any = None,
) -> None:
    """``document`` (or, for json and csv, the values given) in ``fmt``, to ``target`` or
    stdout, as the report writes its own. ``csv_keys``: the CSV header when there is no row."""
    from dirtrack.render.report_out import (
        deliver,
        document_text,
        markdown_lines,
        print_document,
    )

    data: bytes
    if fmt is ReportFormat.JSON:
        from dirtrack.render.json_out import dump

        data = (dump(json_value) + "\n").encode()
    elif fmt is ReportFormat.CSV:
        from dirtrack.render.csv_out import dump_records

        data = dump_records(csv_rows or [], keys=lambda: csv_keys).encode()
    elif fmt is ReportFormat.MD:
        data = ("\n".join(_stripped(markdown_lines(document))).rstrip() + "\n").encode()
    elif fmt is ReportFormat.TABLE:
        if target is None:
            print_document(document, by="unit")
            return
        data = document_text(document, by="unit").encode()
    elif fmt is ReportFormat.HTML:
        from dirtrack.render.html_out import render_html

        data = render_html(document).encode()
    elif fmt is ReportFormat.XLSX:
        from dirtrack.render.xlsx_out import render_xlsx

        data = render_xlsx(document)
    else:
        from dirtrack.render.docx_out import render_docx

        data = render_docx(document)
    deliver(data, fmt, lang, target=target, force=force)


def _stripped(lines: Iterator[str]) -> Iterator[str]:
    return (line.rstrip() for line in lines)
