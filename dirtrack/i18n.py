"""Every message a person reads, in the user's language, through gettext.

The tables below map a key to its English text, the gettext msgid (marked with ``N_`` so that
Babel extracts it). The Vietnamese is in ``locale/vi/LC_MESSAGES/dirtrack.po``, compiled to
``dirtrack.mo``, which ships in the package and is read with the standard library's
:mod:`gettext`; Babel extracts and compiles (``make catalog``) and is never imported at run
time. Help texts and Click's own words are translated where they are shown
(:mod:`dirtrack.cli.app`); JSON keys never change with the language.

Markers: ``N_("text")``; ``C_("context", "text")`` when the same English means two things in
Vietnamese; ``NP_("singular", "plural")`` for a message that counts ``{n}`` (Vietnamese has
one form, English two).
"""

from __future__ import annotations

import gettext
import os
import re
import string
from collections.abc import Mapping, Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import NamedTuple

from dirtrack.patterns import LazyPattern

DOMAIN = "dirtrack"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGS = ("vi", "en")


class Message(NamedTuple):
    """A msgid said with a context, or a singular and plural counted by ``n``."""

    context: str | None
    singular: str
    plural: str | None = None


Entry = str | Message


def N_(message: str) -> str:
    """Mark ``message`` for extraction; it is translated where it is shown."""
    return message


def C_(context: str, message: str) -> Message:
    """``message`` in ``context`` (gettext's msgctxt), for English that means two things."""
    return Message(context, message)


def NP_(singular: str, plural: str) -> Message:
    """A message that counts ``{n}``: singular and plural English, one Vietnamese form."""
    return Message(None, singular, plural)


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of ``lang``; for English (no catalog) the msgids themselves."""
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def _(message: str, lang: str) -> str:
    """``message`` (an English msgid) in ``lang``."""
    return translations(lang).gettext(message)


def say(entry: Entry, lang: str, n: int | None = None) -> str:
    """A catalog entry in ``lang``; ``n`` picks the plural form of a counted one."""
    tr = translations(lang)
    if isinstance(entry, str):
        return tr.gettext(entry)
    if entry.plural is None:
        assert entry.context is not None
        return tr.pgettext(entry.context, entry.singular)
    count = 1 if n is None else n
    if entry.context is not None:
        return tr.npgettext(entry.context, entry.singular, entry.plural, count)
    return tr.ngettext(entry.singular, entry.plural, count)


def fill(entry: Entry, lang: str, params: Mapping[str, object]) -> str:
    """``entry`` in ``lang`` with its ``{placeholders}`` filled (a count ``n`` picks the form).

    A value may be a :class:`Phrase` or a :class:`Count` (said in the same language), another
    DirtrackError, or a date (ISO in English, dd/mm/yyyy in Vietnamese); user data stays as
    given.
    """
    values = {name: _value(value, lang) for name, value in params.items()}
    n = params.get("n")
    template = say(entry, lang, n if isinstance(n, int) else None)
    for name in _quoted(template):
        value = values.get(name)
        if isinstance(value, str):
            values[name] = cut(value)
    return template.format(**values)


def _value(value: object, lang: str) -> object:
    render = getattr(value, "render", None)
    if callable(render):  # a Phrase or Count, or a DirtrackError given as the reason of another
        return render(lang)
    if type(value) is date:
        return day(value.isoformat(), lang)
    if isinstance(value, list):  # several Counts or Phrases: "3 units, 2 meetings"
        return ", ".join(str(_value(item, lang)) for item in value)
    return value


def msg(name: str, lang: str, /, **values: object) -> str:
    """A message for stderr in the user's language."""
    return fill(MESSAGES[name], lang, values)


def within_key(key: str, within: int) -> str:
    """The message ``key`` for a window of ``within`` days from a day; for ``0`` its ``_today``
    twin, which says the day itself ("due on 10/07/2022"), never "within 0 days"."""
    return f"{key}_today" if within == 0 else key


#: The locale variables that name the locale of messages, the first set one deciding, in the
#: order POSIX gives them: LC_ALL over LC_MESSAGES over LANG.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
#: gettext's list of languages (``vi:en``), its first choice over the locale of messages, except
#: in the C locale (none of the above set, or one of them ``C`` or ``POSIX``), where GNU gettext
#: ignores it, as every other program on the machine then does.
LANGUAGE_VARIABLE = "LANGUAGE"


def locale_variable() -> str | None:
    """The variable the language of messages comes from: :data:`LANGUAGE_VARIABLE` when it is
    set and the locale of messages is not C, else the first set of :data:`LOCALE_VARIABLES`."""
    var = next((var for var in LOCALE_VARIABLES if os.environ.get(var)), None)
    if var is None or os.environ[var] in ("C", "POSIX"):
        return var
    return LANGUAGE_VARIABLE if os.environ.get(LANGUAGE_VARIABLE, "").strip(": ") else var


def default_lang() -> str:
    """The language of messages when neither ``--lang`` nor ``DIRTRACK_LANG`` (nor the
    configuration file) says: from ``LANGUAGE`` as gettext reads it (the first of its languages
    that dirtrack speaks, ``vi`` or ``en``; English when it names none of them, as gettext
    then shows the untranslated text), else ``vi`` when the locale of messages (LC_ALL,
    LC_MESSAGES or LANG) is Vietnamese, else ``en``."""
    var = locale_variable()
    if var == LANGUAGE_VARIABLE:
        for entry in os.environ[var].split(":"):
            language = re.split(r"[_.@-]", entry.strip(), maxsplit=1)[0].lower()
            if language in ("vi", "en"):
                return language
        return "en"
    return "vi" if var and os.environ[var].lower().startswith("vi") else "en"


def _pick(table: Mapping[str, Entry], key: str, lang: str) -> str:
    # Looked up once per table, key and language: a long listing asks for the same few labels
    # (statuses, risk colours) tens of thousands of times, and the catalogs never change.
    wanted = (id(table), key, lang)
    found = _PICKED.get(wanted)
    if found is None:
        entry = table.get(key)
        found = _PICKED[wanted] = key if entry is None else say(entry, lang)
    return found


_PICKED: dict[tuple[int, str, str], str] = {}


def t(key: str, lang: str, /, **params: object) -> str:
    """A label or sentence of :data:`TEXT`; with ``params``, its placeholders filled."""
    if params:
        return fill(TEXT[key], lang, params)
    return _pick(TEXT, key, lang)


def heading(key: str, lang: str) -> str:
    """A listing's column header: :data:`TEXT`'s ``key``. A field ``--fields`` names that no
    column of the listing shows is its own key: its header is ``TEXT["col_" + key]``, else its
    words in :data:`FIELDS` (what ``history`` calls the column) with a capital: never the key."""
    if key in TEXT:
        return _pick(TEXT, key, lang)
    if "col_" + key in TEXT:
        return _pick(TEXT, "col_" + key, lang)
    if key in FIELDS:
        words = _pick(FIELDS, key, lang)
        return words[:1].upper() + words[1:]
    return key


def clauses(lang: str, *counted: tuple[str, int], sep: str = ", ", **params: object) -> str:
    """The clauses ``(key, n)`` whose count is not 0, each said with its ``n`` (and
    ``params``), joined by ``sep``: an office writes no "0 overdue"; it leaves the clause out."""
    return sep.join(t(key, lang, n=n, **params) for key, n in counted if n)


def status_label(code: str, lang: str) -> str:
    return _pick(STATUS, code, lang)


def kind_label(code: str, lang: str) -> str:
    return code_label("", code, lang, KIND)


def category_label(code: str, lang: str) -> str:
    return code_label("", code, lang, CATEGORY)


def code_label(
    prefix: str, code: str, lang: str, table: Mapping[str, Entry] | None = None, /
) -> str:
    """The words of a code stored in a column of codes (a verdict, a request's kind or
    decision, an office's regime...): ``table[prefix + code]`` (:data:`TEXT` by default) in
    ``lang``. A code none of dirtrack's, which another program typed into the register (doctor
    names its row), is shown as it is stored, quoted as doctor quotes it: never a catalog key."""
    table = TEXT if table is None else table
    if prefix + code in table:
        return _pick(table, prefix + code, lang)
    return repr(code)


def number(value: float | None, lang: str, suffix: str = "%", places: int = 2) -> str:
    """``98.62`` as ``98,62%`` in Vietnamese, ``98.62%`` in English (``places`` decimals);
    ``—`` for None."""
    if value is None:
        return "—"
    text = f"{value:.{places}f}"
    return (text.replace(".", ",") if lang == "vi" else text) + suffix


def day(value: str | None, lang: str) -> str:
    """An ISO date as ``06/05/2022`` in Vietnamese, unchanged in English; empty for None."""
    if not value:
        return ""
    if lang == "vi":
        y, m, d = value.split("-")
        return f"{d}/{m}/{y}"
    return value


class Phrase:
    """A part of a message that is itself in :data:`ERRORS`, said in the same language."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params

    def render(self, lang: str) -> str:
        return error_text(self.key, lang, self.params)

    def __str__(self) -> str:
        return self.render("en")

    def __repr__(self) -> str:
        return f"Phrase({self.key!r})"


class Reason:
    """What went wrong as a library says it, in English only (Jinja's "expected token 'as'",
    Python's "pop from empty list"): said as it is in English; in another language, whose words
    for it the catalog does not have, as ``instead`` (a :class:`Phrase` naming the place or the
    kind of failure), never as an English sentence."""

    __slots__ = ("english", "instead")

    def __init__(self, english: str, instead: Phrase) -> None:
        self.english = english
        self.instead = instead

    def render(self, lang: str) -> str:
        return self.english if lang == "en" else self.instead.render(lang)

    def __str__(self) -> str:
        return self.english

    def __repr__(self) -> str:
        return f"Reason({self.english!r}, {self.instead!r})"


class Field:
    """A field of a record named in a message (``note``, ``original_due``): its words in
    :data:`FIELDS` (what ``history`` calls the column), said in the message's language; a name
    that is not a column (an option, ``--actor``) as given. A column named with its table
    (``unit.code``, as :mod:`dirtrack.store.limits` names it) is said as such in English, and
    in another language as the column's words and the table's (``mã của đơn vị``)."""

    __slots__ = ("name",)

    def __init__(self, name: str, /) -> None:
        self.name = name

    def render(self, lang: str) -> str:
        entry = FIELDS.get(self.name)
        if entry is not None:
            return say(entry, lang)
        table, dot, column = self.name.partition(".")
        if dot and lang != "en" and column in FIELDS and f"ent_{table}" in TEXT:
            field, entity = Field(column).render(lang), Entity(table).render(lang)
            # "unit_alias.alias": "tên khác của đơn vị", not "tên khác của tên khác của …"
            if entity.startswith(field):
                return entity
            return t("field_of", lang, field=field, entity=entity)
        return self.name

    def __str__(self) -> str:
        return self.render("en")

    def __repr__(self) -> str:
        return f"Field({self.name!r})"


class Entity:
    """A table of the database named in a message (``directive``, ``progress_entry``): its
    words as ``history`` says them (``ent_…`` in :data:`TEXT`), in the message's language; a
    table without words as named."""

    __slots__ = ("name",)

    def __init__(self, name: str, /) -> None:
        self.name = name

    def render(self, lang: str) -> str:
        entry = TEXT.get(f"ent_{self.name}")
        return self.name if entry is None else say(entry, lang)

    def __str__(self) -> str:
        return self.render("en")

    def __repr__(self) -> str:
        return f"Entity({self.name!r})"


class Count:
    """A number of things, ``Count("directives", 3)``: "3 directives", "1 directive"."""

    __slots__ = ("key", "n")

    def __init__(self, key: str, n: int, /) -> None:
        self.key = key
        self.n = n

    def render(self, lang: str) -> str:
        return fill(COUNTS[self.key], lang, {"n": self.n})

    def __str__(self) -> str:
        return self.render("en")

    def __repr__(self) -> str:
        return f"Count({self.key!r}, {self.n})"


class Figure:
    """A number with a fraction said in a message, ``Figure(Decimal("1.5"))``: ``1.5`` in
    English, ``1,5`` in Vietnamese, whose decimal mark is the comma (as :func:`number`)."""

    __slots__ = ("value",)

    def __init__(self, value: object, /) -> None:
        self.value = value

    def render(self, lang: str) -> str:
        text = str(self.value)
        return text.replace(".", ",") if lang == "vi" else text

    def __str__(self) -> str:
        return self.render("en")

    def __repr__(self) -> str:
        return f"Figure({self.value!r})"


class Choices:
    """The codes an option takes, said in a message that refuses a value: in English the codes
    ("briefing, review"), in Vietnamese each with its Vietnamese name, as ``--help`` lists them
    ("briefing (giao ban), review (sơ kết, tổng kết)"); ``quoted``, each code as Click quotes
    its choices ('briefing')."""

    __slots__ = ("names", "quoted")

    def __init__(self, names: Mapping[str, Sequence[str]], /, quoted: bool = False) -> None:
        self.names = names
        self.quoted = quoted

    def render(self, lang: str) -> str:
        said = []
        for code, names in self.names.items():
            word = repr(str(code)) if self.quoted else str(code)
            said.append(f"{word} ({names[0]})" if lang == "vi" and names else word)
        return ", ".join(said)

    def __str__(self) -> str:
        return self.render("en")

    def __repr__(self) -> str:
        return f"Choices({list(self.names)!r})"


class Composed(str):
    """A text made of a catalog message and its values, ``Composed("Only these fields …:
    {example}.", example="code,name")``: a ``str`` that reads as the English filled in (a
    ``help=`` of Typer takes it as it is), said in another language by :func:`shown`, which
    translates the message, then fills it.

    A sentence that many options say with only a name or an example changed is one message this
    way, translated once, not a msgid for each option. A value that is itself words in the
    catalog (an :class:`Entity`, another ``Composed``) is said in the same language.
    ``Composed("…")`` marks its message for extraction (``tools/messages.py``). Typer copies a
    help text into a plain ``str`` (its options clean it with :func:`inspect.cleandoc`): each
    composed text is kept by its English in :data:`COMPOSED`, where :func:`shown` finds it
    again.
    """

    message: str
    values: dict[str, object]

    def __new__(cls, message: str, /, **values: object) -> Composed:
        self = super().__new__(cls, message.format(**values))
        self.message = message
        self.values = values
        COMPOSED.setdefault(str(self), self)
        return self

    def render(self, lang: str) -> str:
        return fill(self.message, lang, self.values)

    def __repr__(self) -> str:
        return f"Composed({self.message!r}, **{self.values!r})"


#: Every :class:`Composed` text made (they are made when the commands are built), by its English.
COMPOSED: dict[str, Composed] = {}


def shown(text: str, lang: str) -> str:
    """A text a person reads, a help text, in ``lang``: a :class:`Composed` one (or Typer's copy
    of it) as its message in ``lang`` filled in, any other looked up whole in the catalog."""
    composed = COMPOSED.get(text)
    return _(text, lang) if composed is None else composed.render(lang)


# A message quotes what was typed, but never a huge input whole: a value it quotes ({value!r},
# '{value}' or "{value}") longer than QUOTE_MAX characters (more than any name or code a record
# holds) is cut to its first QUOTE_KEEP and "…", so a 100,000-character date, unit name or cell
# stays one short line. Lists the code builds (the known choices) are not quoted and stay whole;
# a file's name ({path!r}) is said whole, however deep its folder.
QUOTE_MAX = 400
QUOTE_KEEP = 80
_QUOTED = LazyPattern(r"\{(\w+)!r\}|(['\"“])\{(\w+)\}['\"”]")


def cut(value: str) -> str:
    """``value`` as a message quotes it: whole, or its first characters and "…" when huge."""
    return value if len(value) <= QUOTE_MAX else value[:QUOTE_KEEP] + "…"


@cache
def _quoted(template: str) -> frozenset[str]:
    """The placeholders ``template`` quotes: values a user gave, which :func:`fill` cuts."""
    return frozenset(found[1] or found[3] for found in _QUOTED.finditer(template)) - {"path"}


_LONG_QUOTE = LazyPattern(
    rf"(['\"])([^'\"\n]{{{QUOTE_KEEP}}})[^'\"\n]{{{QUOTE_MAX - QUOTE_KEEP + 1},}}\1"
)


#: How many items a one-line message names before it counts the others (:class:`FirstFew`).
SHOWN_ITEMS = 10


class FirstFew:
    """Items a message names one after another (a workbook's sheets, the directives a retired
    unit hands over, the bad rows of a file, what a check of ``doctor`` found), said in the
    message's language: all of them, or past ``shown`` the first ``shown`` and how many more,
    so that a message stays one line whatever it found. The one place a message caps a list.

    ``more`` is the entry of :data:`ERRORS` that says the first ones (``{items}``) and how many
    more (``{n}``, which picks the plural form): ``"{items} and {n} more rows"``. ``joined``
    goes between two items (``"; "`` between items that hold commas themselves). ``sizes``,
    when given, is how much each item stands for (a run of rows ``3-5`` is three rows): the
    more counted are then those the items left unsaid stand for, not the items."""

    __slots__ = ("items", "more", "joined", "shown", "sizes")

    def __init__(
        self,
        items: Sequence[object],
        /,
        more: str = "items_and_more",
        *,
        joined: str = ", ",
        shown: int = SHOWN_ITEMS,
        sizes: Sequence[int] | None = None,
    ) -> None:
        self.items, self.more, self.joined, self.shown = items, more, joined, shown
        self.sizes = sizes

    @classmethod
    def findings(cls, items: Sequence[object], /) -> FirstFew:
        """What a check of ``doctor`` found, one finding after another: a finding may hold
        commas, so they are parted by semicolons ("…; … (12 more)")."""
        return cls(items, "findings_and_more", joined="; ")

    def render(self, lang: str) -> str:
        said = self.joined.join(str(_value(item, lang)) for item in self.items[: self.shown])
        if len(self.items) <= self.shown:
            return said
        left = len(self.items) - self.shown if self.sizes is None else sum(self.sizes[self.shown :])
        return error_text(self.more, lang, {"items": said, "n": left})

    def __bool__(self) -> bool:
        return bool(self.items)

    def __str__(self) -> str:
        return self.render("en")

    def __repr__(self) -> str:
        return f"FirstFew({len(self.items)} items, {self.more!r})"


def cut_quotes(message: str) -> str:
    """A message made elsewhere (Click's usage errors) with each huge quoted value cut."""
    return _LONG_QUOTE.sub(lambda found: f"{found[1]}{found[2]}…{found[1]}", message)


def error_text(key: str, lang: str, params: Mapping[str, object]) -> str:
    """The error message ``key`` in ``lang``, its placeholders filled from ``params``."""
    return fill(ERRORS[key], lang, params)


# --- labels ------------------------------------------------------------------------------------

STATUS: dict[str, Entry] = {
    "done_on_time": N_("Done on time"),
    "done_late": N_("Done late"),
    "open_in_time": N_("Open, within deadline"),
    "overdue": N_("Overdue"),
    "cancelled": N_("Cancelled"),
}

KIND: dict[str, Entry] = {
    "working-session": N_("Working session"),
    "briefing": N_("Briefing"),
    "conference": N_("Conference"),
    "review": N_("Review"),
}

CATEGORY: dict[str, Entry] = {
    "timeliness": N_("Timeliness"),
    "quality": N_("Quality"),
    "staffing": N_("Staffing"),
    "budget": N_("Budget"),
    "equipment": N_("Equipment"),
    "coordination": N_("Coordination"),
    "discipline": N_("Discipline"),
    "other": N_("Other"),
}

TEXT: dict[str, Entry] = {
    # under the headers of a listing with no row, at a terminal
    "table_empty": N_("(nothing to list)"),
    # under a table at a terminal too narrow for every column: the columns not shown
    "table_left_out": N_("Not shown, the window is too narrow: {columns}"),
    "id": N_("ID"),
    "code": N_("Code"),
    "name": N_("Name"),
    "field_name": C_("field", "Name"),
    "cfg_origin_os_user": N_("the user logged in"),
    "cfg_origin_machine": N_("the machine's setting"),
    "parent": N_("Parent"),
    "aliases": N_("Aliases"),
    "contacts": N_("Contacts"),
    # `unit list`: the day a unit was retired and its successor ("2025-03-10 → BTGDVTU")
    "unit_retired": N_("Retired"),
    # The roles of `unit contact --role`, as a sentence names them ("{role} contact").
    "contact_role_focal": C_("contact role", "focal"),
    "contact_role_head": C_("contact role", "head"),
    "date": N_("Date"),
    "title": N_("Title"),
    "kind": N_("Kind"),
    "chair": N_("Chair"),
    "attendees": N_("Attending units"),
    "doc": N_("Document"),
    "meeting": N_("Meeting"),
    "unit": N_("Lead unit"),
    "with": N_("With"),
    "text": N_("Text"),
    "due": N_("Deadline"),
    "original_due": N_("Original deadline"),
    "status": N_("Status"),
    "progress": N_("Progress"),
    "days_overdue": N_("Days overdue"),
    "product": N_("Product"),
    "category": N_("Category"),
    "raised_on": N_("Raised"),
    "resolved_on": N_("Resolved"),
    "unit_short": N_("Unit"),
    "total": N_("Total"),
    "done_on_time": N_("On time"),
    "done_late": N_("Late"),
    "open_in_time": N_("In time"),
    "overdue": C_("overdue", "Overdue"),
    "no_deadline": N_("No deadline"),
    "cancelled": C_("cancelled", "Cancelled"),
    "completion_rate": N_("Completion"),
    "on_time_rate": C_("on_time_rate", "On time"),
    "totals": C_("totals", "Total"),
    "report_title": N_("Directive follow-up report"),
    "as_of": N_("as of"),
    "period": N_("Period"),
    "overdue_list": N_("Overdue directives"),
    "limitations": N_("Limitations"),
    "meetings": N_("Meetings in the period"),
    "history": N_("History"),
    "rate_base": N_("Completion is counted on directives that came due (done + overdue)"),
    # after a label: "Due within 7 days: none" (never "None", which reads as a value left out)
    "none": C_("after_label", "none"),
    "none_sentence": N_("Nothing to report."),  # a table without rows, said where it would be
    "ev_assigned": N_("Assigned"),
    "ev_progress": N_("Progress"),
    "ev_extended": N_("Extended"),
    "ev_completed": N_("Completed"),
    # a completion that counts from the day the office accepted it: one event
    "ev_completed_accepted": N_("Completed (accepted)"),
    "ev_cancelled": N_("Cancelled"),
    "open": N_("Open"),
    "resolved": C_("resolved", "Resolved"),
    # import / export
    "imp_row": N_("Row"),
    "imp_action": N_("Action"),
    "imp_problems": N_("Problems, warnings"),
    "imp_act_create": N_("create"),
    "imp_act_update": N_("update"),
    "imp_act_unchanged": N_("unchanged"),
    "imp_act_skip": N_("skip"),
    "imp_act_section": N_("heading"),
    "imp_act_error": N_("ERROR"),
    # packs
    "pk_file": N_("File"),
    "pk_lead": N_("Lead"),
    "pk_with": C_("pack", "Coordinating"),
    "pk_to": N_("To"),
    "pk_sent": N_("Sent"),
    "pk_sheet": N_("Sheet"),
    "pk_what": N_("What"),
    "pk_due": N_("Answer by"),
    "pk_answered": N_("Answered"),
    "pk_on_time": C_("pack", "On time"),
    "pk_items": N_("Items answered"),
    "yes": N_("yes"),
    "no": N_("no"),
    "pk_act_applied": N_("applied"),
    "pk_act_conflict": N_("CONFLICT"),
    "pk_act_kept_office": N_("office kept"),
    "pk_act_took_unit": N_("unit's taken"),
    "pk_act_applied_dry": N_("to apply"),
    "pk_act_took_unit_dry": N_("unit's to take"),
    "pk_act_unchanged": N_("already in"),
    "pk_ch_done": N_("done on {date}"),
    "pk_ch_progress": N_("progress {percent}%"),
    "pk_ch_note": N_("progress note"),
    "pk_ch_asks": N_("asks for a new deadline: {date} (request {request})"),
    "pk_ch_asks_new": N_("asks for a new deadline: {date} (would be recorded as a request)"),
    "pk_ch_asks_not": N_("asks for a new deadline: {date} (not recorded)"),
    "env_title": N_("Environment variables dirtrack reads (and no other)"),
    "env_variable": N_("Variable"),
    "env_meaning": N_("What it does"),
    "env_not_set": N_("(not set)"),
    "env_db": N_("the database, as --db"),
    "env_lang": N_("the language, as --lang"),
    "env_actor": N_("who makes changes, as --actor"),
    "env_config": N_("the configuration file to read"),
    "env_no_color": N_("tables without colour"),
    # the office profile
    "office_title": N_("Office profile"),
    "office_kind": N_("Kind of body"),
    "office_kind_party": N_("Party body (Quy định 66-QĐ/TW, Hướng dẫn 36-HD/VPTW)"),
    "office_kind_state": N_("State body (Nghị định 30/2020/NĐ-CP)"),
    "office_parent_body": N_("Governing body"),
    "office_body": N_("Issuing body"),
    "office_code": N_("Issuer code (ký hiệu)"),
    "office_place": N_("Place (date line)"),
    "office_signer_name": N_("Signer"),
    "office_signer_title": N_("Signer's title"),
    "office_signer_authority": N_("Signing authority"),
    "office_to": N_("Recipients (Kính gửi)"),
    "office_template": N_("Report template"),
    # documents an office files
    "doc_party_name": N_("COMMUNIST PARTY OF VIETNAM"),
    "doc_nation": N_("SOCIALIST REPUBLIC OF VIETNAM"),
    "doc_motto": N_("Independence - Freedom - Happiness"),
    "doc_number_party": C_("party body", "No. {number}"),
    "doc_number_state": C_("state body", "No. {number}"),
    "doc_regarding": N_("Re: {subject}"),
    "doc_to": N_("To:"),
    "doc_copies": N_("Recipients:"),
    "doc_keep_state": N_("File: Records."),
    "doc_keep_party": N_("File: the Office."),
    "doc_stt": N_("No."),
    "doc_annex": N_("Annex"),
    "doc_annex_subject": N_("Directives by unit"),
    "doc_annex_of": N_("(attached to report No. {number} of {date})"),
    "doc_report_type": N_("Report"),
    "doc_report_subject": N_("Follow-up of the leaders' conclusions and directives, {period}"),
    # the body's last sentence, before the signature (a text that keeps it off a page alone)
    "doc_report_closing": N_("This concludes the report on {subject}."),
    "doc_meeting_doc": N_("{doc} of {date}"),
    "doc_meeting_date": N_("meeting of {date}"),
    "report_summary_no_meetings": N_("No meeting was held in the period."),
    "report_summary_no_overdue": N_("No directive is overdue."),
    "report_sheet_chart": N_("Chart"),
    "report_urged": N_("Urged"),
    "report_summary_urged": NP_(
        "{n} urging letter was sent in the period: {units}.",
        "{n} urging letters were sent in the period: {units}.",
    ),
    "xlsx_page": N_("Page {page} of {pages}"),
    "urge_subject": N_("urging the directives assigned"),
    "urge_opening": NP_(
        "Following up the directives given at the leaders' meetings, as of {date}, {unit} "
        "has {n} overdue directive not yet done",
        "Following up the directives given at the leaders' meetings, as of {date}, {unit} "
        "has {n} overdue directives not yet done",
    ),
    "urge_opening_soon": N_(", and {m} falling due within the next {days}"),
    # --within 0 (see within_key): the directives falling due that day, not "within the next 0 days"
    "urge_opening_soon_today": N_(", and {m} falling due that day"),
    "urge_opening_only_soon": NP_(
        "Following up the directives given at the leaders' meetings, as of {date}, {unit} has "
        "{n} directive falling due within the next {days}",
        "Following up the directives given at the leaders' meetings, as of {date}, {unit} has "
        "{n} directives falling due within the next {days}",
    ),
    "urge_opening_only_soon_today": NP_(
        "Following up the directives given at the leaders' meetings, as of {date}, {unit} has "
        "{n} directive falling due that day",
        "Following up the directives given at the leaders' meetings, as of {date}, {unit} has "
        "{n} directives falling due that day",
    ),
    "urge_opening_end": N_(", as follows:"),
    "urge_ask": N_(
        "{unit} is asked to carry out the directives above without delay and to report the "
        "results (for those not done: the reasons, and a proposed deadline or an extension "
        "request) by {date}."
    ),
    "urge_again": N_("This is urging letter no. {n} to the unit."),
    "urge_text": N_("What was assigned"),
    "urge_source": N_("Assigned by"),
    "urge_days_left": N_("Days left"),
    "urge_overdue_title": N_("Overdue directives not yet done"),
    "urge_soon_title": NP_(
        "Directives falling due within {n} day", "Directives falling due within {n} days"
    ),
    "urge_soon_title_today": N_("Directives falling due on {date}"),
    "urge_as_above": N_("As above"),
}


MESSAGES: dict[str, Entry] = {
    "contact_set": N_("{unit}: {role} contact is now {name}"),
    "pack_nothing": N_("{unit}: nothing to ask about in {period}: no workbook"),
    "pack_written": NP_(
        "{n} workbook written to {dir}; answers due by {due}",
        "{n} workbooks written to {dir}; answers due by {due}",
    ),
    "pack_none_written": N_("no workbook written to {dir}: no unit has anything to ask about"),
    "pack_no_address": N_("{unit}: no e-mail address (unit contact): {file} is not sent"),
    "pack_not_sent": N_("{unit}: not sent: {reason}"),
    "pack_mail_untried": NP_(
        "{n} more unit not tried ({units}): the mail server failed as said above",
        "{n} more units not tried ({units}): the mail server failed as said above",
    ),
    "pack_sent": NP_("{n} pack sent", "{n} packs sent"),
    # pack in, per file: what it did, the clauses of a count of 0 left out (pack_in_n_*)
    "pack_in_dry": N_("{file} ({unit}): {counts} (dry run: nothing written)"),
    "pack_in_done": N_("{file} ({unit}): {counts}"),
    "pack_in_blank": N_("{file} ({unit}): no answer filled in"),
    "pack_in_requests": NP_(
        "{file}: {n} request for a new deadline recorded ({ids}); the deadline in force is "
        "unchanged until it is approved (approve REQUEST, or extend ID --from-request REQUEST) "
        "or rejected",
        "{file}: {n} requests for a new deadline recorded ({ids}); the deadlines in force are "
        "unchanged until they are approved (approve REQUEST, or extend ID --from-request "
        "REQUEST) or rejected",
    ),
    "pack_in_requests_dry": NP_(
        "{file}: {n} request for a new deadline would be recorded",
        "{file}: {n} requests for a new deadline would be recorded",
    ),
    "pack_in_conflicts_left": N_(
        "conflicts are left as the office has them: settle them by hand, or read the file "
        "again with --prefer office or --prefer unit"
    ),
    "pack_in_conflicts_left_unit": N_(
        "conflicts --prefer unit cannot settle (a completed, cancelled or withdrawn "
        "directive; a request or a completion waiting for an answer) are left as the office "
        "has them: settle them by hand, or read the file again with --prefer office"
    ),
    "key_exists": N_("key {key!r} exists already: {ids} (nothing written)"),
    "progress": N_("directive {id}: progress logged on {date}"),
    "done": N_("directive {id}: completed on {date}"),
    "extend": N_("directive {id}: deadline {due} approved on {date}"),
    "cancel": N_("directive {id}: cancelled on {date}"),
    "resolve": N_("limitation {id}: resolved on {date}"),
    "draft_recorded": N_("recorded meeting {id}: {things}"),
    "draft_recorded_bare": N_("recorded meeting {id}, with no limitation or directive"),
    "draft_recorded_already": NP_(
        "meeting {id} was recorded from this draft already: nothing written, {n} item unchanged",
        "meeting {id} was recorded from this draft already: nothing written, {n} items unchanged",
    ),
    "draft_no_items": N_(
        "no limitation or directive was found in the text: add them to the draft by hand (copy "
        "a [[directives]] or [[limitations]] block) or check that it is the meeting's account"
    ),
    "draft_missing": N_("the text does not give {what}: fill it in the draft before importing it"),
    # the same, said by extract --apply: the draft is recorded already, the meeting is what to fix
    "draft_missing_recorded": N_(
        "the text does not give {what}: check meeting {id} as recorded (dirtrack edit meeting "
        "{id} corrects it)"
    ),
    "draft_future": N_(
        "the text dates the meeting {day}, after today ({today}): check the date in the draft, "
        "or give it with --date"
    ),
    # the same, said by extract --apply: the meeting is recorded already, its date is what to fix
    "draft_future_recorded": N_(
        "the text dates the meeting {day}, after today ({today}): check the date of meeting {id} "
        "as recorded (dirtrack edit meeting {id} --date corrects it)"
    ),
    # The comments a TOML draft starts with (``extract``), for the clerk who corrects it.
    "draft_header": N_(
        "Draft of a meeting record made by `dirtrack extract`: check every value against the "
        'source. A missing key means "unknown" (TOML has no null). Delete a [[limitations]] or '
        "[[directives]] block to drop it; copy one to add another. `unit`: a unit's code or "
        'name; leave it out for "every unit" (at a meeting with one unit: that unit). `due`: a '
        'date (2022-09-30) or a phrase such as "30/9/2022" or "quý III/2022". `doc`: the '
        "document's number (a notice, a letter, a conclusion); `product`: what the unit hands "
        "in. Keep the `key` lines: they make a second import of this draft a no-op."
    ),
    "draft_not_given": N_("The text does not give: {what} (fill them in)."),
    "missing_date": N_("the meeting's date (--date)"),
    "missing_year": N_(
        "the meeting's year (the draft takes the latest that does not put the meeting after "
        "today, within a term or period the text names; --date)"
    ),
    "missing_title": N_("a title for the meeting"),
    "missing_chair": N_("who chaired it (--chair)"),
    "missing_units": N_("any unit"),
    "overdue_count": NP_(
        "{n} overdue directive as of {date}", "{n} overdue directives as of {date}"
    ),
    # import / export / backup
    "imp_file": N_("File {file}{sheet}; header row {header}; as of {as_of}"),
    "imp_columns": N_("Columns: {columns}"),
    "imp_ignored": N_("Columns left out: {columns}"),
    "imp_unknown": NP_(
        "Unknown unit {name!r} (row {rows}): {message}",
        "Unknown unit {name!r} (rows {rows}): {message}",
    ),
    "imp_new_units": N_("New units: {units}"),
    # An import's summary: the clauses of imp_create… (or imp_created…) that are not 0, each
    # with the things it counts that are not 0; imp_nothing when every count is 0.
    "imp_would": N_("Would {changes}"),
    "imp_done": N_("imported {file}: {changes}"),
    "imp_would_json": N_("would import {file}: {changes}"),
    "imp_warning": N_("Warning: {text}"),
    "imp_skipped": NP_(
        "Sheet passed over by --sheet all: {sheets}",
        "Sheets passed over by --sheet all: {sheets}",
    ),
    "imp_skipped_sheet": N_("{sheet!r} ({reason})"),
    # the stages of a progress bar
    "progress_reading": N_("Reading"),
    "progress_checking": N_("Checking rows"),
    "progress_writing": N_("Writing"),
    "progress_exporting": N_("Exporting"),
    "progress_copying": N_("Copying"),
    "imp_more": NP_(
        "… and {n} more warning (--dry-run shows them all)",
        "… and {n} more warnings (--dry-run shows them all)",
    ),
    "exported": N_("exported to {file}"),
    "backed_up": N_("backed up to {file} ({size}; {counts})"),
    "backed_up_stdout": N_("backed up to standard output ({size}; {counts})"),
    "restored": N_("restored {file} into {db} ({counts}); the previous database is kept as {kept}"),
    "restored_new": N_("restored {file} into {db} ({counts})"),
    "urge_none": N_("no unit has anything overdue as of {date}: no letter written"),
    "urge_wrote": N_("{unit}: letter written to {path}"),
    "office_template_wrote": N_("report template ({kind}) written to {path}"),
}


# --- the report: text, documents, sheets ---------------------------------------------------

TEXT.update(
    {
        # a column and its table, in a message said in a language other than English
        # ("unit.code" in English): "mã của đơn vị"
        "field_of": N_("{field} of the {entity}"),
    }
)

TEXT.update(
    {
        # the placeholders doctor --repair stores for records another program deleted
        "repair_unit_name": N_("Unit {id} (re-created by dirtrack doctor --repair)"),
        "repair_field_name": N_("Field {id} (re-created by dirtrack doctor --repair)"),
        "repair_meeting_title": N_("Meeting {id} (re-created by dirtrack doctor --repair)"),
        "repair_series_text": N_("Series {id} (re-created by dirtrack doctor --repair)"),
    }
)

TEXT.update(
    {
        "pack_in_n_applied": N_("applied: {n}"),
        "pack_in_n_to_apply": N_("to apply: {n}"),
        "pack_in_n_conflicts_left": N_("conflicts left: {n}"),
        "pack_in_n_conflicts": N_("conflicts: {n}"),
        "pack_in_n_kept": N_("kept as the office has them: {n}"),
        "pack_in_n_to_keep": N_("to keep as the office has them: {n}"),
        "pack_in_n_unchanged": N_("already in: {n}"),
    }
)

TEXT.update(
    {
        # the mail that takes a unit its pack (pack out --mail), in the run's language
        "pack_mail_subject": N_(
            "Request to report progress on the directives of {period} – {unit}"
        ),
        "pack_mail_to": N_("To: {unit}"),
        "pack_mail_lead": NP_("{n} directive it leads", "{n} directives it leads"),
        "pack_mail_with": NP_("{n} directive it coordinates", "{n} directives it coordinates"),
        "pack_mail_ask": N_(
            "The office asks your unit to report its progress on the directives assigned to it in "
            "{period}, in the attached form ({file}: {counts})."
        ),
        "pack_mail_how": N_(
            "Please fill in the yellow cells of the form (the first sheet says how), keep the "
            "file's name and send it back by {date}."
        ),
        "pack_mail_close": N_("Yours faithfully."),
    }
)

TEXT.update(
    {
        "series_stop_removed": NP_("{n} later occurrence removed", "{n} later occurrences removed"),
        "series_stop_kept": NP_(
            "kept (something recorded on it): {kept}",
            "kept (something recorded on them): {kept}",
        ),
    }
)

TEXT.update(
    {
        "report_cutoff": N_("Cut-off"),
        "report_cutoff_calendar": N_("calendar months"),
        "report_cutoff_nd09": N_("Decree 09/2019/NĐ-CP windows (15th to 14th)"),
        "report_as_of_label": N_("Figures as of"),
        "report_scope": N_("Scope"),
        "report_scope_unit": N_("{unit} and the units under it"),
        "report_all_units": N_("all units"),
        "report_rolled_up": N_("child units rolled up"),
        "report_by_unit": N_("By lead unit"),
        "report_rolled_detail": N_("Units rolled up"),
        "report_rolled_into": N_("Rolled into"),
        "report_by_chair": N_("By the meeting's chair"),
        "report_chair_title": N_("Position"),
        "report_meetings_count": N_("Meetings"),
        "report_no_chair": N_("(no chair recorded)"),
        "report_prev_short": N_("previous"),
        "report_now_short": N_("this period"),
        "report_change": N_("change"),
        "report_done": N_("Done"),
        "report_trends": N_("Compared with the previous period"),
        "report_ranking_completion": N_("Ranking by completion rate"),
        "report_ranking_overdue": N_("Ranking by overdue directives"),
        "report_rank": N_("Rank"),
        "report_progress_pct": N_("Progress (%)"),
        "report_completed_on": C_("report_completed_on", "Completed"),
        "report_limitation_summary": N_("Limitations: raised, resolved, still open, repeated"),
        "report_lim_raised": C_("report_lim_raised", "Raised"),
        "report_lim_resolved": C_("report_lim_resolved", "Resolved"),
        "report_lim_open": N_("Still open"),
        "report_lim_repeated": N_("Repeated"),
        "report_repeated_limitations": N_("Limitations raised repeatedly"),
        "report_times": N_("Times raised"),
        "report_since": N_("Since"),
        "report_first_raised": N_("First raised"),
        "report_last_raised": N_("Last raised"),
        "report_lim_state": N_("State"),
        "report_ids": N_("Occurrences (ids)"),
        "report_limitations_list": N_("Limitations raised in the period or still open"),
        "report_repeat_of": N_("Repeats"),
        "report_directive": N_("Directive"),
        "report_cause_kind": N_("Source"),
        "report_cause_extension": N_("Reason for an extension"),
        "report_cause_progress": N_("The unit's latest note"),
        "report_no_comparison": N_("cannot be compared"),
        "report_unchanged": C_("report_unchanged", "unchanged"),
        "report_up": N_("up"),
        "report_down": N_("down"),
        "report_points": N_("percentage points"),
        "report_results": N_("Results"),
        "report_shortcomings": N_("Shortcomings and limitations"),
        "report_causes": N_("Causes"),
        "report_next_period": N_("Directives for the next period"),
        "report_due_soon": NP_("Due within {n} day", "Due within {n} days"),
        "report_due_soon_today": N_("Due on {date}"),
        "report_carried_over": N_("Open directives carried into the next period"),
        "report_annex": N_("Annex: directives by unit"),
        "report_chart_title": N_("Completion rate by unit (%)"),
        "report_chart_heading": N_("Chart of completion by unit"),
        "report_no_rate": N_("nothing due"),
        "report_completion_bar": N_("Completion (bar)"),
        "ev_moved": N_("Moved"),
        "report_item": N_("Item"),
        "report_doc_title": C_("document", "Title"),
        "report_value": N_("Value"),
        "report_score": N_("Similarity (%)"),
        "report_first_id": N_("First (id)"),
        "report_linked": N_("Linked"),
        "report_rate_num": N_("numerator"),
        "report_rate_den": N_("denominator"),
        # The counts sentence, clause by clause: a clause whose count is 0 is left out.
        "report_summary_counts": N_("In the period units worked on {total}"),
        "report_summary_no_directives": N_("In the period units had no directives to carry out."),
        "report_counts_no_deadline": N_("{n} of them without a deadline"),
        "report_counts_done": N_("{n} done"),
        "report_counts_on_time": N_("{n} on time"),
        "report_counts_late": N_("{n} late"),
        "report_counts_all_on_time": N_("all on time"),
        "report_counts_all_late": N_("all late"),
        "report_counts_one_on_time": C_("one done", "on time"),
        "report_counts_one_late": C_("one done", "late"),
        "report_counts_in_time": N_("{n} open within their deadline"),
        "report_counts_overdue": N_("{n} overdue"),
        "report_counts_cancelled": N_("besides, {n} cancelled"),
        "remind_overdue_n": NP_("{n} overdue directive", "{n} overdue directives"),
        "remind_due_n": NP_("{n} directive due soon", "{n} directives due soon"),
        "remind_stale_n": NP_(
            "{n} directive with no update for over {days}",
            "{n} directives with no update for over {days}",
        ),
        "report_summary_rates": N_(
            "Completion rate on directives that came due: {completion}; done on time: {on_time}."
        ),
        "report_summary_trend": N_(
            "Compared with {previous}: completion rate {completion}; overdue directives {overdue}."
        ),
        "report_summary_rank": N_(
            "Highest completion rate: {best} ({best_pct}); lowest: {worst} ({worst_pct})."
        ),
        "report_summary_rank_equal": N_("Every unit has the same completion rate: {pct}."),
        "report_named_others": NP_("{names} and {n} other unit", "{names} and {n} other units"),
        "report_summary_meetings": NP_(
            "{n} meeting was held in the period.", "{n} meetings were held in the period."
        ),
        "report_summary_overdue": NP_("{n} directive is overdue.", "{n} directives are overdue."),
        # The limitations sentence, clause by clause (a clause whose count is 0 left out).
        "report_summary_limitations": N_("Limitations: {clauses}."),
        "report_summary_no_limitations": N_(
            "No limitation was raised or resolved in the period, and none is still open."
        ),
        "report_lims_raised": N_("{n} raised"),
        "report_lims_resolved": N_("{n} resolved in the period"),
        "report_lims_open": N_("{n} still open"),
        "report_lims_repeated": N_("{n} raised again"),
        "report_times_since": NP_(
            "raised {n} time since {since}", "raised {n} times since {since}"
        ),
        "report_causes_intro": N_(
            "Causes where recorded: reasons given for extensions and the "
            "units' latest notes on overdue directives."
        ),
        "report_no_causes": N_("No causes were recorded."),
        # The next period's sentence: the clauses of a count of 0 left out.
        "report_summary_next": NP_(
            "Next period: {n} open directive carries over",
            "Next period: {n} open directives carry over",
        ),
        "report_summary_next_none": N_("Next period: no open directive carries over"),
        "report_next_soon": N_("{n} due within {days}"),
        "report_next_soon_today": N_("{n} due on {date}"),
        "report_next_open": N_("limitations still to be overcome: {n}"),
        "report_sheet_about": N_("About"),
        "report_sheet_units": N_("By unit"),
        "report_sheet_children": N_("Rolled-up units"),
        "report_sheet_chair": N_("By chair"),
        "report_sheet_trends": N_("Trends"),
        "report_sheet_rank_completion": N_("Rank by completion"),
        "report_sheet_rank_overdue": N_("Rank by overdue"),
        "report_sheet_meetings": C_("report_sheet_meetings", "Meetings"),
        "report_sheet_overdue": C_("overdue", "Overdue"),
        "report_sheet_lim_summary": N_("Limitation summary"),
        "report_sheet_repeated": N_("Repeated limitations"),
        "report_sheet_limitations": C_("report_sheet_limitations", "Limitations"),
        "report_sheet_causes": N_("Causes"),
        "report_sheet_due_soon": N_("Due soon"),
        "report_sheet_next": N_("Next period"),
        "report_sheet_directives": N_("Directives"),
        "report_sheet_packs": N_("Units' answers"),
        "report_packs": N_("Units' answers to the report packs"),
        "report_pk_made": N_("Pack made"),
        "report_pk_answer": N_("Answer"),
        "report_pk_on_time": C_("pack answer", "on time"),
        "report_pk_late": C_("pack answer", "late"),
        "report_pk_missing": N_("not answered, past the day asked"),
        "report_pk_waiting": N_("not answered yet"),
        # The packs' sentence: the clauses of a count of 0 left out.
        "report_summary_packs": NP_("Packs made for {n} unit", "Packs made for {n} units"),
        "report_packs_sent": N_("{n} sent by mail"),
        "report_packs_answered": N_("{n} answered"),
        "report_packs_missing": N_("{n} not answered past the day asked{who}"),
        "report_packs_waiting": N_("{n} not yet due"),
    }
)

MESSAGES.update(
    {
        "report_retired": NP_(
            "unit {unit} retired on {date}; {n} open directive moved to {successor}: {ids}",
            "unit {unit} retired on {date}; {n} open directives moved to {successor}: {ids}",
        ),
        "report_handed": NP_(
            "{unit}'s part in the {n} open directive it coordinated passes to {successor}: {ids}",
            "{unit}'s part in the {n} open directives it coordinated passes to {successor}: {ids}",
        ),
        # a directive recorded after a unit it names retired, at a meeting held before: handed
        # over at once, as unit retire did on that day
        "passed_lead": N_(
            "unit {unit} retired on {date}: directive {id} passes to {successor} from that day"
        ),
        "passed_with": N_(
            "unit {unit} retired on {date}: its part in directive {id} passes to {successor} from "
            "that day"
        ),
        "passed_lead_reopened": N_(
            "unit {unit} retired on {date}: directive {id}, open again, passes to {successor} "
            "from {since}"
        ),
        "passed_with_reopened": N_(
            "unit {unit} retired on {date}: its part in directive {id}, open again, passes to "
            "{successor} from {since}"
        ),
        "report_retired_none": N_(
            "unit {unit} retired on {date} (successor {successor}); it held no open directive"
        ),
        "report_linked": N_("limitation {id} linked as a repeat of limitation {first}"),
        # linked to the one typed after --to (or --repeat-of), itself a repeat: the link goes
        # to the first time it was raised, which the message names, and says why
        "report_link_replaced": N_(
            "limitation {id} was linked to limitation {before}: that link is replaced "
            "(dirtrack undo puts it back)"
        ),
        "report_linked_through": N_(
            "limitation {id} linked as a repeat of limitation {first}, the first time it was "
            "raised (limitation {to} repeats it)"
        ),
        "report_auto_linked": N_(
            "limitation {id} linked as a repeat of limitation {first} (raised "
            "{date}, {score}% alike); use --new or `dirtrack limitation "
            "unlink {id}` if it is not"
        ),
        "report_auto_linked_through": N_(
            "limitation {id} linked as a repeat of limitation {first}, through limitation "
            "{like} (raised {date}, {score}% alike); use --new or `dirtrack limitation unlink "
            "{id}` if it is not"
        ),
        "report_may_repeat": N_(
            "limitation {id} may repeat limitation {first} ({score}% alike); "
            "if so: `dirtrack limitation link {id} --to {first}`"
        ),
        "report_may_repeat_through": N_(
            "limitation {id} may repeat limitation {first}, through limitation {like} "
            "({score}% alike); if so: `dirtrack limitation link {id} --to {first}`"
        ),
        "report_unlinked": N_("limitation {id} is no longer linked to limitation {first}"),
        "report_wrote": N_("wrote {path}"),
    }
)


# --- reminders, history, configuration, doctor ----------------------------------------------

TEXT.update(
    {
        "remind_title": N_("Reminders"),
        "completed_on": N_("Completed on"),
        "done_by": N_("by {day}, exact day unknown"),
        # a deadline in force set by an extension of a directive given none at the meeting
        "due_none_at_first": N_("extended; no deadline at first"),
        "due_soon": N_("Due soon"),
        "last_update": N_("Last update"),
        # the headers of fields --fields names that no column of the listing shows (a field in
        # FIELDS has its words there)
        "col_due_phrase": N_("Deadline in words"),
        "col_extensions": N_("Extensions approved"),
        "col_meeting_date": N_("Meeting date"),
        "col_scheduled": N_("Scheduled day"),
        "col_unit_name": N_("Unit name"),
        "col_before": N_("Before the change"),
        "col_after": N_("After the change"),
        "col_command_id": N_("Command no."),
        "col_entity": N_("Kind of record"),
        "col_entity_id": N_("Record ID"),
        "col_fields": N_("Changed fields"),
        "col_successor": N_("Successor unit"),
        "col_items": N_("Items asked"),
        "col_days_since_update": N_("Days since update"),
        "col_last_touched_at": N_("Last changed at"),
        "col_last_touched_by": N_("Last changed by"),
        "col_last_update_event": N_("Last update was"),
        "col_stale": N_("No recent update"),
        "col_occurrences": N_("Occurrences"),
        "col_until": N_("Until"),
        "col_repeat_of": N_("Repeats"),
        "when": N_("When"),
        "actor": N_("By"),
        "command": N_("Command"),
        "changes": N_("Changes"),
        "undone_by": N_("Undone by"),
        "setting": N_("Setting"),
        "value": C_("value", "Value"),
        "source": N_("Source"),
        "origin": N_("From"),
        "config_file": N_("Configuration file"),
        "src_option": N_("command line"),
        "src_env": N_("environment"),
        "src_file": N_("config file"),
        "src_default": N_("default"),
        "check": N_("Check"),
        "result": N_("Result"),
        "detail": N_("Detail"),
        "ok": N_("ok"),
        "problem": N_("problem"),
        "warning": N_("warning"),
        "doctor_title": N_("Database check"),
        "ent_directive": N_("directive"),
        "ent_progress_entry": N_("progress"),
        "ent_extension": N_("extension"),
        "ent_directive_coordinator": N_("coordinating unit"),
        "ent_meeting": N_("meeting"),
        "ent_meeting_attendee": N_("attending unit"),
        "ent_limitation": N_("limitation"),
        "ent_unit": N_("unit"),
        "ent_unit_alias": N_("unit alias"),
        "ent_unit_contact": N_("unit contact"),
        "ent_pack": N_("pack"),
        "ent_pack_item": N_("pack item"),
        "ent_office": N_("office profile"),
        "ent_urging": N_("urging letter"),
        "ent_urging_directive": N_("directive urged"),
        "ent_directive_result": N_("result"),
        "ent_closure": N_("closure ended by a reopening"),
        "ent_returned_completion": N_("returned completion"),
        "ent_request": N_("request"),
        "ent_field": N_("field"),
        "ent_leader": N_("leader"),
        "ent_leader_assignment": N_("assignment of a leader"),
        "ent_series": N_("periodic directive"),
        "ent_series_coordinator": N_("coordinating unit of a periodic directive"),
        "ent_calendar_day": N_("day of the office calendar"),
        "act_create": N_("created"),
        "act_update": N_("changed"),
        "act_delete": N_("deleted"),
    }
)

# The change log's column names as people read them in ``history`` (JSON keeps the names).
FIELDS: dict[str, Entry] = {
    "code": N_("code"),
    "name": N_("name"),
    "parent_id": N_("parent unit"),
    "successor_id": N_("successor"),
    "retired_on": N_("retired on"),
    "unit_id": C_("field", "unit"),
    "alias": N_("alias"),
    "meeting_id": C_("field", "meeting"),
    "date": C_("field", "date"),
    "title": C_("field", "title"),
    "kind": C_("field", "kind"),
    "chair": C_("field", "chair"),
    "chair_title": N_("chair's title"),
    "doc": N_("document"),
    "note": C_("field", "note"),
    "key": N_("script key"),
    "text": C_("field", "text"),
    "original_due": N_("original deadline"),
    "due_text": N_("deadline as written"),
    "product": C_("field", "product"),
    "completed_on": N_("completed on"),
    "completed_on_exact": N_("exact completion date"),
    "completion_note": N_("completion note"),
    "cancelled_on": N_("cancelled on"),
    "cancel_reason": N_("reason for cancelling"),
    "directive_id": C_("field", "directive"),
    "reported_on": N_("reported on"),
    "percent": N_("percent"),
    "approved_on": N_("approved on"),
    "new_due": N_("new deadline"),
    "reason": C_("field", "reason"),
    "category": C_("field", "category"),
    "resolved_on": N_("resolved on"),
    "resolve_note": N_("resolution note"),
    "repeat_of_id": N_("repeat of"),
    # the office calendar, the office profile, fields and leaders
    "day": N_("day"),
    "off": N_("day off"),
    "parent_body": N_("governing body"),
    "body": N_("issuing body"),
    "place": N_("place"),
    "signer_name": N_("signer"),
    "signer_title": N_("signer's title"),
    "signer_authority": N_("signing authority"),
    "recipients": N_("recipients"),
    "template": N_("report template"),
    "accepts_completions": N_("accepts completions"),
    "on_time_by": N_("on time judged by"),
    "leader_id": N_("leader"),
    "field_id": N_("field"),
    "start": C_("field", "from"),
    # periodic directives
    "series_id": N_("periodic directive"),
    "every": C_("field", "every"),
    "offset": N_("days after the period"),
    "starts_on": N_("first day"),
    "ends_on": N_("last day"),
    "next_start": N_("next period begins"),
    "period": C_("field", "period"),
    "issued_on": N_("issued on"),
    "withdrawn_on": N_("withdrawn on"),
    # contacts, packs, urging letters
    "role": C_("field", "role"),
    "email": N_("e-mail"),
    "phone": N_("telephone"),
    "token": N_("token"),
    "period_label": C_("field", "period"),
    "period_start": N_("first day of the period"),
    "period_end": N_("last day of the period"),
    "made_on": N_("made on"),
    "answer_by": N_("answer by"),
    "file": C_("field", "file"),
    "sent_at": N_("sent at"),
    "sent_to": N_("sent to"),
    "sent_cc": N_("copy to"),
    "answered_on": N_("answered on"),
    "pack_id": N_("pack"),
    "base": N_("fingerprint when sent"),
    "shown": N_("cells sent"),
    "answer": C_("field", "answer"),
    "settled": N_("fingerprint after the answer"),
    "steps": N_("readings"),
    "as_of": N_("as of"),
    "number": C_("field", "number"),
    "reply_by": N_("reply by"),
    "urging_id": N_("urging letter"),
    "overdue": N_("overdue when urged"),
    # results and requests
    "claimed_on": N_("reported done on"),
    "doc_date": N_("result document date"),
    "file_hash": N_("file's SHA-256"),
    "verdict": C_("field", "verdict"),
    "accepted_on": N_("accepted on"),
    "returned_on": N_("returned on"),
    "return_reason": N_("reason for returning"),
    "returned_by": N_("returned by"),
    # closures ended by a reopening
    "closed_on": N_("closed on"),
    "reopened_on": N_("reopened on"),
    "reopen_reason": N_("reason for reopening"),
    "asked_on": N_("asked on"),
    "to_due": N_("deadline asked for"),
    "decision": C_("field", "decision"),
    "decided_on": N_("decided on"),
    "decision_doc": N_("decision document"),
    "decision_reason": N_("reason for the decision"),
    "objective": N_("objective cause"),
    "extension_id": N_("extension"),
}

MESSAGES.update(
    {
        "remind_scope": NP_(
            "as of {date}: overdue directives, and those due within {n} day (by {until})",
            "as of {date}: overdue directives, and those due within {n} days (by {until})",
        ),
        "remind_none": NP_(
            "Nothing overdue or due within {n} day as of {date}.",
            "Nothing overdue or due within {n} days as of {date}.",
        ),
        # --working-days: the count is of working days, and says so
        "remind_scope_working": NP_(
            "as of {date}: overdue directives, and those due within {n} working day (by {until})",
            "as of {date}: overdue directives, and those due within {n} working days (by {until})",
        ),
        "remind_none_working": NP_(
            "Nothing overdue or due within {n} working day as of {date}.",
            "Nothing overdue or due within {n} working days as of {date}.",
        ),
        # --within 0: the directives due that day, not "within 0 days"
        "remind_scope_today": N_("as of {date}: overdue directives, and those due on {until}"),
        "remind_none_today": N_("Nothing overdue or due on {date}."),
        "remind_totals": N_("In all: {clauses}."),
        "remind_due": N_("due {due}"),
        "remind_original": N_("originally {due}"),
        "remind_days_overdue": NP_("{n} day overdue", "{n} days overdue"),
        "remind_days_left": NP_("{n} day left", "{n} days left"),
        "remind_due_today": N_("due today"),
        "remind_progress": N_("progress {p}%"),
        "remind_with": N_("with: {units}"),
        "remind_product": N_("product: {product}"),
        "remind_last": NP_(
            "last update {date} ({event}, {n} day ago)",
            "last update {date} ({event}, {n} days ago)",
        ),
        "remind_last_today": N_("last update {date} ({event}, today)"),
        "remind_stale": NP_("⚠ no update for {n} day", "⚠ no update for {n} days"),
        "remind_touched": N_("last recorded by {who}, {when}"),
        "undone": N_("undone #{id} {command}: {changes}"),
        "undo_dry": N_("would undo #{id} {command}: {changes} (nothing written)"),
        "doctor_ok": N_("database {db}: no problems found"),
        "doctor_warned": NP_(
            "database {db}: no problems found, {n} warning (above)",
            "database {db}: no problems found, {n} warnings (above)",
        ),
        "doctor_failed": NP_(
            "database {db}: {n} problem found", "database {db}: {n} problems found"
        ),
        "repair_unit": NP_(
            "re-created unit {id} as {code}, not retired: {n} row points to it (dirtrack unit "
            "rename {code} NAME --code CODE gives it its own)",
            "re-created unit {id} as {code}, not retired: {n} rows point to it (dirtrack unit "
            "rename {code} NAME --code CODE gives it its own)",
        ),
        "repair_field": NP_(
            "re-created field {id} as {code}: {n} row points to it",
            "re-created field {id} as {code}: {n} rows point to it",
        ),
        "repair_meeting": NP_(
            "re-created meeting {id} held on {day}, {source}: {n} row points to it (dirtrack "
            "edit meeting {id} --date DAY --title TITLE gives it its own)",
            "re-created meeting {id} held on {day}, {source}: {n} rows point to it (dirtrack "
            "edit meeting {id} --date DAY --title TITLE gives it its own)",
        ),
        "repair_series": NP_(
            "re-created series {id} from {day}, making no new occurrence: {n} row points to it",
            "re-created series {id} from {day}, making no new occurrence: {n} rows point to it",
        ),
        "repair_limitation": NP_(
            "limitation {id} is not there: cleared the link of the {n} limitation that repeats it",
            "limitation {id} is not there: cleared the links of the {n} limitations that repeat it",
        ),
        "repair_series_coordinator": NP_(
            "series {id} is not there, nor any occurrence or meeting of it: removed the {n} "
            "coordinating unit it had",
            "series {id} is not there, nor any occurrence or meeting of it: removed the {n} "
            "coordinating units it had",
        ),
        "repair_closure": N_(
            "removed closure {id} of directive {directive}, a copy of closure {first} in every "
            "value, which counted the directive twice"
        ),
        # what doctor --repair will do, at a terminal before it asks
        "repair_unit_will": NP_(
            "will re-create unit {id} as {code}, not retired: {n} row points to it",
            "will re-create unit {id} as {code}, not retired: {n} rows point to it",
        ),
        "repair_field_will": NP_(
            "will re-create field {id} as {code}: {n} row points to it",
            "will re-create field {id} as {code}: {n} rows point to it",
        ),
        "repair_meeting_will": NP_(
            "will re-create meeting {id} held on {day}, {source}: {n} row points to it",
            "will re-create meeting {id} held on {day}, {source}: {n} rows point to it",
        ),
        "repair_series_will": NP_(
            "will re-create series {id} from {day}, making no new occurrence: {n} row points to it",
            "will re-create series {id} from {day}, making no new occurrence: {n} rows point to it",
        ),
        "repair_limitation_will": NP_(
            "limitation {id} is not there: will clear the link of the {n} limitation that repeats "
            "it",
            "limitation {id} is not there: will clear the links of the {n} limitations that "
            "repeat it",
        ),
        "repair_series_coordinator_will": NP_(
            "series {id} is not there, nor any occurrence or meeting of it: will remove the {n} "
            "coordinating unit it had",
            "series {id} is not there, nor any occurrence or meeting of it: will remove the {n} "
            "coordinating units it had",
        ),
        "repair_closure_will": N_(
            "will remove closure {id} of directive {directive}, a copy of closure {first} in "
            "every value"
        ),
        "repair_directive": N_(
            "gave directive {id}, closed on {day}, back to unit {code}, which held it then, "
            "before it retired ({retired}), from its successor {heir}"
        ),
        "repair_directive_will": N_(
            "will give directive {id}, closed on {day}, back to unit {code}, which held it "
            "then, before it retired ({retired}), from its successor {heir}"
        ),
        "repair_nothing": N_(
            "database {db}: nothing to repair (no row points to a record that is not there, no "
            "closure copies another, no directive closed before its unit retired is held by "
            "the successor)"
        ),
        "repair_enforced": N_(
            "database {db}: nothing to repair (PostgreSQL enforces foreign keys: no row can "
            "point to a record that is not there; no closure copies another, no directive "
            "closed before its unit retired is held by the successor)"
        ),
        "repair_done": NP_(
            "database {db}: {n} record repaired in one change (dirtrack undo takes it back); "
            "dirtrack doctor names the placeholders until they have their own names",
            "database {db}: {n} records repaired in one change (dirtrack undo takes it back); "
            "dirtrack doctor names the placeholders until they have their own names",
        ),
        # a repair that re-created nothing: links cleared, copies removed, directives given
        # back to the unit that held them
        "repair_settled": NP_(
            "database {db}: {n} record repaired in one change (dirtrack undo takes it back)",
            "database {db}: {n} records repaired in one change (dirtrack undo takes it back)",
        ),
        "config_none": N_("(none)"),
    }
)


# --- error messages (every `Error:` line follows --lang) ------------------------------------
#
# ``raise NotFound.of("no_directive", id=99)`` (dirtrack.errors): ``str(exc)`` is the English
# text, the CLI prints the one of the session's language. A value may be a :class:`Phrase` (a
# part of the message that is itself in this catalog), another DirtrackError (said in the same
# language) or a date (ISO in English, dd/mm/yyyy in Vietnamese); user data stays as given.

ERRORS: dict[str, Entry] = {
    "retire_key_clash": N_(
        "{successor} already holds a directive with the key of one to be "
        "moved: {pairs}; complete or cancel one of each pair first, then "
        "retire"
    ),
    # contacts and mail
    "bad_email": N_("{value!r} is not an e-mail address (name@domain.vn)"),
    "email_domain_char": N_(
        "{value!r} is not an e-mail address: its domain holds {char!r} ({code}), which no "
        "domain name holds"
    ),
    "refused_contact_address": N_(
        "{unit}: the e-mail address of its {role} contact, stored by an older version, is "
        "refused today: {problem}; dirtrack unit contact {unit} --role {role} --name NAME "
        "--email ADDRESS sets the right one"
    ),
    "pack_refused_address": N_("{refused}{more}; no workbook was written, no mail sent"),
    "pack_refused_more": NP_(
        " (and the address of {n} more unit: {units}; dirtrack doctor lists them)",
        " (and the addresses of {n} more units: {units}; dirtrack doctor lists them)",
    ),
    "email_mixed_scripts": N_(
        "{value!r} is not an e-mail address: its domain mixes scripts, {char!r} ({code}) among "
        "letters like {first!r}, so that it looks like an address it is not"
    ),
    "email_local_char": N_(
        "{value!r} is not an e-mail address: before the @ it holds {char!r} ({code}), which no "
        "address holds (RFC 5322: letters, digits, single dots and ! # $ % & ' * + - / = ? ^ _ "
        "` {{ | }} ~)"
    ),
    "email_local_scripts": N_(
        "{value!r} is not an e-mail address: before the @ it mixes scripts, {char!r} ({code}) "
        "among letters like {first!r}, so that it looks like an address it is not"
    ),
    "email_local_long": N_(
        "an e-mail address has at most 64 bytes before the @ (RFC 5321; a Vietnamese letter "
        "takes 2 or 3), not {n}"
    ),
    "email_long": N_(
        "an e-mail address has at most 254 bytes (RFC 5321; a Vietnamese letter takes 2 or 3), "
        "not {n}"
    ),
    "bad_phone": N_("{value!r} is not a telephone number (6 to 15 digits, with spaces, + - . ( ))"),
    "bad_contact_role": N_("role {role!r}: give one of {choices}"),
    "contact_no_name": N_("a contact needs a name"),
    "contact_name_long": N_("a contact's name has at most 200 characters, not {n}"),
    "json_contact_twice": N_("{where}: a second {role} contact; a unit has one of each"),
    "json_bad_contact": N_("{where}: {reason}"),
    "cfg_not_table": N_("{where}: [{key}] is a table of settings ([{key}] then key = value)"),
    "cfg_mail_key": N_("{where}: not a mail setting (known: {known})"),
    "cfg_risk_key": N_("{where}: not a risk setting (known: {known})"),
    "cfg_mail_number": N_("{where}: must be a whole number"),
    "cfg_mail_text": N_("{where}: must be text in quotes, not empty"),
    "cfg_not_text": N_("{where}: must be text in quotes, not {value}"),
    "cfg_risk_days": N_("{where}: {value!r} is not a number of days, 0 or more"),
    "cfg_risk_count": N_("{where}: {value!r} is not a whole number, 0 or more"),
    "cfg_risk_percent": N_("{where}: {value!r} is not a percentage from 0 to 100"),
    "cfg_risk_share": N_("{where}: {value!r} is not a share from 0 to 1 (0.25: a quarter)"),
    "cfg_risk_flag": N_("{where}: {value!r} is not true or false"),
    "cfg_mail_security": N_("{where}: {value!r} is not one of {known}"),
    "cfg_mail_port": N_("{where}: port {value} is not between 1 and 65535"),
    "cfg_mail_sender": N_("{where}: {value!r} is not an address (Office <office@example.vn>)"),
    "cfg_mail_control": N_("{where}: holds the control character {code}, which no setting may"),
    "cfg_mail_variable": N_(
        "{where}: {value!r} is not the name of an environment variable (letters, digits and _, "
        "not starting with a digit)"
    ),
    "cfg_mail_two_passwords": N_("{where}: give password_env or password_file, not both"),
    "mail_not_set": N_(
        "no mail server: the configuration file {path} needs a [mail] table with {keys} "
        "(see dirtrack config)"
    ),
    "mail_password_unset": N_(
        "the environment variable {name} that [mail] password_env names is not set"
    ),
    "mail_no_password": N_(
        "[mail] names user {user!r} but no password: add password_env or password_file"
    ),
    "mail_login": N_("{server} refused the login of {user!r} (wrong user or password): {detail}"),
    "mail_refused": N_("{server} refused the message: {detail}"),
    "mail_recipients": N_("{server} refused the recipients {who}"),
    "mail_not_smtp": N_(
        "{server} answered with something that is not SMTP (an SMTP reply starts with a "
        "three-digit code): is it a mail server, and is [mail] port its port?"
    ),
    "mail_tls": N_("TLS with {server} failed: {detail}"),
    "mail_no_starttls": N_(
        '{server} does not offer STARTTLS, which [mail] security = "starttls" asks for: set '
        'the security the server has ("tls" or "none")'
    ),
    "mail_tls_plain": N_(
        '{server} answers without TLS, which [mail] security = "tls" asks for: on that port '
        'the server speaks plain SMTP (security = "starttls" or "none"; "tls" is most often '
        "port 465)"
    ),
    "mail_no_auth": N_(
        "{server} offers no login (AUTH), which [mail] user asks for: many servers offer it "
        'only over TLS (security = "starttls" or "tls"); a server that takes mail without a '
        "login needs no user"
    ),
    "mail_no_smtputf8": N_(
        "{server} does not take addresses with letters outside ASCII (it does not offer "
        "SMTPUTF8): {who}"
    ),
    "mail_unreachable": N_("cannot reach the mail server {server}: {detail}"),
    "mail_some_failed": NP_(
        "mail to {n} unit failed ({units}); its workbook is written and recorded: send it again "
        "or by hand",
        "mail to {n} units failed ({units}); their workbooks are written and recorded: send them "
        "again or by hand",
    ),
    # packs
    "pack_gone": N_("pack {id} no longer exists"),
    "unit_dir_is_file": N_("--dir {value}: is a file, not a folder"),
    "unit_dir_link_to_nothing": N_(
        "--dir {value}: is a symbolic link to {target}, which does not exist (a disk not mounted?)"
    ),
    "unit_dir_no_parent": N_("--dir {value}: folder {folder} does not exist"),
    "unit_dir_not_writable": N_("--dir {value}: cannot write in it"),
    "unit_file_exists": N_("{file}: exists already; add --force to replace it"),
    "pack_text_too_long": N_(
        "directive {id}: a text of {n} characters does not fit in a workbook cell"
    ),
    "pack_empty_folder": N_("{folder}: holds no workbook (.xlsx)"),
    "pack_not_workbook": N_("{file}: not an Excel workbook (.xlsx) that can be read"),
    "pack_xls": N_(
        "{file}: an old Excel 97-2003 workbook (.xls), not the pack as it went out; open it in "
        "Excel or LibreOffice, save it as Excel (.xlsx) and give that to pack in"
    ),
    "pack_encrypted": N_(
        "{file}: the workbook is protected by a password to open it; open it in Excel, remove "
        "the password (File, Info, Protect Workbook, Encrypt with Password), save it and give "
        "that to pack in"
    ),
    "pack_ods": N_(
        "{file}: an OpenDocument spreadsheet (.ods), not the pack as it went out; open it in "
        "LibreOffice Calc or Excel, save it as Excel (.xlsx) and give that to pack in"
    ),
    "pack_not_regular": N_(
        "{file}: not a file but a pipe or a device: give the workbook (.xlsx) a unit returned"
    ),
    "pack_not_pack": N_("{file}: not a pack made by dirtrack pack out"),
    "pack_version": N_("{file}: a pack of another dirtrack version ({version})"),
    "pack_sheet_missing": N_("{file}: the sheet {sheet!r} is missing"),
    "pack_header_changed": N_(
        "{file}, sheet {sheet!r}, cell {cell}: the header was changed (it was {header!r})"
    ),
    "pack_cell_outside": N_(
        "{file}, sheet {sheet!r}, cell {cell}: something was typed outside the table"
    ),
    "pack_unknown": N_(
        "{file}: not a pack of this database (made from another database, or its pack was "
        "deleted since)"
    ),
    "pack_meta_changed": N_(
        "{file}: the hidden sheet of unit {unit}'s pack was changed: its {key} is not what was sent"
    ),
    "pack_row_added": N_(
        "{file}, sheet {sheet!r}, row {row}: a row that is not in the pack (ID {id!r})"
    ),
    "pack_row_added_no_id": N_(
        "{file}, sheet {sheet!r}, row {row}: a row that is not in the pack (without an ID)"
    ),
    "pack_row_deleted": N_(
        "{file}, sheet {sheet!r}, row {row}: directive {id} is no longer in the register (deleted "
        "after the pack was made?); to read the file, undo the deletion (dirtrack history, "
        "dirtrack undo), read it, then delete the directive again"
    ),
    "pack_row_twice": N_("{file}, sheet {sheet!r}, row {row}: directive {id} appears twice"),
    "pack_locked_changed": N_(
        "{file}, sheet {sheet!r}, cell {cell} ({header}): a locked cell was changed; only the "
        "yellow cells are the unit's"
    ),
    "pack_row_missing": NP_(
        "{file}, sheet {sheet!r}: the row of directive {id} was deleted ({n} row missing)",
        "{file}, sheet {sheet!r}: the row of directive {id} was deleted ({n} rows missing)",
    ),
    "pack_bad_percent": N_(
        "{file}, sheet {sheet!r}, cell {cell} ({header}): {value!r} is not a whole number from "
        "0 to 100"
    ),
    "pack_bad_date": N_(
        "{file}, sheet {sheet!r}, cell {cell} ({header}): {value!r} is not a date (20/9/2022)"
    ),
    "pack_cell_bad": N_("{file}, sheet {sheet!r}, cell {cell} ({header}): {reason}"),
    "pack_text_long": N_(
        "{file}, sheet {sheet!r}, cell {cell} ({header}): {n} characters, more than {limit}"
    ),
    "pack_date_not_day": N_(
        "the cell holds a number below 1 in a date format, which names no day (Excel shows it "
        "as a time or as ########): type the date, such as 20/9/2022"
    ),
    "pack_not_text": N_(
        "the cell holds the yes/no value {value} (a checkbox, or TRUE or FALSE typed), not a "
        "text: type the text itself"
    ),
    "pack_done_future": N_("the completion is after the day the answer came in ({day})"),
    "pack_done_not_100": N_("a completed directive's progress is 100 or left empty"),
    "pack_done_extend": N_("a completed directive needs no new deadline"),
    "pack_reason_no_date": N_("a reason for a new deadline needs the date asked for"),
    "pack_date_no_reason": N_(
        "a new deadline asked for needs its reason (Lý do gia hạn, or at least Giải trình)"
    ),
    "pack_bad_state": N_("{value!r} is not one of the list: {choices}"),
    "pack_state_needs_day": N_("{state!r} needs the day it was completed (Ngày hoàn thành)"),
    "pack_state_not_done": N_("a completion day is given: the state to choose is {state!r}"),
    "pack_state_needs_ask": N_("{state!r} needs the date asked for (Đề nghị gia hạn đến)"),
    "pack_state_not_started": N_("{state!r} beside progress of {n}%"),
    "pack_c_request": N_("request {request} for another new deadline waits for an answer"),
    "pack_doc_future": N_("the result document is dated after the day the answer came in ({day})"),
    "pack_c_cancelled": N_("the directive was cancelled on {date}"),
    "pack_c_completed": N_("the record has it completed on {date}"),
    "pack_c_awaiting": N_("the completion reported on {date} waits for accept or return"),
    "pack_c_withdrawn": N_("the directive was withdrawn from the programme on {date}"),
    "pack_c_less": N_("{percent}%, less than recorded ({recorded}%: {date})"),
    "pack_c_office": N_("the office changed this directive after the pack was made"),
    "pack_row_refused": N_("{file}, sheet {sheet!r}, row {row}: {reason}"),
    "pack_in_unshown": N_(
        "{failed}; the answers were recorded all the same, each file in its own transaction: "
        "{files} (history shows them; reading them again changes nothing)"
    ),
    "pack_files_refused": NP_(
        "{first}; and {n} more file was refused: {files} (the other files were read)",
        "{first}; and {n} more files were refused: {files} (the other files were read)",
    ),
    # words and phrases used inside other messages
    "w_meeting": N_("meeting"),
    "w_directive": N_("directive"),
    "w_limitation": N_("limitation"),
    "w_unit": N_("unit"),
    "w_code": N_("code"),
    "w_name": N_("name"),
    "w_alias": N_("alias"),
    "w_none": N_("none"),
    "w_stdin": N_("standard input"),
    "date_forms": N_("2022-05-06, 6/5/2022 (day first), 06-05-2022"),
    "do_progress": N_("log progress on"),
    "do_complete": N_("complete"),
    "do_extend": N_("extend"),
    "do_cancel": N_("cancel"),
    "day_progress": N_("progress date"),
    "day_completion": N_("completion date"),
    "day_approval": N_("approval date"),
    "day_new_deadline": N_("new deadline date"),
    "day_cancellation": N_("cancellation date"),
    "day_move": N_("move date"),
    # the command line
    "interrupted": N_("interrupted"),
    "terminated": N_("terminated (SIGTERM)"),
    "interrupted_saved": N_(
        "interrupted after the change was saved: it is recorded, as history shows"
    ),
    "terminated_saved": N_(
        "terminated (SIGTERM) after the change was saved: it is recorded, as history shows"
    ),
    "completion_instruction": N_(
        "{var}={value!r} is no completion request (complete_bash, source_zsh…: the shell's "
        "completion script sets it); unset it to run the command"
    ),
    "not_utf8_input": N_(
        "some input is not valid UTF-8 text; check the encoding of the terminal or file"
    ),
    "output_not_encodable": N_(
        "the output is set to {encoding}, which cannot write these characters (Vietnamese "
        "letters): set PYTHONIOENCODING=utf-8, or a UTF-8 locale, and run it again"
    ),
    "number_too_large": N_("a number is too large"),
    "file_os_failed": N_("{file!r}: {reason}"),
    "file_name_nul": N_("a file or folder name cannot hold the character U+0000 (NUL)"),
    "stdout_reader_left": N_(
        "the reader of standard output went away before it took all of it: nothing was "
        "recorded; run the command again with its output read whole or sent to a file"
    ),
    "database_busy": N_(
        "the database stayed busy (another dirtrack, or another program, held it for a minute): "
        "nothing was written; try again"
    ),
    "database_busy_held": N_(
        "the database stayed busy for a minute: process {pid} ({command}) held it{why}; "
        "nothing was written; try again"
    ),
    "busy_on_pipe": N_(
        ", waiting for its output to be read (a pipe nobody reads, such as a pager left open: "
        "read it, or send its output to a file)"
    ),
    "busy_stopped": N_(", stopped (Ctrl-Z: fg resumes it)"),
    "database_busy_held_pg": N_(
        "the database stayed busy for a minute: the server's session {pid} ({who}) held it{why}; "
        "nothing was written; try again"
    ),
    "busy_pg_unnamed": N_("a program that gave no name"),
    "busy_pg_user": N_("user {user}"),
    "busy_pg_local": N_("on the server's own socket"),
    "busy_pg_client": N_("from {client}"),
    "busy_pg_idle": N_(
        ", idle in a transaction open for {age} (the program waits for something else than "
        "the database: let it finish, or end that transaction)"
    ),
    "busy_pg_active": N_(", working in a transaction open for {age}"),
    "busy_pg_open": N_(", in a transaction open for {age}"),
    "age_s": N_("{s} s"),
    "age_min": N_("{m} min {s} s"),
    "age_h": N_("{h} h {m} min"),
    "unexpected": N_("unexpected {kind}: {detail}"),
    "bad_actor": N_("--actor needs a name of 1 to 200 characters"),
    "clock_out_of_range": N_(
        "the machine's clock says today is {day}: set its date and time (a clock before {first} "
        "or after {last} is wrong); dirtrack judges every status and every 'after today' by it"
    ),
    "clock_unreadable": N_(
        "the machine's clock gives a time no date holds: set its date and time; dirtrack "
        "judges every status and every 'after today' by it"
    ),
    "timezone_reversed": N_(
        "time zone {value!r} is {hours} hours behind UTC, not ahead: the names Etc/GMT+N "
        "reverse the sign, so {hours} hours ahead of UTC is Etc/GMT-{hours}; for Việt Nam's "
        "time give the zone by its place, Asia/Ho_Chi_Minh"
    ),
    "tz_posix_reversed": N_(
        "time zone {value!r} is {hours} hours behind UTC, not ahead: in TZ the sign is "
        "reversed (POSIX), so {hours} hours ahead of UTC is written {ahead}; for Việt Nam's "
        "time set TZ=Asia/Ho_Chi_Minh, or give --timezone Asia/Ho_Chi_Minh"
    ),
    "bad_timezone": N_("unknown time zone '{value}': give a name such as Asia/Ho_Chi_Minh, or UTC"),
    "bad_id": N_("{what} id must be a positive number, not {value}"),
    "no_fields": N_("--fields needs at least one field name, e.g. --fields id,status"),
    "unknown_fields": NP_(
        "unknown field {names}; use some of: {known}",
        "unknown fields {names}; use some of: {known}",
    ),
    "unit_or_attendees": N_("give --unit (one or more) or --attendees, not both"),
    "no_attendees": N_("meeting {id} has no attending units recorded"),
    "unknown_status": N_("unknown status {status!r}; use one of {choices}"),
    "repeat_or_new": N_("give --repeat-of or --new, not both"),
    "one_history_target": N_("give one of ID, --meeting, --limitation or --unit"),
    "bad_limit": N_("--limit must be 0 or more, not {n}"),
    "no_database_at": N_("no database at {path}"),
    "db_empty_file": N_(
        "no database at {path}: the file is empty (0 bytes); a command that records something "
        "makes it one"
    ),
    "quarter_or_period": N_("give --quarter or --period (one of them)"),
    "extend_to_or_request": N_(
        "give --to (with --reason or --from if need be) or --from-request (which brings its own "
        "day and reason), one of them"
    ),
    "extend_to_missing": N_("missing: the new deadline (--to WHEN), or --from-request REQUEST"),
    "request_not_extension": N_(
        "request {request} is not a request for a new deadline of directive {id}"
    ),
    "bad_days": N_("{what} must be a number of days from 0 to {max}, not {value}"),
    "bad_working_within": N_(
        "--within with --working-days is a number of working days from 0 to {max}, not {value}"
    ),
    "import_dry_bad_rows": NP_(
        "{file}: {n} bad row ({rows}); an import would write nothing",
        "{file}: {n} bad rows ({rows}); an import would write nothing",
    ),
    "import_dry_draft": NP_(
        "{file}: {n} problem, an import would write nothing: {problems}",
        "{file}: {n} problems, an import would write nothing: {problems}",
    ),
    "export_as_of_json": N_("--as-of is for --format xlsx; a JSON export holds every record"),
    "binary_to_terminal": N_("{fmt} is a binary file: give --out FILE or redirect stdout"),
    "bk_stdout_terminal": N_(
        "backup - writes the database, a binary file, to standard output, which is a terminal "
        "here: give a FILE or redirect stdout"
    ),
    # --out FILE
    "out_empty": N_("--out needs a file name"),
    "out_suffix_format": N_(
        "--out {path!r} ends in {suffix} but the format is {fmt} (--format): name the file for "
        "its format, or give the --format its name says"
    ),
    "out_suffix_foreign": N_(
        "--out {path!r} ends in {suffix}, a kind of file dirtrack does not write: the format is "
        "{fmt} (--format); name the file for it ({named!r})"
    ),
    "out_is_folder": N_("--out {value}: is a folder; give a file name"),
    "out_not_regular": N_(
        "--out {value}: is not a regular file (a device, a pipe?); give a file name"
    ),
    "out_no_folder": N_("--out {value}: folder {folder} does not exist"),
    "out_exists": N_("--out {value}: the file exists; add --force to overwrite it"),
    "out_not_writable": N_("--out {value}: cannot write in folder {folder}"),
    # dates, deadlines and periods
    # a value of an option refused as it is read (a date, a deadline, a period): the option
    # named, as other refused values are
    "option_value": N_("{option}: {detail}"),
    "not_real_date": N_("{text!r} is not a real date"),
    "date_month_first": N_(
        "{text!r} is not a real date day first; it looks written month first (as a sheet or "
        "computer set to English (US) writes dates), {day}: write days day first, and check "
        "the others written so, since one such as 3/4/2025 is read as 3 April"
    ),
    "date_month_range": N_(
        "{text!r} is not a real date: its month, {month}, is not one from 1 to 12 (year-month-day)"
    ),
    "date_month_range_swap": N_(
        "{text!r} is not a real date: its month, {month}, is not one from 1 to 12 "
        "(year-month-day); did you mean {day}?"
    ),
    "not_a_date": N_("{text!r} is not a date; use {forms}"),
    "date_today_in_file": N_(
        "{text!r} names no day in a file, which is read on another day than it was written: "
        "write the day itself (6/5/2022)"
    ),
    "not_a_deadline": N_("{text!r} is not a deadline; use a date ({date_forms}) or {span_forms}"),
    "deadline_early_year": N_(
        "{text!r} names no day: write the day it means (31/1/{year}), a month (tháng 1/{year}) "
        "or a quarter (quý I/{year})"
    ),
    "deadline_early_quarter": N_(
        "{text!r} names no day: write the day it means ({day}), a month (tháng {month}) or "
        "the quarter (quý {quarter})"
    ),
    "deadline_weekday": N_(
        "{text!r}: {day} is no {weekday}; the day and the weekday written disagree: write the "
        "day alone"
    ),
    "deadline_on_event": N_(
        "{text!r} waits on something to happen and names no day: write the day it is due "
        "once it is known (31/12/2023), a month or a quarter, or 'Không thời hạn' to follow it "
        "without a deadline"
    ),
    "twelve_months": N_("{text!r}: a year has 12 months"),
    "zero_span": N_("{text!r}: a time to do it must be at least 1 day, week or month"),
    "span_too_long": N_(
        "{text!r}: a time to do it is at most {max} days, weeks or months, not {n}"
    ),
    "not_valid_period": N_("{text!r} is not a valid period; use {forms}"),
    "not_a_period": N_("{text!r} is not a period; use {forms}, current, previous or START..END"),
    "period_reversed": N_("period {text!r} ends before it starts"),
    "period_ends_first": N_("period ends ({end}) before it starts ({start})"),
    "period_split": N_("a {kind} period does not split the year"),
    # the database
    "not_database_url": N_("{value!r} is not a database URL"),
    "db_blank": N_(
        "--db {value!r} is blank: give a SQLite file or a database URL "
        "(postgresql://USER@HOST/DATABASE), or leave it out for the default"
    ),
    "db_url_without_slashes": N_(
        "--db {value!r} is not a database URL: write {form} (a file named so: ./{value})"
    ),
    "unsupported_database": N_("unsupported database {backend!r}: use a SQLite file or PostgreSQL"),
    "db_in_memory": N_(
        "--db {value!r} is a database in memory, gone when the command ends: give a file "
        "({form}, or its path)"
    ),
    "db_no_folder": N_("cannot create {path}: folder {folder} does not exist"),
    "db_is_folder": N_("{path} is a folder, not a database file"),
    "db_link_to_nothing": N_(
        "{path} is a symbolic link to {target}, which does not exist (a disk not mounted?): "
        "dirtrack neither reads nor creates a database there"
    ),
    "cannot_read": N_("cannot read {path}: {reason}"),
    "not_sqlite": N_("{path} is not a dirtrack database (not a SQLite file)"),
    "needs_psycopg": N_(
        "PostgreSQL needs the psycopg driver, which is not installed beside dirtrack: pip install "
        "'psycopg[binary]' in dirtrack's environment (or pip install '.[postgres]' in dirtrack's "
        "folder)"
    ),
    "pg_driver_not_psycopg": N_(
        "dirtrack reaches PostgreSQL through psycopg, not {driver}: write "
        "postgresql://USER@HOST/DATABASE"
    ),
    "not_dirtrack_db": N_("{db} is not a dirtrack database"),
    "db_foreign_trigger": N_(
        "{db} holds a trigger dirtrack does not make, which would run on its writes: {names}; "
        "nothing was written (dirtrack doctor; drop it, or restore a backup)"
    ),
    "cannot_open_db": N_("cannot open {db}: {reason}"),
    "db_no_revision": N_(
        "{db} holds dirtrack's tables but no schema revision (alembic_version emptied or "
        "dropped by another program?): nothing was changed; dirtrack doctor checks the schema"
    ),
    "db_missing_unit": N_(
        "records in the database point to unit {id}, which is not there (deleted by another "
        "program with foreign keys off?): nothing was written; dirtrack doctor names them, "
        "doctor --repair re-creates what is missing"
    ),
    "db_link_not_id": N_(
        "{entity} {row} points to {parent} {value!r}, which is no id (written by another "
        "program): nothing was written; dirtrack doctor names such records"
    ),
    "db_missing_record": N_(
        "{entity} {row} points to {parent} {id}, which is not there (deleted by another "
        "program with foreign keys off?): nothing was written; dirtrack doctor names such records, "
        "doctor --repair re-creates what is missing"
    ),
    "db_unknown_every": N_(
        "the database holds a periodic directive repeated every '{every}', none of dirtrack's "
        "({choices}; typed in by another program?): nothing was written; dirtrack doctor names it"
    ),
    "db_revisions": N_(
        "the database records several schema revisions ({revisions}) where dirtrack keeps one "
        "(changed by another program?): nothing was changed; dirtrack doctor checks the schema"
    ),
    "db_upgrade_not_json": N_(
        "cannot upgrade the database: table {table} row {id} holds a value that is not JSON "
        "(edited by hand or by another program): nothing was changed; correct it there, then "
        "run the command again"
    ),
    "newer_schema": N_(
        "{db} was written by a newer dirtrack (schema {revision}); upgrade dirtrack"
    ),
    # the configuration file
    "cfg_not_regular": N_(
        "{path} is not a regular file (a pipe or a device?), so not a configuration file"
    ),
    "cfg_not_toml": N_("configuration {path} is not valid TOML: {detail}"),
    "cfg_not_utf8": N_("configuration {path} is not UTF-8 text"),
    # what is wrong with a TOML file (a draft, the configuration, a rule file), and where
    "toml_at": N_("{problem} (line {line}, column {column})"),
    "toml_at_end": N_("{problem} (at the end of the file)"),
    "toml_unreadable": N_("cannot be read"),
    "toml_too_deep": N_("nested too deeply"),
    "long_number": N_("a number of more than {limit} digits; no value holds one"),
    "toml_bad_statement": N_("a line must be KEY = VALUE or a [table] heading"),
    "toml_expected_newline": N_("something follows a value on its line; one KEY = VALUE a line"),
    "toml_expected_equals": N_("'=' is missing after a key"),
    "toml_table_unclosed": N_("']' is missing at the end of a [table] heading"),
    "toml_array_table_unclosed": N_("']]' is missing at the end of a [[table]] heading"),
    "toml_expected": N_("{what} is missing"),
    "toml_bad_character": N_("the character {char} is not allowed here"),
    "toml_declared_twice": N_("{key} is declared twice"),
    "toml_closed_table": N_("{key} was written whole before and cannot be added to"),
    "toml_value_twice": N_("a key is given a value twice"),
    "toml_inline_key_twice": N_("the key {key} is given twice in {{…}}"),
    "toml_bad_key": N_('a key cannot start with this character (quote it: "key")'),
    "toml_array_unclosed": N_("a list opened with '[' is not closed with ']'"),
    "toml_inline_unclosed": N_("a table opened with '{{' is not closed with '}}'"),
    "toml_string_unclosed": N_("a text opened with a quote is not closed"),
    "toml_bad_escape": N_(
        "a backslash in a text starts no valid escape (write '\\\\' for a backslash itself)"
    ),
    "toml_bad_date": N_("not a real date or time"),
    "toml_bad_value": N_('not a value: text must be in quotes ("text")'),
    "cfg_list": N_("{where}: one value expected, not a list"),
    "cfg_bad_value": N_("{where}: {detail}"),
    "cfg_excluded": N_(
        "{where}: {detail} ({typed} typed on the command line: leave it out, or take the key "
        "out of the file)"
    ),
    "cfg_invalid_value": N_("invalid value"),
    "cfg_no_command": N_("{where}: no command is called {key!r}"),
    "cfg_no_global": N_("{where}: no such global setting (known: {known})"),
    "cfg_no_setting": N_("{where}: no such setting of this command (known: {known})"),
    "cfg_table": N_("{where}: a value expected, not a table"),
    "cfg_table_array": N_(
        "{where}: [[{name}]] is an array of tables, not a setting; write [{name}] once, with its "
        "key = value lines under it"
    ),
    # units
    "unit_empty_ref": N_("a unit reference cannot be empty"),
    "unit_ref_control": N_(
        "unit {ref!r}: control character {code} is not allowed in a unit's code, name or alias"
    ),
    "unit_ambiguous": N_("unit {ref!r} is ambiguous: {units}"),
    "unit_unknown": N_("unknown unit {ref!r}; closest: {near}"),
    "unit_unknown_none": N_("unknown unit {ref!r}; no units are registered yet"),
    "unit_unknown_far": N_("unknown unit {ref!r}; no registered unit is close to it (unit list)"),
    "unit_bad_code": N_(
        "unit code {code!r} must start with a letter or a digit, then hold only letters, digits "
        "and '-', '_', '.', '/', '&' (Latin letters, Vietnamese ones included: not the Cyrillic, "
        "Greek or full-width letters that look like them)"
    ),
    "unit_no_code": N_("a unit needs a code (VPTU, STC…)"),
    "unit_no_name": N_("a unit needs a name"),
    "unit_taken": N_("{what} {value!r} already refers to unit {unit}"),
    "unit_marks_clash": N_(
        "{what} {value!r} is {name!r} with other marks: a unit holds one name of the same "
        "letters (two places so named are two units)"
    ),
    "alias_empty": N_("an alias cannot be empty"),
    "no_unit": N_("no unit with id {id}"),
    # meetings, directives, limitations
    "meeting_no_title": N_("a meeting needs a title"),
    "no_meeting": N_("no meeting with id {id}"),
    "directive_no_text": N_("a directive needs a text"),
    "no_directive": N_("no directive with id {id}"),
    "not_given_yet": N_("directive {id} was not given yet on {day}: it was given on {given}"),
    "event_after_today": N_(
        "{option} {day} is after today ({today}): what has happened cannot be dated on a day "
        "still to come"
    ),
    "sheet_status_by_colour": NP_(
        "{where}: row {row} says the rows' colours tell their status ({legend!r}), and "
        "dirtrack does not read colours: {n} directive coloured with no status in words would "
        "come in open (row {rows}); write each row's status in words in a column such as "
        "'Kết quả thực hiện' ('Đã hoàn thành ngày 20/7/2022', 'Đang thực hiện') and import again",
        "{where}: row {row} says the rows' colours tell their status ({legend!r}), and "
        "dirtrack does not read colours: {n} directives coloured with no status in words would "
        "come in open (rows {rows}); write each row's status in words in a column such as "
        "'Kết quả thực hiện' ('Đã hoàn thành ngày 20/7/2022', 'Đang thực hiện') and import again",
    ),
    "sheet_day_after_today": N_(
        "{where} says it is up to {day}, after today ({today}): its progress cannot be dated "
        "on a day still to come; give the day it is up to with --as-of"
    ),
    "period_not_begun": N_(
        "the period {period} begins on {start}, after today ({today}): nothing of it has "
        "happened yet; give --as-of a day from {start} on to see it as of that day"
    ),
    "as_of_before_period": N_(
        "--as-of {day} is before the period {period} begins ({start}): give a day from {start} on"
    ),
    "due_before_meeting": N_("deadline {due} is before the meeting ({held})"),
    "day_before_meeting": N_(
        "{what} {day} is before the meeting that gave directive {id} ({held})"
    ),
    "day_before_issued": N_(
        "the {what} {day} of directive {id} is before it was issued ({issued})"
    ),
    "day_before_recorded": N_(
        "{what} {day} is before the {other} {first} recorded on directive {id}"
    ),
    "directive_cancelled": N_("cannot {action} directive {id}: it was cancelled on {date}"),
    "directive_completed": N_("cannot {action} directive {id}: it was completed on {date}"),
    "bad_percent": N_("percent must be between 0 and 100, not {percent}"),
    "progress_nothing": N_("give --percent, --note or both"),
    "limitation_no_text": N_("a limitation needs a text"),
    "no_limitation": N_("no limitation with id {id}"),
    "already_resolved": N_("limitation {id} was already resolved on {date}"),
    "resolved_before_meeting": N_(
        "resolution date {day} is before the meeting that raised it ({held})"
    ),
    "unknown_category": N_("unknown category {value!r}; use one of {choices}"),
    # extract: reading documents and meeting drafts
    "text_empty": N_("the text is empty"),
    "text_too_large": N_(
        "{name}: {n} characters of text, more than the {limit} read from one meeting's "
        "document (a conclusion runs to some tens of thousands)"
    ),
    "no_meeting_found": N_("no meeting found in the text: neither its date nor its chair"),
    "not_utf16": N_("{name}: not valid UTF-16 text"),
    "binary_file": N_("{name} is a binary file, not text"),
    "not_utf8_at": N_(
        "{name}: byte {at} is not UTF-8 though the text around it is (a piece pasted in from "
        "another encoding?): save the file again as UTF-8"
    ),
    "page_no_text": N_("{name}: the page has no text to read (only markup or scripts)"),
    "page_too_large": N_(
        "{name}: a page of {n} characters, more than the {limit} read from one page (a "
        "portal's page runs to some hundreds of thousands)"
    ),
    "binary_input": N_("{name} is binary, not text"),
    "not_docx": N_("{name} is not a .docx document"),
    "extract_doc": N_(
        "{name} is an old Word 97-2003 document (.doc); open it in Word or LibreOffice, save it "
        "as .docx and give that"
    ),
    "extract_pdf": N_(
        "{name} is a PDF document, which dirtrack does not read: copy its text into a .txt file, "
        "or save the page it was published on (.html)"
    ),
    "extract_rtf": N_(
        "{name} is an RTF document; open it in Word or LibreOffice, save it as .docx and give that"
    ),
    "docx_too_large": N_(
        "{name} unpacks to {size} MB, more than the {limit} MB read from one meeting's document"
    ),
    "docx_too_many_paragraphs": N_(
        "{name}: {n} paragraphs, more than the {limit} read from one meeting's document (a "
        "conclusion runs to some hundreds)"
    ),
    "needs_python_docx": N_("reading .docx files needs python-docx (pip install python-docx)"),
    "unreadable_docx": N_("{name} is not a readable .docx document ({detail})"),
    "docx_damaged": N_("its parts are damaged: open it in Word and save it again"),
    # a file a person names that cannot be read (dirtrack.inputs.refused_input), for import,
    # restore, extract, pack in and the configuration file alike
    "no_such_file": N_("{path}: no such file"),
    "is_folder": N_("{path}: is a folder, not a file"),
    "file_empty": N_("{name} is empty"),
    "stdin_closed": N_(
        "standard input is closed: pipe it in (… | dirtrack {command} -) or give its file"
    ),
    "stdin_too_large": N_(
        "standard input holds more than {limit} MB, more than dirtrack {command} reads from it: "
        "give the file itself"
    ),
    "draft_too_large": N_(
        "{name}: a draft of more than {limit} characters, more than `extract` writes for one "
        "meeting (a meeting's draft runs to some tens of thousands)"
    ),
    "draft_bad_json": N_("line {line}: not valid JSON ({detail})"),
    "draft_not_object": N_("a draft must be a JSON object"),
    "draft_in_file": N_("{file}: {error}"),
    "draft_at_line": N_("{file}: line {line}, {error}"),
    "draft_not_toml": N_("the draft is not valid TOML: {detail}"),
    "draft_where": N_("{where}: {problem}"),
    "w_draft": N_("draft"),
    "draft_required": N_("{key!r} is required"),
    "draft_not_text": N_("{key!r} must be text"),
    "draft_empty": N_("{key!r} is empty"),
    "draft_empty_value": N_(
        "{key!r} is empty: write its value, or delete the line to leave it out"
    ),
    "draft_unknown_key": N_("unknown key {key!r} (expected one of {allowed})"),
    "draft_field": N_("{key}: {error}"),
    "draft_not_date": N_("{key!r} must be a date"),
    "draft_bad_due": N_("'due' must be a date or a deadline phrase"),
    "draft_not_table": N_("must be a table of keys and values"),
    "draft_no_meeting": N_("there is no [meeting] table (the meeting's date and title)"),
    "draft_meeting_list": N_("a draft has one [meeting] table, not [[meeting]]"),
    "draft_not_list": N_("{key!r} must be a list"),
    "draft_bad_missing": N_(
        "{key!r} must be a list of what the text did not give, each one of {names} (or leave it "
        "out)"
    ),
    "draft_bad_kind": N_("kind {kind!r} is not one of {kinds}"),
    "draft_bad_known": N_("'known' must be true or false"),
    "draft_bad_category": N_("category {category!r} is not one of {categories}"),
    "draft_bad_with": N_("'with' must be a list of unit names or codes"),
    "draft_with_empty": N_(
        "'with' holds an empty name: write the unit's code or name, or delete it from the list"
    ),
    "draft_options": NP_(
        "{options} does not apply to a meeting draft", "{options} do not apply to a meeting draft"
    ),
    # undo
    "undo_count": N_("the number of commands to undo must be 1 to {max}, not {count}"),
    "nothing_to_undo": N_("nothing to undo: no recorded change is left to revert"),
    "undo_unknown_table": N_("cannot undo #{id}: unknown table {table!r}"),
    "undo_changed_since": N_(
        "cannot undo #{id} ({command}): {what} has changed since; nothing was undone"
    ),
    # unit retire, limitation link
    "own_successor": N_("unit {unit} cannot be its own successor"),
    "already_retired": N_("unit {unit} was already retired on {date}"),
    "retire_before_meeting": N_(
        "unit {unit} cannot retire on {date}: meeting {meeting} of {held} names it (its "
        "directives, limitations or attendance); a unit retires after the last meeting that "
        "names it"
    ),
    "retire_before_predecessor": N_(
        "unit {unit} cannot retire on {date}: unit {predecessor} retired into it on "
        "{retired}, handing over its directives; a unit retires on or after the day it takes "
        "another's over"
    ),
    "retired_at_meeting": N_(
        "unit {unit} was retired on {date} (successor {successor}), on or before the meeting "
        "of {held}: that meeting cannot name it"
    ),
    "series_past_retirement": N_(
        "unit {unit} was retired on {date} (successor {successor}): a periodic directive it "
        "leads must end before that day (--until {last}); give the periods after it to "
        "{successor}"
    ),
    "retired_in_charge": N_(
        "unit {unit} was retired on {date} (successor {successor}), on or before {held}: no "
        "leader can be put in charge of it from that day"
    ),
    "already_retired_to": N_("unit {unit} was already retired on {date} (successor {successor})"),
    "successor_retired": N_("successor {successor} was itself retired on {date}"),
    "successor_retired_to": N_(
        "successor {successor} was itself retired on {date}; its successor is {heir}"
    ),
    "repeat_itself": N_("limitation {id} cannot repeat itself"),
    "repeat_other_unit": N_(
        "limitation {to} is about {target}, not {unit}: a repeat is about the same unit"
    ),
    "repeat_same_meeting": N_(
        "limitations {to} and {id} were both raised at meeting {meeting} ({date}): a "
        "limitation raised again is raised at a later meeting"
    ),
    "repeat_not_before": N_(
        "limitation {to} was raised on {to_date}, not before limitation "
        "{id} ({date}); link the later one: dirtrack limitation link {to} "
        "--to {id}"
    ),
    "already_first": N_("limitation {id} is already the first of that chain"),
    "already_linked": N_("limitation {id} is already linked to {first}"),
    "not_linked": N_("limitation {id} is not linked to an earlier one"),
    # backup, restore
    # import: files, sheets, columns, cells
    "unknown_field": N_("unknown field {name!r}; the fields are {fields}"),
    "map_no_header": N_("--map {value!r}: a column name is missing before '='"),
    "map_header_twice": N_(
        "--map gives the column {header!r} two fields, {first} and {second}: a column holds one"
    ),
    "map_no_field": N_(
        "--map {value!r}: {part!r} has no '=FIELD'; write HEADER=FIELD, e.g. "
        "'nội dung=text,đơn vị chủ trì=unit'"
    ),
    "map_no_column": N_(
        "--map: no column {column!r} in the header (row {row}); its columns are {columns}"
    ),
    "key_column_no_column": N_(
        "--key-column: no column {column!r} in the header (row {row}); its columns are {columns}"
    ),
    "no_column_holds": N_(
        "row {row}: no column holds {what}; the columns are {columns}; name "
        "it with --map 'HEADER={field}'"
    ),
    "field_text": N_("the directive's text (nội dung)"),
    "field_unit": N_("the lead unit or units (đơn vị chủ trì)"),
    "columns_alike": N_(
        "row {row}: columns {columns} both look like {field!r}; choose with "
        "--map, e.g. --map '{header}=ignore'"
    ),
    "cell_not_date": N_("{value} is not a date"),
    "cell_not_deadline": N_("{value} is not a deadline"),
    "cell_not_percent": N_("{value} is not a percentage between 0 and 100"),
    "cell_formula_error": N_(
        "{value} is the error of a formula that failed in the sheet, not a value: correct "
        "the formula (or type the value) in the sheet and import it again"
    ),
    "cell_not_finite": N_("{value} is not a number a sheet can hold (infinite or undefined)"),
    "cell_too_long": N_("{length} characters, more than the {limit} a text can hold"),
    "cell_date_not_progress": N_("{value} is a date, not progress"),
    "cell_boolean_not_text": N_("{value} is a checkbox's value (TRUE or FALSE), not text"),
    "cell_progress_fraction": N_(
        "{value} is a share of one, not a percentage (75%, or 0.75%?): write it as a "
        "percentage ('75%'), or format the cell as one"
    ),
    "import_database": N_(
        "{path} is a database, not a file to import; to bring back a backup "
        "use `dirtrack restore {path}`"
    ),
    "import_database_stdin": N_(
        "standard input holds a database, not a file to import; to bring back a backup, "
        "save it to a file and use `dirtrack restore FILE`"
    ),
    "import_xls": N_(
        "{path} is an old Excel 97-2003 workbook (.xls); open it in Excel or "
        "LibreOffice, save it as .xlsx (or CSV UTF-8) and import that"
    ),
    "import_encrypted": N_(
        "{path} is protected by a password to open it; open it in Excel, remove the password "
        "(File, Info, Protect Workbook, Encrypt with Password), save it and import that"
    ),
    "import_ods": N_(
        "{path} is an OpenDocument spreadsheet (.ods), which dirtrack does not read; open it "
        "in LibreOffice Calc or Excel, save it as .xlsx (or CSV UTF-8) and import that"
    ),
    "import_zip": N_("{path} is a zip file but not an Excel workbook (.xlsx)"),
    "import_word": N_(
        "{path} is a Word document, not a sheet: `dirtrack extract {path}` drafts the meeting "
        "record from its text, and `dirtrack import` takes that draft"
    ),
    "import_not_xlsx": N_("{path} is not an Excel workbook, although its name ends in .xlsx"),
    "import_other_json": N_(
        "{path} is JSON but not a dirtrack export (its first key must be "
        '"format": "dirtrack-export")'
    ),
    "import_unknown_kind": N_(
        "{path} is not a spreadsheet (.xlsx, .csv) or a dirtrack export (.json)"
    ),
    "w_damaged": N_("damaged"),
    "unreadable_workbook": N_("{path} cannot be read as an Excel workbook ({kind}: {detail})"),
    # what is wrong with an Office package (a workbook, a .docx) its reader cannot open
    "w_part_missing": N_("it lacks its part {part}"),
    "w_xml_damaged": N_("one of its parts is damaged: not well-formed XML"),
    "workbook_too_large": N_(
        "{path}: its part {part} unpacks to {size} MB, {ratio} times its packed size, more "
        "than a spreadsheet holds (a zip bomb?); nothing was read"
    ),
    "no_sheet": N_("{path} has no sheet {sheet!r}; its sheets are {sheets}"),
    "workbook_sheet_missing": N_(
        "{path} is a damaged workbook: it names sheet {sheet!r}, whose part {part} is not in "
        "the file; nothing was read"
    ),
    "workbook_charts_only": N_(
        "{path} has no table to read: its only sheets are charts ({sheets})"
    ),
    "sheet_is_chart": N_("{path}: sheet {sheet!r} is a chart, not a table"),
    "not_encoding": N_("{path} is not valid {encoding} text"),
    "not_utf8_or_1258": N_("{path} is not text in UTF-8 or Windows-1258"),
    "csv_letters_lost": N_(
        "{path}: its Vietnamese letters were lost when it was saved (line {line}: {word!r}): "
        "the program wrote '?' for each letter its code page lacks; save the sheet again as "
        "'CSV UTF-8 (Comma delimited)' or as .xlsx"
    ),
    "sheet_for_csv": N_("--sheet is for Excel workbooks; a CSV file has one table"),
    "sheet_refused": N_("{name}: sheet {sheet!r}: {reason}"),
    "csv_refused": N_("{name}: {reason}"),
    "csv_empty": N_("{name} has no data: every cell is empty"),
    "sheet_empty": N_("{name}: sheet {sheet} is empty"),
    "sheets_empty": N_("{name}: every sheet ({sheets}) is empty"),
    "sheet_legacy_font": N_(
        "{name}: the sheet is written in the {font} font, not in Unicode ({sample!r}), so no "
        "column name can be read; convert it to Unicode (Unikey: Công cụ chuyển mã, from {font} "
        "to Unicode), save it and import it again"
    ),
    "text_legacy_font": N_(
        "{name} is written in the {font} font, not in Unicode ({sample!r}); convert it to "
        "Unicode (Unikey: Công cụ chuyển mã, from {font} to Unicode), save it and read it again"
    ),
    "no_header": N_(
        "{name}: no header row in the first {n} rows; expected column names such "
        "as Nội dung, Đơn vị chủ trì, Thời hạn, or name the columns with --map "
        "'HEADER=text,HEADER=unit'"
    ),
    "sheet_of_limitations": N_(
        "{name}: column {column} ({header}) holds limitations (hạn chế), which an import "
        "of an office sheet does not read: each would come in as a directive without a "
        "deadline; record them with dirtrack add-limitation MEETING --unit UNIT TEXT, or, "
        "if the column holds directives, say so with --map '{header}=text'"
    ),
    "no_header_in": N_(
        "{name}: no header row in the first {n} rows (sheets: {sheets}); "
        "expected column names such as Nội dung, Đơn vị chủ trì, Thời hạn, or "
        "name the columns with --map 'HEADER=text,HEADER=unit'"
    ),
    # import of a JSON export
    "export_not_empty": N_(
        "the database already holds records ({records}); a dirtrack export "
        "is imported into an empty database only (use --db with a new file)"
    ),
    "undo_too_few": NP_(
        "only {n} command can be undone, not {count}; nothing was undone",
        "only {n} commands can be undone, not {count}; nothing was undone",
    ),
    "export_sheet_options": NP_(
        "{options} is for spreadsheets; {name} is a dirtrack export, imported whole",
        "{options} are for spreadsheets; {name} is a dirtrack export, imported whole",
    ),
    # an import refused: where the problems are, and what to do
    "w_row": N_("row {row}"),
    "w_column": N_("column {column}"),
    "w_column_of": N_("column {column} ({header})"),
    "import_rejected_file": N_("{file}: nothing was imported"),
    "hint_dry_run": N_("Run with --dry-run to see every row"),
    "hint_create_units": N_(
        "register the unknown units (dirtrack unit add, dirtrack unit "
        "alias) or rerun with --create-units"
    ),
    "draft_meeting_unread": N_(
        "what the items need the meeting for (deadlines against its date, units retired by "
        "then, an earlier import) is checked once [meeting] reads"
    ),
    "hint_add_meeting": N_(
        "record the meeting first (dirtrack add-meeting --date DATE --title "
        "TEXT) and give --meeting ID"
    ),
    "import_rejected": NP_(
        "{file}: {n} bad row ({rows}); nothing was imported",
        "{file}: {n} bad rows ({rows}); nothing was imported",
    ),
    # the first few of a list and how many more (:class:`FirstFew`)
    "items_and_more": NP_("{items} and {n} more", "{items} and {n} more"),
    "rows_and_more": NP_("{items} and {n} more row", "{items} and {n} more rows"),
    "problems_and_more": NP_("{items}; and {n} more problem", "{items}; and {n} more problems"),
    "findings_and_more": NP_("{items}; … ({n} more)", "{items}; … ({n} more)"),
    # output, backup, restore
    "is_the_database": N_(
        "{path} is the database {db} itself or one of its files; choose another file"
    ),
    "write_failed": N_("cannot write {target}: {reason}"),
    "w_stdout": N_("standard output"),
    "w_disk_full": N_("the disk is full"),
    "w_disk_quota": N_("the disk quota is used up"),
    "w_file_too_big": N_("the file is larger than the system allows"),
    "w_io_error": N_("the device reported an input/output error"),
    "w_read_only_fs": N_("the file system is read-only"),
    "w_no_permission": N_("permission denied"),
    "w_closed": N_("it is closed"),
    "w_no_such_file": N_("no such file"),
    "w_cwd_gone": N_(
        "the current folder, where a relative name starts, no longer exists (removed while in "
        "use): change to another folder, or give the full path"
    ),
    "w_is_folder": N_("it is a folder"),
    "w_configuration": N_("configuration"),
    "w_not_folder": N_("a part of the path is not a folder"),
    "w_link_loop": N_("symbolic links that point to each other in a loop"),
    "w_name_too_long": N_("the name is too long"),
    "w_not_utf8": N_("not UTF-8 text"),
    "w_conn_refused": N_("the connection was refused"),
    "w_conn_reset": N_("the connection was closed by the other side"),
    "w_timed_out": N_("no answer in time"),
    "w_unreachable": N_("the network or the host cannot be reached"),
    "w_unknown_host": N_("the host name is not known (DNS)"),
    "w_pg_auth_failed": N_("the server refused the user name or the password"),
    "w_pg_no_database": N_("the server has no such database or user"),
    "w_pg_not_postgresql": N_("what answers at that address is not a PostgreSQL server"),
    "w_pg_no_ssl": N_("the server does not offer SSL, which the URL's sslmode requires"),
    "w_pg_no_root_cert": N_(
        "the root certificate that checks the server's (sslmode verify-ca or verify-full) is "
        "not there: give it with sslrootcert, or put it in ~/.postgresql/root.crt"
    ),
    "w_pg_cert_not_trusted": N_(
        "the server's certificate is not signed by the root certificate given (sslrootcert)"
    ),
    "w_pg_cert_other_host": N_(
        "the server's certificate names another host than the URL (sslmode verify-full)"
    ),
    "w_pg_no_local_server": N_("no PostgreSQL server is running on this machine"),
    "w_pg_canceled": N_(
        "the server cancelled a statement (its statement_timeout, or an administrator)"
    ),
    "w_pg_too_many": N_("the server takes no more connections (its limit is reached); try later"),
    "w_pg_not_accepting": N_(
        "the server accepts no connections to it now (starting, stopping, or closed to them)"
    ),
    "w_pg_denied_on": N_("the server refuses this account access to {name} (permission denied)"),
    "w_pg_bad_setting": N_("a connection setting in the URL is not valid: {detail}"),
    "w_pg_no_schema": N_(
        "the database has no schema to create dirtrack's tables in: none of its search_path "
        "exists (create one, such as CREATE SCHEMA public, or set the role's search_path)"
    ),
    "w_pg_not_utf8": N_(
        "the database's encoding is {encoding}, not UTF8, so Vietnamese text is not kept right in "
        "it: create it with createdb --encoding UTF8 --template template0 (a register an older "
        "dirtrack kept in it moves there with pg_dump and psql)"
    ),
    "w_pg_no_login": N_("the server does not let this role log in (it was made without LOGIN)"),
    "w_pg_session_attrs": N_(
        "the server is not of the kind the URL's target_session_attrs asks for (a primary or a "
        "standby, read-write or read-only)"
    ),
    "w_pg_hba": N_(
        "the server's pg_hba.conf does not let this user reach this database from this machine"
    ),
    "w_pg_passfile_unsafe": N_(
        "the server asks for a password, and the password file {path} was not read: other "
        "users may read it (make it yours alone: chmod 600 {path})"
    ),
    "w_db_malformed": N_("the database file is damaged"),
    "w_db_text_not_utf8": N_(
        "a text of column {column} is not UTF-8 (the file is damaged, or another program wrote it)"
    ),
    "w_db_no_such": N_("the database has no {name} (not made by dirtrack, or changed by hand)"),
    "w_not_database": N_("it is not a database file"),
    "w_db_locked": N_("another program is writing to it"),
    "w_db_cannot_open": N_("the database file cannot be opened"),
    "w_db_read_only": N_("the database file cannot be written: it is read-only"),
    "xlsx_cell_too_long": N_(
        "{what} {ident}: {field} has {n} characters, more than the "
        "{limit} an Excel cell holds; nothing was exported. Use export "
        "--format json (lossless)"
    ),
    "xlsx_text_too_long": N_(
        "sheet {sheet}: a text has {n} characters, more than the {limit} "
        "an Excel cell holds; use --format docx, html or json"
    ),
    "sheet_formula_unsaved": N_(
        "{path}: cell {cell} of sheet {sheet} holds a formula ({formula}) whose value was "
        "never saved; open the file in Excel or LibreOffice, save it again and import that"
    ),
    "sheet_merges_too_large": N_(
        "sheet {sheet}: merged cells cover {n} cells and where its "
        "data ends cannot be told; open the file in Excel, save it "
        "again and import that"
    ),
    "bk_postgresql": C_(
        "bk_postgresql",
        "backup and restore work on SQLite files; for PostgreSQL use pg_dump "
        "(pg_dump -Fc -f FILE DBNAME) and pg_restore, or dirtrack export "
        "--format json",
    ),
    "bk_memory": C_("bk_memory", "an in-memory database cannot be backed up or restored"),
    "bk_not_sqlite": C_("bk_not_sqlite", "{path} is not a dirtrack database (not a SQLite file)"),
    "bk_damaged": N_("{path} is damaged (SQLite's check found, in its words: {detail})"),
    "bk_not_dirtrack": N_("{path} is a SQLite file but not a dirtrack database"),
    "bk_unknown_revision": N_(
        "{path} is at schema revision {revision!r}, which this dirtrack "
        "does not know ({known}); upgrade dirtrack"
    ),
    "bk_unreadable": N_("{path} cannot be read as a database ({reason})"),
    "bk_no_folder": N_("cannot write {path}: folder {folder} does not exist"),
    "bk_exists": N_("{path} exists already; give --force to replace it"),
    "bk_not_regular": N_("{path} is not a regular file (a device, a pipe?); give a file name"),
    "bk_copy_check": N_("the copy failed its check ({detail})"),
    "bk_failed": N_("backup failed: {reason}"),
    "restore_failed": N_("restore failed: {reason}"),
    "restore_failed_kept": N_("restore failed: {reason}; the database was kept as {kept}"),
    "restore_not_healthy": N_(
        "{path} cannot be restored: {problems}; the current database is untouched"
    ),
    "no_such_quarter": N_("{text!r}: a year has 4 quarters (I to IV)"),
    "period_not_a_quarter": N_(
        "{text!r} is {period}, not a quarter: write the quarter ({year}Q3, quý "
        "III/{year}), or give that period to --period"
    ),
    "disk_full": N_("the disk is full: nothing was written; free some space and run it again"),
    "db_io_error": N_(
        "the device reported an input/output error on the database (a failing disk, a file "
        "size limit?): nothing was written; dirtrack doctor checks the database"
    ),
    "db_damaged": N_(
        "the database file is damaged: nothing was written; dirtrack doctor checks it, and "
        "dirtrack restore puts a backup in its place"
    ),
    "db_read_only": N_(
        "the database cannot be written (its file, folder or file system is "
        "read-only): nothing was written"
    ),
    "db_schema_damaged": N_(
        "the database has no {name}, which dirtrack's schema has (changed by another program?): "
        "nothing was written; dirtrack doctor checks the schema"
    ),
    "db_unreadable_day": N_(
        "{entity} {id}: {column} holds {value}, not a day as dirtrack stores it (YYYY-MM-DD), "
        "so no count would be right: another program wrote it; correct it there (dirtrack "
        "doctor lists every such value)"
    ),
    "db_text_not_utf8": N_(
        "the database holds a text of column {column} that is not UTF-8 (the file is damaged, "
        "or another program wrote it): nothing was written; dirtrack doctor checks the file"
    ),
    "db_value_unreadable": N_(
        "the database holds {value}, which dirtrack cannot read (another program wrote it?): "
        "nothing was written; dirtrack doctor names the record"
    ),
    "db_wrong_kind": N_(
        "the database holds a value of the wrong kind: {entity} {id}: {field} holds {value}, "
        "bytes where dirtrack stores text (another program wrote it): correct it there; "
        "dirtrack doctor lists every such value"
    ),
    "db_id_not_positive": N_(
        "{entity} {id} has an id dirtrack never gives (0 or below; set by hand or by another "
        "program): the export would lose it, so nothing was written; correct it there "
        "(dirtrack doctor lists every such record)"
    ),
    "db_id_too_large": N_(
        "{entity} {id} has an id above the largest dirtrack gives ({limit}; set by hand or by "
        "another program): its export would not import back, so nothing was written; correct "
        "it there (dirtrack doctor lists every such record)"
    ),
    "db_history_not_json": N_(
        "history entry {id} holds a value that is not JSON (edited by hand or by another "
        "program): correct it there; dirtrack doctor lists every such entry"
    ),
    "db_history_not_json_unnamed": N_(
        "a history entry holds a value that is not JSON (edited by hand or by another "
        "program): correct it there; dirtrack doctor names the entry"
    ),
    "db_text_control": N_(
        "a text in the database holds a control character (NUL, ESC…), which no Word document "
        "can hold (another program wrote it?); dirtrack doctor names the record"
    ),
    "db_value_unreadable_unquoted": N_(
        "the database holds a value dirtrack cannot read (another program wrote it?): nothing "
        "was written; dirtrack doctor names the record"
    ),
    "db_connection_lost": N_(
        "the connection to the database server was lost before the command finished; a "
        "command is recorded whole or not at all: `dirtrack history` shows whether it was"
    ),
    "pg_read_only": N_(
        "the database server takes no changes (a read-only server or account): nothing was written"
    ),
    "pg_denied": N_(
        "the database server refuses this account access (permission denied): nothing was written"
    ),
    "pg_raised": N_(
        "the database server refused the change: {message} (said by a trigger or rule of the "
        "database, which dirtrack does not make): nothing was written"
    ),
    "pg_constraint": N_(
        "the database server refused the change: it breaks {name}, which dirtrack does not make "
        "(another program's or an administrator's): nothing was written"
    ),
    "pg_canceled": N_(
        "the database server cancelled the command (its statement_timeout, or an administrator): "
        "nothing was written"
    ),
    "pg_denied_on": N_(
        "the database server refuses this account access to {name} (permission denied): "
        "nothing was written"
    ),
    "csv_field_too_long": N_(
        "{path}, line {line}: a field is longer than {limit} characters, the limit for CSV"
    ),
    "csv_unreadable": N_("{path}, line {line}: cannot be read as CSV ({detail})"),
    "csv_too_many_columns": N_(
        "{path}, line {line}: {n} columns, more than the {limit} a spreadsheet can have"
    ),
    "too_long": N_("{field} is {length} characters long, more than the {limit} it can hold"),
    "ids_exhausted": N_(
        "no more rows fit in {table}: its ids have reached {limit}, the largest; nothing was "
        "written"
    ),
    # {found}: doctor's words for the record (or SQLite counter) that holds the ids up
    "ids_exhausted_held": N_("no more rows fit in {table}: {found}; nothing was written"),
    "not_utf8_byte": N_(
        "{field}: byte 0x{byte} is not UTF-8: type the text in a terminal set to UTF-8"
    ),
    "half_character": N_(
        "{field}: {code} is half of a character, without its other half; no text holds one"
    ),
    "control_character": N_(
        "{field}: control character {code} is not allowed (only tab and newline are)"
    ),
    "blank_text": N_("{field}: only spaces or invisible characters; write some text"),
    "date_out_of_range": N_("{text!r}: dirtrack takes dates from the year {first} to {last}"),
    "db_not_regular": N_("{path} is not a regular file (a pipe or a device?), so not a database"),
    "input_not_regular": N_("{path} is not a regular file (a pipe or a device?): {give}"),
    "file_too_large": N_("{path}: {size} MB, more than the {limit} MB dirtrack reads from a file"),
    # what the option or argument that names a file to read takes, said when it named none
    "give_file": N_("give a file"),
    "give_file_or_stdin": N_("give a file, or '-' to read standard input"),
    "give_import_file": N_(
        "give the sheet (.xlsx, .csv), the dirtrack export (.json) or the meeting draft (.toml) "
        "to import"
    ),
    "give_template": N_("give a Word document (.docx)"),
    "give_rule_file": N_("give a rule file (TOML), or a preset: {presets}"),
    "give_backup": N_("give a backup made by dirtrack backup"),
    "give_result_file": N_("give the result document's file"),
    "give_password_file": N_("give the file that holds the password ([mail] password_file)"),
    "db_cannot_create": N_("cannot create {path}: {reason}"),
    "disk_full_at": N_("cannot open {db}: the disk is full; free some space and run it again"),
    "db_read_only_at": N_(
        "cannot open {db}: the file, its folder or the file system is "
        "read-only (dirtrack writes its journal files beside it)"
    ),
    "empty_value": N_("an empty value; to use the default, leave the option out"),
    "empty_file_name": N_(
        "an empty file name (an unset variable?) is no file: name the file or folder"
    ),
    "file_is_web_address": N_(
        "{name!r} is a web address, and dirtrack reads and writes the files and folders of this "
        "machine only (a page on the web: download it, then name the file)"
    ),
    "cfg_command_line_only": N_(
        "{where}: {option} can only be given on the command line, not in the configuration file"
    ),
    "json_version": N_(
        "{name} is a dirtrack export of format version {version}; this dirtrack "
        "reads versions {first} to {last}"
    ),
    "json_bad_version": N_("{name}: this dirtrack reads export format versions {first} to {last}"),
    "json_invalid": N_("{name} is not valid JSON ({detail})"),
    "json_near": N_("{what}, near {near!r}"),
    "json_cut_short": N_("it ends before its last value does: cut short"),
    "json_trailing": N_("more follows the end of its value"),
    "json_control_in_string": N_("a control character (a tab, a line break) inside a text"),
    "json_bad_word": N_("a word JSON does not know (NaN, Infinity, a text without quotes)"),
    "json_punctuation": N_("a comma, colon, quote or bracket missing or out of place"),
    "json_not_utf8": N_("bytes that are not UTF-8 text"),
    "json_bad_character": N_("a character JSON does not allow there"),
    "json_long_number": N_(
        "{name}: a number of more than {limit} digits (byte {at}); no record holds one"
    ),
    "json_half_character": N_(
        "{name}: {escape} (byte {at}) is half of a character, without its other half; no text "
        "holds one"
    ),
    "json_too_deep": N_(
        "{name}: lists and objects nested more than {limit} deep; no dirtrack export nests so deep"
    ),
    "json_record": N_("{name}: {where}: {detail}{more}"),
    "json_more": N_(" (and {n} more)"),
    # what is wrong with a value of an export's record (pydantic's kind of error, in words)
    "json_not_int": N_("must be a whole number"),
    "json_not_text": N_("must be text"),
    "json_not_bool": N_("must be true or false"),
    "json_not_date": N_("must be a real date (YYYY-MM-DD)"),
    "json_not_datetime": N_("must be a real date and time (ISO 8601)"),
    "json_no_offset": N_("must be a date and time with its UTC offset (2025-01-31T08:00:00+00:00)"),
    "json_not_list": N_("must be a list"),
    "json_not_object": N_("must be an object"),
    "json_not_number": N_("must be a number"),
    "json_extra": N_("is not a field of this record"),
    "json_absent": N_("is missing"),
    "json_too_small": N_("must be at least {limit}"),
    "json_too_large": N_("must be at most {limit}"),
    "json_too_long": N_("is too long (at most {limit} characters)"),
    "json_empty": N_("must not be empty"),
    "json_not_one_of": N_("must be one of {expected}"),
    "json_bad_value": N_("is not a valid value ({detail})"),
    "json_twice": N_("{name}: {where}: given twice"),
    "json_order": N_(
        "{name}: {where} must come after {after} (in the order format, version, office, "
        "calendar, units, fields, leaders, meetings, series, directives, limitations, packs, "
        "urgings that dirtrack export writes)"
    ),
    "json_no_ref": N_("{where}: no record {id} in {what}"),
    "json_no_field": N_("{where}: no field {code!r}"),
    "json_same_value": N_("{where}: {value!r} is given twice"),
    "json_field_or_unit": N_("{where}: an assignment names either a field or a unit"),
    "json_ends_before": N_("{where}: the series ends on {day}, before it starts ({start})"),
    "json_period_no_series": N_(
        "{where}: a period is given to a directive of no series (only a series' occurrences "
        "have one)"
    ),
    "json_period_of_series": N_(
        "{where}: {value!r} is no period of series {series} as the series labels them "
        "(2026-06 for a monthly one, 2026-Q2 quarterly, 2026-H1 half-yearly, 2026 yearly)"
    ),
    "json_alias_ids": NP_("{where}: {n} id for {aliases}", "{where}: {n} ids for {aliases}"),
    "json_name_taken": N_("{where}: {value!r} also names unit {unit!r}"),
    "json_same_code": N_("units: two units have the same code"),
    "json_no_unit": N_("{where}: no unit {code!r}"),
    "json_no_meeting": N_("{where}: no meeting {id}"),
    "json_no_limitation": N_("{where}: no limitation {id}"),
    "json_same_id": N_("{what}: two records have the same id ({id})"),
    "json_same_meeting_key": N_("meetings: two meetings have the same key"),
    "json_same_directive_key": N_("directives: two directives of one unit have the same key"),
    "json_own_link": N_("{where}: unit {code!r} cannot be its own {link}"),
    "json_link_cycle": N_("{where}: units form a cycle of {link} links: {chain}"),
    "w_parent": N_("parent"),
    "w_successor": N_("successor"),
    "w_coordinator": N_("coordinating unit"),
    "json_repeat_self": N_("{where}: limitation {id} cannot repeat itself"),
    "json_repeat_cycle": N_("{where}: limitations repeat each other in a cycle: {chain}"),
    "json_before_meeting": N_("{where}: {what} {day} is before meeting {meeting} ({held})"),
    "json_before_issued": N_("{where}: {what} {day} is before the directive was issued ({issued})"),
    "json_day_order": N_("{where}: {what} {day} is before the {other} ({first})"),
    "json_missing": N_("{where}: a request for more time needs the deadline asked for"),
    "json_answer_day": N_("{where}: an answered request has the day of its answer, and only then"),
    "json_no_reason": N_("{where}: the reason is missing"),
    "json_move_same_unit": N_(
        "{where}: a move passes a directive to another unit, not to {unit!r}"
    ),
    "json_closed_twice": N_(
        "{where}: a directive is either completed, cancelled or withdrawn, never two of them"
    ),
    "json_accepted_returned": N_("{where}: a completion is accepted or sent back, not both"),
    "json_result_not_done": N_("{where}: only a completion has a result document"),
    "json_closure_returned": N_(
        "{where}: a completion a reopening ended was never returned (a return opens the "
        "directive again): its returned_on and return_reason must be null"
    ),
    "day_answer": N_("answer date"),
    "day_acceptance": N_("acceptance date"),
    "day_return": N_("return date"),
    "day_deadline": N_("deadline"),
    "day_resolution": N_("resolution date"),
    "day_series_start": N_("first day"),
    "json_year": N_("{where}: year {year} is outside {first}–{last}"),
    "json_blank": N_("{where}: blank text (only spaces or invisible characters)"),
    "json_control": N_("{where}: the text holds the control character {char}"),
    "json_long": N_("{where}: {length} characters, more than the {limit} a text can hold"),
    # the office profile and documents
    "office_bad_kind": N_("unknown kind of body {value!r}: use one of {choices}"),
    "office_blank": N_("{option}: blank text"),
    "office_too_long": N_("{option}: longer than {n} characters"),
    "office_too_many": N_("{option}: more than {n} values"),
    "office_bad_code": N_(
        "issuer code {value!r}: letters and digits joined by hyphens, such as VPTU or VPUB"
    ),
    "office_nothing": N_("nothing to set: give at least one option (see office set --help)"),
    "config_path_alone": N_(
        "--path prints only where the file is: leave out --format and --fields"
    ),
    "doctor_repair_alone": N_(
        "--repair says what it did on stderr, with no table: leave out --format and --fields"
    ),
    "doctor_yes_alone": N_("--yes answers the question of --repair: give --repair too"),
    "office_to_and_no_to": N_("--to and --no-to cannot be used together"),
    "office_template_and_no_template": N_("--template and --no-template cannot be used together"),
    "doc_bad_number": N_(
        "document number {number!r} is not in the office's form: give the number alone, "
        "or whole like {example!r}"
    ),
    "doc_number_zero": N_(
        "document number {number!r}: a body numbers its documents from 01 each year, never 0"
    ),
    "doc_option_needs_docx": N_("{option} is for documents: use it with --format docx"),
    "brief_no_heading": N_(
        "{option} is for the report as a document: the brief (--brief) has no heading, number, "
        "recipients or signature"
    ),
    "template_unreadable": N_("template {file}: {reason}"),
    "template_broken": N_("template {file}: not a Word document (.docx) dirtrack can read"),
    "template_page_setup": N_(
        "template {file}: its page set-up (the page size and margins of its last section) is "
        "missing or no page Word prints; set the page up in Word and save the template again"
    ),
    "template_joined": N_(
        "template {file}: the paragraph '{text}' ends in a brace and the next one opens a "
        "tag, so the two are read as one tag and the paragraph is dropped from the report "
        "without a word; put each tag's braces in one paragraph"
    ),
    "template_namespace": N_(
        "template {file}: its document does not declare the namespace '{prefix}' ({uri}), "
        "which Word declares in every document it saves, so the report's pictures "
        "cannot be written in it: it was not saved by Word; open it in Word and save it again"
    ),
    "template_syntax_at": N_("a placeholder or tag is not written as a template reads it: {tag}"),
    "template_failed_kind": N_("a placeholder failed while it was filled ({kind})"),
    "template_takes_in": N_(
        "a tag takes in another file (include, import, extends, from), which a template "
        "cannot: everything it fills is in the .docx itself"
    ),
    "template_unclosed": N_("a block is never closed before the template ends: {tag}"),
    "template_attribute": N_("the attribute {name}"),
    "template_xml_at": N_("line {line}, column {column} of the filled document"),
    "template_unpacks_too_large": N_(
        "template {file}: unpacks to {size} MB, more than the {limit} MB dirtrack reads from a "
        "template (a zip bomb?)"
    ),
    "template_external": N_(
        "template {file}: {part} points outside the document ({target}), which Word would "
        "fetch when the report is opened; put the picture or file in the document itself, or "
        "remove it"
    ),
    "template_not_xml": N_(
        "template {file}: once filled, it is not a Word document: a placeholder writes what "
        "Word's XML cannot hold ({reason})"
    ),
    "template_unsafe": N_(
        "template {file}: a placeholder reaches past the values dirtrack fills in, which a "
        "template may not do ({reason})"
    ),
    "template_too_large": N_(
        "template {file}: a placeholder makes a value too large for a document (a text or list "
        "of more than {items} items, a number of more than {bits} bits, a range of more "
        "than {range})"
    ),
    "template_too_long": N_(
        "template {file}: its placeholders do too much work for a document (more than {turns} "
        "loop turns, {calls} calls or {chars} characters written)"
    ),
    "urge_unit_or_all": N_("give a UNIT or --all (not both)"),
    "urge_out_or_dir": N_("--out and --dir cannot be used together"),
    "urge_all_needs_dir": N_("--all writes one letter per unit: use --dir DIR, not --out"),
    "urge_all_no_dir": N_(
        "--all writes one letter per unit, each a file of its own: give --dir DIR (on standard "
        "output they would run together, and a .docx would open as its last letter alone)"
    ),
    "urge_all_number": N_(
        "--all writes several letters: number them one by one, not with --number"
    ),
    "urge_reply_before": N_("--reply-by {date} is before the letter's date {issued}"),
    "pack_due_before": N_("--due {date} is before the day the pack is made ({made})"),
    "urge_nothing": NP_(
        "{unit} has nothing overdue or due within {n} day as of {date}: no letter",
        "{unit} has nothing overdue or due within {n} days as of {date}: no letter",
    ),
    "urge_nothing_today": N_("{unit} has nothing overdue or due on {date}: no letter"),
    "template_unknown": N_("template {file}: unknown placeholder {names}; known: {known}"),
}


# --- correcting records: edit, delete, reopen, unit rename, undo, duplicates ---------------------

MESSAGES.update(
    {
        "edited": N_(
            "{what} {id} corrected (change #{change}: `dirtrack undo {change}` takes it back)"
        ),
        "edit_unchanged": N_("{what} {id}: nothing changed"),
        "office_unchanged": N_("{what}: nothing changed"),
        "deleted": N_("{what} {id} deleted with what depended on it (change #{change})"),
        "delete_what": N_("This deletes {what} {id}"),
        "delete_with": N_("together with {what}: {ids}"),
        "delete_unlink": N_("{what} {ids}: kept, its link to it cleared"),
        "reopened": N_("directive {id} is open again from {date} (change #{change})"),
        "reopened_mistake": N_(
            "directive {id} is open: its closure was recorded by mistake and is cleared as if never"
            " recorded (change #{change})"
        ),
        "renamed": N_("unit {unit} is now called {name}; its old name and code still find it"),
        "undo_will": N_("will undo #{id} {command} by {actor}: {changes}"),
        "confirm_question": N_("Go ahead? [y/N]"),
        "restore_will": N_("restore {file} ({counts}) in place of {db} ({now})"),
        "restore_none": N_("no database yet"),
    }
)

ERRORS.update(
    {
        "w_change": C_("history entry", "change"),
        "day_reopening": N_("reopening date"),
        "extend_not_later": N_(
            "the new deadline {due} of directive {id} is not after the deadline in force "
            "({in_force}): an extension moves it later (to correct a typo: edit directive --due)"
        ),
        "extend_after_later": N_(
            "the new deadline {due} of directive {id}, approved on {on}, is not before the "
            "deadline {later} approved after it, on {later_on}: an extension moves it later"
        ),
        "reopen_open": N_("directive {id} is neither completed nor cancelled: nothing to reopen"),
        "edit_nothing": N_("nothing to change: give at least one option (see --help)"),
        "no_due_extended": N_(
            "directive {id} has an approved extension to {extended}, which would stay in force "
            "with no deadline given: --no-due removes the deadline given at the meeting only; "
            "take the extension back first (dirtrack history shows its change, dirtrack undo "
            "CHANGE takes it back), or correct the deadline with --due"
        ),
        "due_after_extension": N_(
            "the deadline {due} of directive {id} would not be before its approved extension "
            "to {extended}"
        ),
        "edit_key_clash": N_(
            "unit {unit} already holds directive {other} with the key of directive {id}"
        ),
        "meeting_duplicate": N_(
            "meeting {id} on {date} has the same title ({title}); use --allow-duplicate to "
            "record another"
        ),
        "series_duplicate": N_(
            "periodic directive {id} already gives {unit} this text at meeting {meeting}; use "
            "--allow-duplicate to record another"
        ),
        "limitation_duplicate": N_(
            "limitation {id} already raises this about {unit} at meeting {meeting}; use "
            "--allow-duplicate to record another"
        ),
        "directive_duplicate": N_(
            "directive {id} already gives {unit} this text at meeting {meeting}; use "
            "--allow-duplicate to record another"
        ),
        "meeting_after_dates": N_(
            "meeting {id} cannot be moved to {held}: the {what} of {kind} {ident} is {day}, "
            "before it"
        ),
        "edit_linked_unit": N_(
            "limitation {id} is linked as a repeat with limitation {other}: unlink it "
            "(limitation unlink) before changing its unit"
        ),
        "meeting_breaks_repeat": N_(
            "meeting {id} cannot be moved to {held}: limitation {repeat} would no longer come "
            "after limitation {first}, which it repeats (limitation unlink first)"
        ),
        "rename_same": N_("unit {unit} already has that name and code: nothing to rename"),
        "no_change": N_("no change #{id} in the history (see dirtrack history)"),
        "undo_of_undo": N_("#{id} is an undo, and an undo is never undone: run the command again"),
        "already_undone": N_("#{id} was already undone by #{by}"),
        "undo_later": N_(
            "cannot undo #{id} ({command}): later commands touch the same records: {later}; "
            "undo those first"
        ),
        "undo_closes_before": N_(
            "cannot undo #{id} ({command}): directive {directive} would be closed again on "
            "{day}, before the {other} {first} recorded on it since; undo that first"
        ),
        "undo_breaks_links": N_(
            "cannot undo #{id} ({command}): records added since depend on what it would remove"
        ),
        "nothing_to_undo_of": N_(
            "nothing to undo: {actor} has no recorded command left to revert (undo CHANGE_ID "
            "undoes a given one)"
        ),
        "undo_id_or_count": N_("give a CHANGE_ID or --count, not both"),
        "needs_yes": N_("{command} asks before it changes anything; not at a terminal, add --yes"),
        "not_confirmed": N_("not confirmed: nothing was changed"),
        "with_and_no_with": N_("--with and --no-with cannot be used together"),
        "field_and_no_field": N_("--field and --no-field cannot be used together"),
        "due_and_no_due": N_("--due and --no-due cannot be used together"),
        "set_and_clear": N_("{given} and {clear} cannot be used together"),
        "unknown_record_kind": N_("unknown kind {kind!r}; use one of {kinds}"),
        "unknown_kind": N_("unknown meeting kind {kind!r}; use one of {choices}"),
        "changed_while_asking": N_(
            "the records changed while waiting for the answer; nothing was deleted, run it again"
        ),
    }
)


TEXT.update(
    {
        "imp_create": N_("create {things}"),
        "imp_update": NP_("update {n}", "update {n}"),
        "imp_leave": NP_("leave {n} unchanged", "leave {n} unchanged"),
        "imp_created": N_("created {things}"),
        "imp_updated": NP_("updated {n}", "updated {n}"),
        "imp_unchanged": NP_("unchanged {n}", "unchanged {n}"),
        "imp_nothing": N_("write nothing"),
        "imp_nothing_done": N_("nothing changed"),
        "imp_no_records": N_("no record"),
    }
)


# --- counted things, said inside other messages: Count("units", 3) -------------------------

COUNTS: dict[str, Entry] = {
    "directives": NP_("{n} directive", "{n} directives"),
    "meetings": NP_("{n} meeting", "{n} meetings"),
    "units": NP_("{n} unit", "{n} units"),
    "limitations": NP_("{n} limitation", "{n} limitations"),
    "bad_rows": NP_("{n} bad row", "{n} bad rows"),
    "days": NP_("{n} day", "{n} days"),
    "records": NP_("{n} other record", "{n} other records"),
    "aliases": NP_("{n} alias", "{n} aliases"),
}


# --- Click's and Typer's own words (they do not use gettext; dirtrack.cli.app says them) ----------

CLICK: tuple[Entry, ...] = (
    N_("Usage:"),
    N_("[OPTIONS]"),
    N_("COMMAND [ARGS]..."),
    N_("Arguments"),
    N_("Options"),
    N_("Commands"),
    N_("[default: {}]"),
    N_("[env var: {}]"),
    N_("[required]"),
    N_("(deprecated) "),
    N_("Try [blue]'{command_path} {help_option}'[/] for help."),
    N_("Aborted."),
    N_("Error"),
    N_("Show this message and exit."),
    N_("Install completion for the current shell."),
    N_("Show completion for the current shell, to copy it or customize the installation."),
)

#: Typer's type labels, shown where a parameter has no placeholder of its own (``--key <str>``, an
#: argument's ``<int>``). They and every ``metavar=`` of the code (``DATE``, ``FILE``; extracted
#: by tools/messages.py) are said in the context "metavar" (:func:`placeholder`).
METAVAR: tuple[Entry, ...] = (
    C_("metavar", "<str>"),
    C_("metavar", "<int>"),
    C_("metavar", "<choice>"),
)


def placeholder(text: str, lang: str) -> str:
    """A placeholder of ``--help`` (``DATE``, ``[ID]``, ``<int>``) in ``lang``: a code list
    (``calendar|nd09``) or one the catalog does not know stays as it is."""
    return translations(lang).pgettext("metavar", text)


#: Click's error messages as it writes them in English -> what dirtrack says instead.
CLICK_ERRORS: dict[str, Entry] = {
    "Invalid value for {hint}: {message}": N_("Invalid value for {hint}: {message}"),
    # Typer names the variable of an option that has one (--lang: DIRTRACK_LANG).
    "Invalid value for {hint} (env var: {envvar}): {message}": N_(
        "Invalid value for {hint} (env var: {envvar}): {message}"
    ),
    "Invalid value: {message}": N_("Invalid value: {message}"),
    "Missing argument {hint}.": N_("Missing argument {hint}."),
    # A missing choice (completion's SHELL): Typer lists the choices one a line, tab-indented.
    "Missing argument {hint}. Choose from:\n\t{choices}": N_(
        "Missing argument {hint}. Choose from: {choices}."
    ),
    "Missing option {hint}. Choose from:\n\t{choices}": N_(
        "Missing option {hint}. Choose from: {choices}."
    ),
    "Missing option {hint}.": N_("Missing option {hint}."),
    "Missing parameter {hint}.": N_("Missing parameter {hint}."),
    "No such option: {name}": N_("No such option: {name}"),
    "No such option: {name} (Possible options: {names})": N_(
        "No such option: {name} (Possible options: {names})"
    ),
    "No such command {name}.": N_("No such command {name}."),
    "No such command {name}. Did you mean {suggestions}?": N_(
        "No such command {name}. Did you mean {suggestions}?"
    ),
    "Missing command.": N_("Missing command."),
    "Got unexpected extra argument(s) ({args})": NP_(
        "Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"
    ),
    "Option {name} requires an argument.": N_("Option {name} requires an argument."),
    "Option {name} requires {n} arguments.": N_("Option {name} requires {n} arguments."),
    "Option {name} does not take a value.": N_("Option {name} does not take a value."),
    "{value} is not one of {choices}.": N_("{value} is not one of {choices}."),
    "{value} is not a valid integer.": N_("{value} is not a valid integer."),
    "{value} is not a valid float.": N_("{value} is not a valid float."),
    # The words of the Click that Typer vendors (typer._click, Typer 0.26 on).
    "{value} is not a valid int.": N_("{value} is not a valid integer."),
    "{value} is not in the range {range}.": N_("{value} is not in the range {range}."),
}


@cache
def _click_patterns() -> list[tuple[re.Pattern[str], Entry]]:
    """Click's English messages as patterns, longest first, with their catalog entries."""
    patterns = []
    for english, entry in sorted(CLICK_ERRORS.items(), key=lambda pair: -len(pair[0])):
        regex = ""
        for literal, name, _spec, _conv in string.Formatter().parse(english):
            regex += re.escape(literal)
            if name is not None:
                regex += f"(?P<{name}>.*?)"  # empty too: an empty argument is said as ''
        patterns.append((re.compile(regex, re.DOTALL), entry))
    return patterns


def click_text(message: str, lang: str) -> str:
    """A message of Click's (``No such option: --x``) in ``lang``; unknown ones as they are."""
    for pattern, entry in _click_patterns():
        found = pattern.fullmatch(message)
        if found is None:
            continue
        values = found.groupdict()
        if "message" in values:
            values["message"] = click_text(values["message"], lang)
        if "choices" in values:  # "bash,\n\tzsh" as "bash, zsh"
            values["choices"] = ", ".join(c.strip() for c in values["choices"].split(","))
        if "args" in values and not values["args"].strip():  # extra arguments that are all ""
            values["args"] = "''"
        n = len(values["args"].split()) if "args" in values else None
        for typed in ("args", "name"):  # what was typed, said unquoted: cut when huge
            if typed in values:
                values[typed] = cut(values[typed])
        return say(entry, lang, n).format(**values)
    return message


class ClickPhrase:
    """A message of Click's (a value a configuration file gives, converted as the command line
    would), said in the language of the message that quotes it (:func:`click_text`)."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message

    def render(self, lang: str) -> str:
        return click_text(self.message, lang)

    def __str__(self) -> str:
        return self.message


# --- periodic directives and the working-day calendar ----------------------------------------

# --- and results, requests, fields and scores ----------------------------------------------------

STATUS["withdrawn"] = N_("Withdrawn")

TEXT.update(
    {
        "every": N_("Every"),
        "every_month": N_("monthly"),
        "every_quarter": N_("quarterly"),
        "every_half-year": N_("half-yearly"),
        "every_year": N_("yearly"),
        "series_day": N_("day"),
        "series_rule": N_("Deadline rule"),
        "series_span": N_("From–until"),
        # a series an older dirtrack recorded ending before it starts (refused at entry now)
        "series_span_reversed": N_("{start}–{end} (ends before it starts)"),
        "day_off": N_("Day off"),
        "day_worked": N_("Working day"),
        # whose word a day of `calendar list` is (its `source`)
        "day_source_office": C_("day source", "the office"),
        "day_source_law": C_("day source", "the law"),
        "day_kind": N_("Kind of day"),  # the header over day_off / day_worked
        "cal_made_up": N_("worked in place of a day off"),
        "note": N_("Note"),
        "withdrawn": C_("withdrawn", "Withdrawn"),
        "ev_result": N_("Reported done"),
        "ev_accepted": N_("Accepted"),
        "ev_returned": N_("Returned"),
        "ev_withdrawn": N_("Withdrawn"),
        "ev_reopened": N_("Reopened"),
        "ev_request_extend": N_("Extension asked"),
        "ev_request_withdraw": N_("Withdrawal asked"),
        "ev_request_approved": N_("Request approved"),
        "ev_request_rejected": N_("Request refused"),
        "ev_request_moot": N_("Request moot (directive closed)"),
        # a request whose kind or decision another program typed in, none of dirtrack's
        "ev_request_code": N_("Request: {code}"),
        "risk": N_("Risk"),
        "risk_red": N_("Red"),
        "risk_yellow": N_("Yellow"),
        "risk_green": N_("Green"),
        "risk_grey": N_("Grey"),
        "field": N_("Field"),
        "leader": N_("Leader in charge"),
        "result_doc": N_("Result document"),
        "verdict_meets": N_("meets requirements"),
        "verdict_exceeds": N_("exceeds requirements"),
        "verdict_short": N_("falls short of requirements"),
        "accepted_on": N_("accepted on"),
        "returned_on": N_("returned on"),
        "directive_short": N_("Directive"),
        "asked_on": N_("Asked"),
        "reason": N_("Reason"),
        "req_kind_extend": N_("extension"),
        "req_kind_withdraw": N_("withdrawal"),
        "req_pending": N_("pending"),
        "req_approved": N_("approved"),
        "req_rejected": N_("refused"),
        "req_moot": N_("moot (directive closed)"),
        # asked after the deadline in force: not done_late's "completed late" (one msgid, one
        # Vietnamese, put "Hoàn thành quá hạn" over the requests' column)
        "asked_late": C_("request asked", "Late"),
        "because": N_("Because"),
        "from_day": N_("From"),
        "until_day": N_("Until"),
        "sc_title": N_("Scores for emulation"),
        "sc_summary": N_("Points and tier per unit"),
        "sc_explanation": N_("Where every point comes from"),
        "sc_sheet_summary": N_("Points"),
        "sc_sheet_explanation": N_("Explanation"),
        "sc_points": N_("Points"),
        "sc_tier": N_("Tier"),
        "sc_scored": N_("Scored"),
        "sc_behind": N_("Behind"),
        "sc_exceeds": N_("Exceeding"),
        "sc_rule": N_("Rule"),
        "sc_base": N_("Points given outright"),
        "sc_outcome": N_("Outcome"),
        "sc_coordinator": N_("As coordinating unit"),
        "sc_delay": N_("Delay"),
        "sc_delay_exempt": N_("Delay exempted"),
        "sc_delay_floor": N_("No lower than the floor"),
        "sc_delay_detail": N_("(deadline {due}, {days} late)"),
        "sc_rules_used": N_("Rule set: {title} ({source})."),
        "sc_rule_set": N_("Rule set"),
        "sc_tiers": N_("Tiers"),
        "sc_note": N_(
            "Points are truncated to two decimals; the lines of a unit add up to its points."
        ),
        "br_title": N_("Leader's brief"),
        "br_section": N_("Where things stand"),
        # The brief's sentences, clause by clause: a clause whose count is 0 is left out.
        "br_totals": N_("{total} counted: {clauses}."),
        "br_totals_plain": N_("{total} counted."),
        "br_no_directives": N_("No directive is counted in the period."),
        "br_red_n": N_("{n} open in red"),
        "br_yellow_n": N_("{n} open in yellow"),
        "br_requests": N_("Extensions: {clauses}."),
        "br_no_requests": N_("No extension was asked for."),
        "br_asked": N_("{n} asked"),
        "br_granted": N_("{n} granted"),
        "br_refused": N_("{n} refused"),
        "br_asked_late": N_("{n} asked after the deadline"),
        "br_units": N_("Units by risk"),
        "br_leaders": N_("Leaders in charge by risk"),
        "br_no_leader": N_("(no leader in charge)"),
        "br_red": N_("Red directives"),
        "br_note": N_(
            "Red: overdue, or due within days with little progress. Yellow: due soon, "
            "no news for long, a request waiting, repeated limitations. Grey: cannot be judged yet."
        ),
        # The requests sentence, clause by clause (a clause whose count is 0 left out).
        "report_req_extend": N_("Extension requests: {clauses}"),
        "report_req_withdraw": N_("withdrawal requests: {clauses}"),
        "report_req_late": N_("{n} after the deadline"),
        "report_req_pending": N_("{n} pending"),
        "report_requests_moot": NP_(
            "{n} request left unanswered became moot: its directive was closed first.",
            "{n} requests left unanswered became moot: their directive was closed first.",
        ),
        "report_withdrawn": N_(
            "{n} withdrawn from the programme (not counted, like cancelled ones)."
        ),
        "office_accepts_completions": N_("Accepts completions"),
        "office_on_time_by": N_("On time judged by"),
        "office_yes": N_("yes"),
        "office_no": N_("no"),
        "office_on_time_by_document": N_("the result document's date"),
        "office_on_time_by_acceptance": N_("the acceptance"),
        "report_by_field": N_("By field"),
        "report_by_leader": N_("By leader in charge"),
        "report_sheet_field": N_("By field"),
        "report_sheet_leader": N_("By leader"),
        "report_no_field": N_("(no field)"),
        "report_series": N_("Periodic directives"),
        "report_series_occurrences": N_("Occurrences of periodic directives in the period"),
        "report_sheet_series": N_("Periodic"),
        "report_sheet_series_occurrences": N_("Occurrences"),
        "report_series_carried": N_("Earlier, still counted"),
        "report_days_late": N_("Days late"),
        "report_occurrence_period": C_("report_occurrence_period", "Period"),
        # The periodic directives' sentence: the clauses of a count of 0 left out.
        "report_series_summary": N_(
            "Periodic directives ({series} series), occurrences of the period: {total}"
        ),
        "report_series_on_time": N_("done on time: {n}"),
        "report_series_late": N_("done late: {n}"),
        "report_series_in_time": N_("in time: {n}"),
        "report_series_overdue": N_("overdue: {n}"),
        "report_series_carried_n": N_("of earlier periods, still counted: {n}"),
    }
)

MESSAGES.update(
    {
        "usage_hint": N_("Try '{command} {option}' for help."),
        "lead_also_with": N_(
            "{unit} leads directive {id} and was named among its coordinating units too: kept as "
            "the lead only (a unit does not coordinate what it leads)"
        ),
        "lead_also_with_series": N_(
            "{unit} leads series {id} and was named among its coordinating units too: kept as "
            "the lead only (a unit does not coordinate what it leads)"
        ),
        "lead_was_with": N_(
            "{unit} leads directive {id} now and is no longer among its coordinating units (a "
            "unit does not coordinate what it leads)"
        ),
        "deadline_moved": N_("{phrase!r}: {named} is a day off; the deadline is {due}"),
        "unit_by_part": N_("{ref!r} is read as unit {unit}, the only one whose name holds it"),
        "unit_by_marks": N_(
            "{ref!r} is read as unit {unit}, the only one named with these letters, whose marks "
            "differ"
        ),
        "occurrences_not_made": N_(
            "the database cannot be written here (read-only): the occurrences of periodic "
            "directives needed up to {day} that it does not hold yet are missing from what "
            "follows; any command that writes to it where it can be written makes them"
        ),
        "series_day_clamped": N_(
            "day {n} is missing from some months: their deadline is the month's last day"
        ),
        # series stop: the sentence, then the clauses of series_stop_removed and _kept that
        # are not 0 (none is "0 removed" or "kept: -")
        "series_stopped": N_("series {id} ends before {date}"),
        "calendar_off": N_("{date}: a day off for the office"),
        "calendar_on": N_("{date}: a working day for the office"),
        "calendar_already_off": N_(
            "{date} was a day off already (a weekend, a holiday or the office's): it moves no "
            "deadline"
        ),
        "calendar_already_on": N_("{date} was a working day already: it moves no deadline"),
        "calendar_moved": N_(
            "deadlines of periodic directives moved with it (directive → deadline): {moved}"
        ),
        "done_awaiting": N_(
            "directive {id}: reported done on {date}; it counts as done once accepted"
        ),
        "accepted": N_("directive {id}: completion accepted on {date}"),
        "returned": N_("directive {id}: completion returned on {date}; the directive is open"),
        "requested_extend": N_("directive {id}: extension request {request} recorded"),
        "requested_withdraw": N_("directive {id}: withdrawal request {request} recorded"),
        "approved_extend": N_("request {request}: extension of directive {id} approved on {date}"),
        "approved_withdraw": N_("request {request}: directive {id} withdrawn on {date}"),
        "rejected": N_("request {request}: refused on {date}"),
        "leader_assigned": N_("{name}: in charge from {date}"),
        "fields_set": NP_("field set on {n} directive", "field set on {n} directives"),
        "fields_none": N_("no directive without a field has a suggestion: nothing was set"),
        "because_suffix": N_("the meeting's document {doc}"),
        "because_unit": N_("most directives of {unit}"),
    }
)

ERRORS.update(
    {
        "w_series": N_("series"),
        "w_day": N_("day"),
        "w_office": N_("office profile"),
        "calendar_year": N_("the calendar of days off covers the years {first}–{last}, not {year}"),
        "calendar_runs_past": N_(
            "{option} {day}{also}: the days counted from it run past the calendar of days off, "
            "which covers the years {first}–{last}"
        ),
        "bad_working_days": N_("a number of working days must be from 1 to {max}, not {n}"),
        "deadline_needs_meeting": N_(
            "this deadline counts from a day: give it at a meeting or with --from"
        ),
        "bad_after_tet": N_("--after-tet must be from 0 to 366 working days, not {n}"),
        "not_a_month": N_("{text!r}: there is no such month"),
        "bad_early_day": N_("--early-day must be a day from 1 to 28, not {n}"),
        "not_a_deadline_calendar": N_(
            "{text!r} is not a deadline; use a date ({date_forms}), {span_forms}, or "
            "{calendar_forms}"
        ),
        "unknown_every": N_("--every {value!r} is not a period; use {choices}"),
        "day_and_offset": N_("give --day or --offset, not both"),
        "bad_series_day": N_("--day must be a day of the month from 1 to 31, not {n}"),
        "bad_offset": N_("--offset must be from 0 to {max} days, not {n}"),
        "series_ends_first": N_("--until {end} is before the series starts ({start})"),
        "series_no_occurrence": N_(
            "the series from {start} to {end} would have no occurrence: the deadline of every "
            "period in it falls before {start}; give a later --until, or another --day or --offset"
        ),
        "series_starts_beyond": N_(
            "--from {start} is past the calendar of days off, which covers the years {first}–{last}"
        ),
        "series_ends_beyond": N_(
            "--until {end} is past the calendar of days off, which covers the years {first}–{last}"
        ),
        "series_before_meeting": N_(
            "the series cannot start ({start}) before the meeting that gave it ({held})"
        ),
        "no_series": N_("no series with id {id}"),
        "stop_before_start": N_("{day} is before the series starts ({start})"),
        "stop_on_start": N_(
            "--from {day} is the first day of series {id}: a series keeps at least its first "
            "day (stop it from a later day, or undo the assign that recorded it)"
        ),
        "series_already_ends": N_("series {id} already ends on {end}"),
        "needs_every": N_("--day, --offset, --until and --dry-run go with --every"),
        "every_with_due": N_(
            "--due does not go with --every: each occurrence's deadline comes from --day or "
            "--offset"
        ),
        "off_or_on": N_("say --off or --on (one of them)"),
        "option_given_twice": N_("{option} is given more than once: give it once"),
        "w_request": N_("request"),
        "office_bad_yes_no": N_("{option} takes yes or no, not {value!r}"),
        "office_acceptance_unaccepted": N_(
            "--on-time-by acceptance needs --accept-completions yes: an office that does not "
            "accept completions never has a day of acceptance to judge them by (give both, or "
            "--on-time-by document)"
        ),
        "office_bad_on_time_by": N_("unknown --on-time-by {value!r}; use one of {choices}"),
        "do_accept": N_("accept"),
        "do_return": N_("return"),
        "do_withdraw": N_("withdraw"),
        "do_request_extend": N_("ask for more time on"),
        "do_request_withdraw": N_("ask to withdraw"),
        "day_result_doc": N_("result document date"),
        "day_request": N_("request date"),
        "req_approved": N_("approved"),
        "req_rejected": N_("refused"),
        "directive_withdrawn": N_("cannot {action} directive {id}: it was withdrawn on {date}"),
        "bad_doc_number": N_(
            "{value!r} is not a document number (like 45/BC-SYT, 42/2014/QĐ-TTg or 111-KL/TU)"
        ),
        "result_file_empty": N_(
            "the result file {path} is empty (0 bytes): give the result document itself"
        ),
        "doc_after_done": N_(
            "the result document is dated {doc_date}, after the completion was reported ({date})"
        ),
        "bad_verdict": N_("unknown verdict {value!r}; use one of {choices}"),
        "awaiting_acceptance": N_(
            "directive {id} was reported done on {date} and waits for accept or return"
        ),
        "not_done": N_("cannot {action} directive {id}: no completion is waiting for an answer"),
        "already_accepted": N_("the completion of directive {id} was already accepted on {date}"),
        "accept_before_done": N_("{date} is before the completion was reported ({done})"),
        "reason_required": N_("give the reason with --reason"),
        "request_pending": N_(
            "directive {id} already has request {request} of that kind waiting for an answer"
        ),
        "request_not_later": N_(
            "the deadline asked for ({to}) is not after the one in force ({due})"
        ),
        "no_request": N_("no request with id {id}"),
        "request_answered": N_("request {id} was already {decision} on {date}"),
        "request_answered_undated": N_("request {id} was already {decision}"),
        "answer_before_request": N_("{date} is before the request was made ({asked})"),
        "field_bad_code": N_(
            "field code {code!r} must start with a letter or digit, without spaces (Latin "
            "letters, Vietnamese ones included: not the Cyrillic, Greek or full-width letters "
            "that look like them)"
        ),
        "field_no_name": N_("a field needs a name"),
        "field_taken": N_("{what} {value!r} already refers to field {field}"),
        "field_unknown": N_("no field {ref!r}; closest: {near}"),
        "field_unknown_none": N_("no field {ref!r}; no fields are registered yet (field add)"),
        "field_unknown_far": N_(
            "no field {ref!r}; no registered field is close to it (field list)"
        ),
        "leader_no_name": N_("a leader needs a name"),
        "leader_nothing": N_("give at least one --field or --unit"),
        "leader_overlap": N_(
            "{what}: {leader} is already in charge from {date}; the assignment would overlap"
        ),
        "leader_unknown": N_("no leader {ref!r}; closest: {near}"),
        "leader_ambiguous": N_("leader {ref!r} is ambiguous: {leaders}"),
        "leader_unknown_none": N_(
            "no leader {ref!r}; no leader is in charge of anything yet (leader assign)"
        ),
        "leader_unknown_far": N_(
            "no leader {ref!r}; no leader's name is close to it (leader list)"
        ),
        "rules_unknown": N_("no rule set {ref!r}: neither a preset ({presets}) nor a file"),
        "rules_not_toml": N_("the rule file {path} is not valid TOML: {detail}"),
        "rules_bad_key": N_("{where}: {key} must be {problem}"),
        "rk_number": N_("a number"),
        "rk_one_of": N_("one of {names}"),
        "rk_table": N_("a table"),
        "rk_whole": N_("a whole number from 0 to {limit}"),
        "rk_not_negative": N_("a number, 0 or more"),
        "rk_some_weight": N_(
            "a number above 0 when weight.coordinator is 0: with both at 0 no directive would be "
            "scored"
        ),
        "rk_some_outcome": N_(
            'a number when every other outcome is "skip": otherwise no directive would be scored'
        ),
        "rk_code_twice": N_("a code no other [[tier]] has ({code!r} is given twice)"),
        "rk_tiers": N_("one [[tier]] table or more"),
        "rk_text": N_("a text"),
        "rk_bool": N_("true or false"),
        "rk_number_range": N_("a number from -{limit} to {limit}"),
        "rk_plain_text": N_("a text without control characters ({code} found)"),
        "rk_share": N_("a share from 0 to 1"),
        "rk_floor": N_(
            "a share of 1 or less (a floor above a directive's full share would give every "
            "directive, even one overdue, more than full points)"
        ),
        "rk_tier_shadowed": N_(
            "below {min}: [[tier]] {code!r}, tried before it without conditions, takes every "
            "unit with {min} points or more, so this one is never given (put the tiers from the "
            "highest min down)"
        ),
        "rk_tier_unreachable": N_(
            "points a unit can reach: at most {most} (base + scale × the highest share)"
        ),
        "rk_tier_none_at_least": N_(
            "{least} or less in one [[tier]] without conditions at least: a unit's points can "
            "fall to {least} (base + scale × the lowest share), and it would otherwise get no "
            "tier"
        ),
        "rk_floor_needed": N_(
            "a share, given whenever delay.deduct is above 0: without a floor, delays take a "
            "unit's points down without end, below every [[tier]], and it would get no tier"
        ),
        "rk_tier_none_at_base": N_(
            "{base} or less in one [[tier]] without conditions at least: a unit whose "
            "directives earn nothing (base, {base} points) would otherwise get no tier"
        ),
    }
)

# What a row of an imported sheet, or a block of a draft, has wrong (a problem) or worth saying
# (a warning); the place ("row 3, column B") is said before it with w_row / w_column.
ERRORS.update(
    {
        "w_line": N_("line {line}"),
        "row_warning": N_("row {row}: {text}"),
        "warn_hidden_column": N_(
            "column {column} ({header}) is hidden and holds what column {read} ({read_header}) "
            "holds: column {read} is read; --map '{header}={field}' reads the hidden one"
        ),
        "sheet_not_read": N_(
            "sheet {sheet!r} holds a table of directives too; it was not read (import it with "
            "--sheet {sheet!r}, or every sheet at once with --sheet all)"
        ),
        "row_no_text": N_("empty: the directive's text is missing"),
        "row_no_unit": N_("empty: every directive needs a lead unit"),
        "row_no_lead_marked": N_(
            "{value!r} names coordinating units only: every directive needs a lead unit "
            "(mark it 'chủ trì', or write it first, unmarked)"
        ),
        "row_unit_heading_bad": N_(
            "no lead unit: the heading above it (row {row}) names no registered unit"
        ),
        "row_no_unit_heading": N_(
            "no lead unit: the sheet has no lead unit column, and no heading above the row "
            "names a registered unit (a row such as 'I. Sở Nội vụ' over its directives); add "
            "one, or name the unit column with --map 'HEADER=unit'"
        ),
        "row_no_key": N_("empty: the key column must identify every row"),
        "row_no_meeting": N_(
            "no meeting: no column names the row's meeting or document (Văn bản giao, Cuộc "
            "họp…), no heading row above names one, and no --meeting ID was given"
        ),
        "row_meeting_day_only": N_(
            "no meeting was held on {day} and no column names the row's meeting or document: "
            "record it with add-meeting, name it in a column (Văn bản giao, Cuộc họp…), or "
            "give --meeting ID"
        ),
        "row_meetings_match": N_(
            "{shown!r} matches meetings {ids}; write the meeting id in the cell instead"
        ),
        "row_meeting_when": N_(
            "cannot tell when {shown!r} was held: write its date in the cell "
            "('… ngày 6/5/2022'), add a 'Ngày họp' column, or give --meeting ID"
        ),
        "row_meeting_when_given": N_(
            "cannot tell when {shown!r} was held: write its date in the cell "
            "('… ngày 6/5/2022') or add a 'Ngày họp' column"
        ),
        "cell_extension_no_due": N_(
            "{value!r} extends no deadline: write the deadline first, then the extension "
            "('30/6/2023 (gia hạn đến 31/12/2023)')"
        ),
        "cell_extension_no_day": N_(
            "{value!r} names no day an extension runs to: write the new deadline "
            "('31/12/2023'), or leave the cell empty"
        ),
        "cell_extension_not_later": N_(
            "the extension to {new_due} is not later than the deadline {due}: write the "
            "deadline in force alone"
        ),
        "row_performed_no_day": N_(
            "{value!r} does not say whether the directive is done: if it is, write 'Đã hoàn "
            "thành ngày 20/7/2023' (or the date in a 'Ngày hoàn thành' column); if not, "
            "'Đang thực hiện'"
        ),
        "row_status_unclear": N_(
            "{value!r} may mean cancelled or not done: if it was stopped, write 'Dừng thực "
            "hiện ngày 10/8/2023: lý do'; if it is still to be done, 'Chưa thực hiện'"
        ),
        "row_done_part": N_(
            "{value!r} says done beside a share of {percent}%: if it is done, write 'Hoàn "
            "thành ngày 20/7/2023' (or 'Hoàn thành 100%'); if not, 'Đang thực hiện, đạt "
            "{percent}%'"
        ),
        "row_several_units": N_(
            "{name!r} names several bodies, not one lead unit: give each its own row, or one "
            "lead unit here and the others under the coordinating units; or register a unit "
            "of that very name (dirtrack unit add)"
        ),
        "warn_submitted": N_(
            "the unit has submitted its product to the leader (awaiting a decision): recorded "
            "in progress, the words kept as its progress; when the decision or document is "
            "issued, record it with dirtrack done"
        ),
        "warn_submitted_claim": N_(
            "the unit has submitted its product to the leader: recorded as the completion it "
            "reported on {day}, waiting for the office's acceptance (dirtrack accept, or "
            "dirtrack return)"
        ),
        "sheet_warning": N_("sheet {sheet!r}: {text}"),
        "skip_empty": N_("empty"),
        "skip_chart": N_("a chart sheet"),
        "skip_no_header": N_("no header row in its first {n} rows"),
        "skip_no_directives": N_(
            "no column of the directives' text or deadline: a summary or a list, not a table "
            "of directives"
        ),
        "skip_limitations": N_(
            "column {column} ({header}) holds limitations: record them with dirtrack add-limitation"
        ),
        "warn_returned_submitted": N_(
            "directive {id}: the completion it reported was returned on {day}; the sheet's "
            "submission is not after that return, so it is not recorded again (a new "
            "submission is one dated after the return: 'Đã trình ngày …')"
        ),
        "warn_claim_waiting": N_(
            "directive {id}: the completion reported on {day} waits for accept or return "
            "already; the sheet's submission of {other} is not recorded"
        ),
        "warn_withdrawn_submitted": N_(
            "directive {id} was withdrawn on {day}: the submission is not recorded"
        ),
        "warn_status_by_colour": NP_(
            "row {row} says the rows' colours tell their status ({legend!r}); colours are not "
            "read: row {rows} was read by the status its words say",
            "row {row} says the rows' colours tell their status ({legend!r}); colours are not "
            "read: rows {rows} were read by the status their words say",
        ),
        "warn_title_day": N_(
            "row {row} gives the day {day} ({line!r}) but no line says the day the sheet is up "
            "to ('Số liệu tính đến ngày …'): the sheet is read as of today ({today}); give "
            "--as-of {day} to read it as of that day"
        ),
        "warn_completion_derived": NP_(
            "{n} row said done some days late without its completion date: done on its "
            "deadline plus those days (working days where it says 'ngày làm việc'): row {rows}",
            "{n} rows said done some days late without their completion date: each done on its "
            "deadline plus those days (working days where it says 'ngày làm việc'): rows {rows}",
        ),
        "warn_hidden_sheet": N_(
            "sheet {sheet!r} is hidden in the workbook; its table was read as any sheet's"
        ),
        "warn_hidden_rows": NP_(
            "{n} row hidden in the sheet was read as any row (hiding is not deleting): row {rows}",
            "{n} rows hidden in the sheet were read as any row (hiding is not deleting): rows "
            "{rows}",
        ),
        "warn_struck_rows": NP_(
            "{n} row struck through in the sheet was read as any row (a line through a cell is "
            "not read): row {rows}; if it was withdrawn, write 'Dừng thực hiện ngày …' in its "
            "status cell, or delete the row",
            "{n} rows struck through in the sheet were read as any row (a line through a cell is "
            "not read): rows {rows}; if they were withdrawn, write 'Dừng thực hiện ngày …' in "
            "their status cells, or delete the rows",
        ),
        "warn_cell_comments": NP_(
            "{n} comment on a cell of the table was not read (comments are no column): "
            "{cells}; write what it says in the row's cells (a 'Ghi chú' column) if it counts",
            "{n} comments on cells of the table were not read (comments are no column): "
            "{cells}; write what they say in the rows' cells (a 'Ghi chú' column) if it counts",
        ),
        "warn_no_due_column": N_(
            "no column was read as the deadline, so every directive comes in without one; if "
            "column {column} ({header}) holds it, import with --map '{header}=due'"
        ),
        "warn_unheaded_column": N_(
            "column {column} holds values under no header (rows {rows}), which were not read: "
            "give the column a header, or --map '{column}=FIELD' to read it"
        ),
        "warn_unread_column": N_(
            "column {column} ({header}) holds values (rows {rows}), which were not read: no "
            "field of a directive takes them; --map '{column}=FIELD' reads it, --map "
            "'{column}=ignore' leaves it out without this warning"
        ),
        "warn_hidden_column_read": N_(
            "column {column} ({header}) is hidden in the sheet; it was read as {field}"
        ),
        "warn_two_digit_year": N_(
            "column {column} ({header}): {written!r} gives its year in two digits; it is read as "
            "{read} (00-29 as 2000-2029, 30-99 as 1930-1999, as Excel reads them): write the "
            "year in four digits if it is another"
        ),
        "warn_title_two_digit_year": N_(
            "row {row}: {written!r} gives its year in two digits; the sheet is read as of "
            "{read} (00-29 as 2000-2029, 30-99 as 1930-1999, as Excel reads them): give --as-of "
            "if it is another day"
        ),
        "deadline_tet_no_year": N_(
            "{phrase!r} names no year: it is read as Tết {year} (its first day {tet}), the "
            "nearest whose deadline has not passed on the day it is counted from ({ref}): the "
            "deadline is {due}"
        ),
        "deadline_no_year": N_(
            "{phrase!r} names no year: the deadline is read as {due}, in the year of the day "
            "it is counted from ({ref})"
        ),
        "warn_due_on_calendar": N_(
            "deadline {text!r} counted on the office calendar as {due} (working days, days "
            "off and moved days as dirtrack calendar list shows): check it"
        ),
        "warn_progress_truncated": N_(
            "progress {value}%: recorded as {percent}%, progress being kept in whole percents; "
            "the fraction is dropped, never rounded up (99.5%: 99%)"
        ),
        "warn_progress_as_note": N_(
            "progress {value!r} is no percentage dirtrack reads (a whole number from 0 to 100, "
            "or 70%): kept as a progress note"
        ),
        "warn_lead_also_with": NP_(
            "{units} leads the row and is named among its coordinating units too: kept as the "
            "lead only (a unit does not coordinate what it leads)",
            "{units} lead the row and are named among its coordinating units too: kept as the "
            "leads only (a unit does not coordinate what it leads)",
        ),
        "warn_full_not_done": N_(
            "progress 100% without saying the directive is completed: recorded in progress; "
            "write 'Đã hoàn thành ngày …' (or record it with dirtrack done) if it is"
        ),
        "warn_unit_initials": N_(
            "column {column}: {name!r} read as {unit}, the one unit whose name it writes by "
            "its initials: check it (dirtrack unit alias {code} '{name}' says so once for all)"
        ),
        "warn_unit_title": N_(
            "column {column}: {name!r} read as {unit}, the person's title written with the "
            "unit's name left out: check it (dirtrack unit alias {code} '{name}' says so once "
            "for all)"
        ),
        "warn_verdict_done": N_(
            "column {column}: {value!r}, a verdict on the result, read as completed (the "
            "result meets what was asked)"
        ),
        "warn_verdict_open": N_(
            "column {column}: {value!r}, a verdict on the result, read as not completed (open)"
        ),
        "warn_with_group": N_(
            "column {column}: {name!r} names a group of bodies, no one coordinating unit: kept "
            "as words in the progress note, no unit recorded for it (name each unit, or "
            "register a unit of that very name with dirtrack unit add)"
        ),
        "row_asked_no_day": N_(
            "{value!r} asks for a new deadline without saying which: write the day asked for "
            "('Đề nghị gia hạn đến 30/9/2025'), or leave it out and record the request with "
            "dirtrack request extend"
        ),
        "row_asked_no_due": N_(
            "{value!r} asks for a new deadline but gives no deadline: write the deadline first "
            "('30/6/2025 (đề nghị gia hạn đến 30/9/2025)')"
        ),
        "row_asked_closed": N_(
            "{value!r} asks for a new deadline of a directive the row says is done or "
            "cancelled: leave one of them out"
        ),
        "row_extended_twice": N_(
            "the deadline cell says it was extended to {due}, this cell to {other}: keep the "
            "one approved"
        ),
        "row_asked_twice": N_(
            "the row asks for two different new deadlines: keep the one the unit asked for"
        ),
        "row_not_mark": N_("{value!r} is neither a mark (x) nor a date"),
        "row_tick_status": N_(
            "{value!r} is a mark, not a result: if the column marks rows done, say so with "
            "--map '{header}=done_mark' (or '{header}=open_mark' for rows not done)"
        ),
        "row_below_end": N_(
            "a directive below the end of the table (the notes or signature block at row "
            "{end}): move the notes under the last directive, or delete the row"
        ),
        "row_below_other_header": N_(
            "a directive under the header of another table (row {end}), whose columns are not "
            "those of the table's header (row {header}): import that table from a sheet of its "
            "own, or delete the row"
        ),
        "row_done_cancelled": N_("says both done and cancelled"),
        "row_done_open": N_("says it is done and also that it is not"),
        "row_cancel_no_date": N_(
            "marked cancelled but gives no date: write it in the cell ('Dừng thực hiện "
            "ngày 10/8/2022') or give --done-date DATE"
        ),
        "row_add_completion": N_(
            "add its completion date (a 'Ngày hoàn thành' column, or in the cell: 'Đã hoàn "
            "thành ngày 20/7/2022') or give --done-date DATE"
        ),
        "row_done_no_date": N_(
            "marked done but gives no completion date, and the sheet says no date it is up "
            "to: {add}, or give the sheet's date ('Cập nhật đến ngày 30/6/2023' above the "
            "table, or --as-of DATE)"
        ),
        "row_late_no_due": NP_(
            "{value!r} says done {n} day late, but the row gives no deadline to count it from: "
            "add its deadline or its completion date",
            "{value!r} says done {n} days late, but the row gives no deadline to count them "
            "from: add its deadline or its completion date",
        ),
        "row_done_undated": N_(
            "marked done without a date, and due {due}, before the sheet's date {sheet_day}: "
            "done on time or late cannot be told; {add}"
        ),
        "row_completion_before": N_("completion date {day} is before the meeting ({held})"),
        "row_cancellation_before": N_("cancellation date {day} is before the meeting ({held})"),
        "row_completion_after": N_("completion date {day} is after today ({today})"),
        "row_cancellation_after": N_("cancellation date {day} is after today ({today})"),
        "row_repeats": N_(
            "repeats directive {id} (same meeting, lead unit and text); to update directives "
            "from the sheet, import with --key-column"
        ),
        "row_key_repeats": N_("key {key!r} for {unit} repeats row {row}"),
        "row_repeats_row": N_(
            "repeats row {row} (same meeting, lead unit and text); a directive is recorded once, "
            "or give each row its own key (--key-column)"
        ),
        "row_sheet_before_meeting": N_(
            "the sheet is up to {as_of} (--as-of, or its date line), before the meeting "
            "({held}) that gave this directive"
        ),
        "row_approved_before": N_(
            "a new deadline would be approved on {as_of}, before the meeting ({held}); give "
            "--as-of DATE"
        ),
        "warn_controls": N_("control characters removed from {where}: {chars}"),
        "warn_said_on_time": N_("says done on time, but was completed after the deadline"),
        "warn_said_late": N_("says done late, but was completed by the deadline"),
        "warn_late_days": NP_(
            "{value!r} says done {n} day late, but completed on {day} after a deadline of "
            "{due}: the completion day is recorded",
            "{value!r} says done {n} days late, but completed on {day} after a deadline of "
            "{due}: the completion day is recorded",
        ),
        "warn_said_overdue": N_("says overdue, but its deadline {due} is not past on {as_of}"),
        "warn_said_overdue_none": N_("says overdue, but it has no deadline"),
        "warn_said_in_time": N_(
            "says within the deadline, but its deadline {due} passed before {as_of}"
        ),
        "warn_said_in_time_today": N_(
            "says within the deadline, but its deadline {due} has passed (today is {as_of}); "
            "give --as-of DATE if the sheet is older"
        ),
        "warn_key_same_text": N_(
            "directive {id} has the same meeting, lead unit and text; key {key!r} is not its "
            "key, so another directive is recorded"
        ),
        "warn_key_same_row": N_(
            "row {row} has the same meeting, lead unit and text but another key, so two "
            "directives are recorded"
        ),
        "warn_key_elsewhere": N_(
            "directive {id} ({unit}) has key {key!r} too but is not in this row; it is left "
            "as it is"
        ),
        "warn_closed_due": N_("directive {id} is closed; its deadline is left as it is"),
        "warn_edited_text": N_(
            "directive {id}'s text was corrected with dirtrack edit (change #{change}): it is "
            "kept, the sheet's text is not taken (correct the sheet, or edit the directive)"
        ),
        "warn_edited_product": N_(
            "directive {id}'s product was corrected with dirtrack edit (change #{change}): it is "
            "kept, the sheet's product is not taken (correct the sheet, or edit the directive)"
        ),
        "warn_edited_unit": N_(
            "directive {id} (key {key}) was moved from {was} to {unit} with dirtrack edit "
            "(change #{change}): the row updates it and its lead unit is kept, no other "
            "directive is made (correct the sheet, or edit the directive)"
        ),
        "warn_edited_with": N_(
            "directive {id}'s coordinating units were corrected with dirtrack edit (change "
            "#{change}): they are kept, the sheet's are not taken (correct the sheet, or edit "
            "the directive)"
        ),
        "warn_edited_due": N_(
            "directive {id}'s deadline was corrected with dirtrack edit (change #{change}): it "
            "is kept, the sheet's deadline is not taken (correct the sheet, or edit the "
            "directive)"
        ),
        "warn_no_due": N_("the sheet gives no deadline; directive {id} keeps {due}"),
        "warn_no_due_none": N_("the sheet gives no deadline; directive {id} keeps none"),
        "warn_closed_progress": N_("directive {id} is closed; the sheet's progress is not logged"),
        "warn_progress_lower": N_(
            "directive {id}: progress down to {percent}%, from {recorded}% (logged on {date}); "
            "it is recorded as given (check which is right)"
        ),
        "warn_closed_request": N_(
            "directive {id} is closed; the sheet's request for a new deadline is not recorded"
        ),
        "warn_cancelled_completion": N_(
            "directive {id} was cancelled; the sheet's completion is ignored"
        ),
        "warn_completed_cancellation": N_(
            "directive {id} was completed; the sheet's cancellation is ignored"
        ),
        "warn_recorded_done": N_(
            "directive {id} is recorded as completed on {day}; the sheet does not say so"
        ),
        "warn_recorded_cancelled": N_(
            "directive {id} is recorded as cancelled on {day}; the sheet does not say so"
        ),
        # What a row of a sheet changes in the directive it matches (import --dry-run).
        "chg_key": N_("key {key}"),
        "chg_text": C_("change", "text"),
        "chg_product": C_("change", "product"),
        "chg_with": C_("change", "coordinating units"),
        "chg_due": N_("deadline {due}"),
        "chg_asked": N_("new deadline {to} asked for"),
        "chg_progress": C_("change", "progress"),
        "chg_completed": N_("completed {day}"),
        "chg_claimed": N_("completion reported {day}, waiting for acceptance"),
        "chg_completion_note": C_("change", "completion note"),
        "chg_cancelled": N_("cancelled {day}"),
        "chg_cancel_reason": C_("change", "cancellation reason"),
        "new_meeting_label": N_("new: {title} ({day})"),
        "draft_imported_already": N_("this draft was imported already as meeting {id}"),
        "draft_changed_since": N_(
            "this draft was imported already as meeting {id}, and the two differ now (the "
            "draft or the record was changed since): correct the record with 'dirtrack edit', or "
            "record a copy with --allow-duplicate"
        ),
        "draft_code_not_name": N_(
            "code {code} is {unit}, not {name!r}: correct the code or the name (or keep only one "
            "of them)"
        ),
        "draft_code_other_name": N_(
            "code {code} is {unit}, but the name beside it, {name!r}, is {other}: correct the "
            "code or the name (or keep only one of them)"
        ),
        "draft_no_date": N_("'date' is missing"),
        "draft_no_title": N_("'title' is missing"),
        "draft_no_unit": NP_(
            "names no unit and the meeting has {n} unit: give its 'unit'",
            "names no unit and the meeting has {n} units: give its 'unit'",
        ),
        "draft_due_before": N_("deadline {due} is before the meeting"),
        "draft_due_phrase_differs": N_(
            "due_phrase {phrase!r} means {day}, but due is {due}: correct one of them so that "
            "both give the same day (or delete due_phrase)"
        ),
        "draft_due_phrase_no_due": N_(
            "due_phrase {phrase!r} means {day}, but due is left out: write due = {day}, or "
            "delete due_phrase for a directive without a deadline"
        ),
        "draft_key_taken": N_(
            "key {key!r} is directive {id}'s already: give it another key or leave the key out"
        ),
        "draft_same_directive": N_(
            "directives #{first} gives the same unit the same text: delete one, or record both "
            "with --allow-duplicate"
        ),
        "draft_key_repeated": N_(
            "key {key!r} is the key of directives #{first} too: give each directive its own key "
            "or leave the key out"
        ),
    }
)

# what doctor found, check by check (JSON keeps the English words)
ERRORS.update(
    {
        "hc_revision": N_("revision {revision}, expected {expected}"),
        "hc_no_revision": N_("no schema revision (not made by dirtrack?), expected {expected}"),
        "hc_revisions": N_(
            "alembic_version holds {n} rows ({revisions}) where dirtrack keeps one, {expected}"
        ),
        "hc_missing": N_("missing {items}"),
        "hc_table": N_("table {table}"),
        "hc_foreign_code": N_(
            "code dirtrack does not make, which would run on its tables: {items}"
        ),
        "hc_foreign_data": N_(
            "tables and columns dirtrack does not make (another program's, or a hand's): {items}"
        ),
        "hc_foreign_trigger": N_("trigger {name}"),
        "hc_index": N_("index {name}"),
        "hc_foreign_view": N_("view {name}"),
        "hc_changed_trigger": N_("trigger {name}, dirtrack's name with another body"),
        "hc_schema_ok": NP_("revision {revision}, {n} table", "revision {revision}, {n} tables"),
        "hc_integrity_ok": N_("PRAGMA integrity_check: ok"),
        "hc_integrity_found": NP_(
            "SQLite's integrity check found {n} problem, in its words: {items}",
            "SQLite's integrity check found {n} problems, in its words: {items}",
        ),
        "hc_read_in_full": NP_(
            "every table read in full ({n} row)", "every table read in full ({n} rows)"
        ),
        "hc_orphan_row": N_("{table} row {rowid} points to a missing {parent}"),
        "hc_orphans": NP_(
            "{n} {table} row points to a missing {parent}",
            "{n} {table} rows point to a missing {parent}",
        ),
        "hc_references_ok": N_("every reference points to an existing row"),
        "hc_long_text": N_(
            "{entity} {id}: {field} is {length} characters long, more than the {limit} an import "
            "takes back (dirtrack edit shortens it)"
        ),
        "hc_direction_text": N_(
            "{entity} {id}: {field} holds characters that set the direction it is shown in (an "
            "override shows it reversed); dirtrack edit with the text typed again drops them"
        ),
        "hc_xml_text": N_(
            "{entity} {id}: {field} holds U+FFFE or U+FFFF, which no Word or Excel report can "
            "hold; dirtrack edit with the text typed again drops them"
        ),
        "hc_stale_key": N_(
            "{entity} {id}: {field} {value} is searched by the key {key}, made of another text "
            "(another program changed it?): dirtrack finds the record by that text, not by "
            "this one; dirtrack edit with the text typed again (unit rename for a unit) "
            "corrects it"
        ),
        "hc_control_text": N_(
            "{entity} {id}: {field} holds the control character {code}, which no Word report "
            "can hold and dirtrack refuses today; dirtrack edit with the text typed again "
            "without it corrects it"
        ),
        "hc_blank_text": N_(
            "{entity} {id}: {field} is blank where dirtrack stores no value (NULL), so that its "
            "export cannot be imported back; correct it in the program that wrote it"
        ),
        # the day doctor --repair gives a meeting it re-creates: which row's, and what it is
        "rp_day_directive_original_due": N_(
            "the deadline of directive {row}, the earliest day its rows hold"
        ),
        "rp_day_directive_issued_on": N_(
            "the day directive {row} was issued, the earliest day its rows hold"
        ),
        "rp_day_directive_completed_on": N_(
            "the day directive {row} was completed, the earliest day its rows hold"
        ),
        "rp_day_directive_cancelled_on": N_(
            "the day directive {row} was cancelled, the earliest day its rows hold"
        ),
        "rp_day_directive_withdrawn_on": N_(
            "the day directive {row} was withdrawn, the earliest day its rows hold"
        ),
        "rp_day_limitation_resolved_on": N_(
            "the day limitation {row} was resolved, the earliest day its rows hold"
        ),
        "rp_day_series_starts_on": N_(
            "the first day of periodic directive {row}, the earliest day its rows hold"
        ),
        "rp_day_progress_entry_reported_on": N_(
            "the day progress of directive {row} was reported, the earliest day its rows hold"
        ),
        "rp_day_extension_approved_on": N_(
            "the day an extension of directive {row} was approved, the earliest day its rows hold"
        ),
        "rp_day_extension_new_due": N_(
            "the deadline an extension of directive {row} set, the earliest day its rows hold"
        ),
        "rp_day_recorded_directive": N_(
            "the day directive {row} was recorded, as none of its rows holds a day"
        ),
        "rp_day_recorded_limitation": N_(
            "the day limitation {row} was recorded, as none of its rows holds a day"
        ),
        "rp_day_recorded_series": N_(
            "the day periodic directive {row} was recorded, as none of its rows holds a day"
        ),
        "rp_day_today": N_("today, as none of its rows holds a day or was recorded on one"),
        "hc_unknown_code": N_(
            "{entity} {id}: {field} holds {value}, none of dirtrack's ({choices}): shown as it "
            "is, but its export cannot be imported back; {option} sets one"
        ),
        "hc_unknown_code_no_command": N_(
            "{entity} {id}: {field} holds {value}, none of dirtrack's ({choices}): shown as it "
            "is, but its export cannot be imported back; no command sets it again: the program "
            "that wrote it corrects it"
        ),
        "hc_unknown_code_fails": N_(
            "{entity} {id}: {field} holds {value}, none of dirtrack's ({choices}): the commands "
            "that make its occurrences (list, overdue, report, series…) stop with an error "
            "until the program that wrote it corrects it"
        ),
        "hc_not_nfc": N_(
            "{entity} {id}: {field} is not in NFC (its accents stored as separate marks), so "
            "that a search or a grouping can miss it; typed again (dirtrack edit, unit rename) "
            "it is stored in NFC"
        ),
        "hc_spaced": N_(
            "{entity} {id}: {field} holds {value}, with white space before or after it, which "
            "dirtrack drops; typed again (dirtrack edit, unit rename) it is stored without"
        ),
        "hc_records_ok": N_("every record as dirtrack takes it today"),
        "hc_bad_value": N_(
            "{entity} {id}: {field} holds {value}, which dirtrack cannot read (it stores "
            "{form}): another program wrote it; correct it there"
        ),
        "hc_values_ok": N_("every value in the form dirtrack stores it"),
        "hc_history_not_json": N_(
            "history entry {id} holds a value that is not JSON (edited by hand or by another "
            "program): history and undo cannot read it; correct it there"
        ),
        "hc_history_ok": N_("every history entry readable"),
        "hc_id_not_positive": N_(
            "{entity} {id}: an id dirtrack never gives (0 or below; set by hand or by another "
            "program), which no command can name and an export would lose; correct it there"
        ),
        "hc_id_too_large": N_(
            "{entity} {id}: an id above the largest dirtrack gives ({limit}; set by hand or by "
            "another program), which no command can name and whose export would not import "
            "back; correct it there"
        ),
        "hc_counter_too_large": N_(
            "the counter of {entity} ids is at {n}, above the largest id dirtrack gives "
            "({limit}; set by hand or by another program): no {entity} can be added; correct "
            "it there (sqlite_sequence)"
        ),
        # the form of a text column's values, where bytes (a BLOB) are stored instead
        "hc_form_text": N_("text"),
        "hc_wal": N_("WAL: readers and writers do not block each other"),
        "hc_journal": N_(
            "journal mode {mode}: concurrent use is slower, until the next command that records"
            " something switches it to WAL"
        ),
        "hc_readable": N_("{path} is mode {mode}: others can read it (chmod 600 {path})"),
        "hc_private": N_("mode {mode}: only its owner can read and write it"),
        "hc_read_only": N_(
            "{path}, its folder or the file system is read-only: the commands that only read"
            " work, those that record something are refused"
        ),
        "hc_server_read_only": N_(
            "the server or this account takes no changes (a standby, or "
            "default_transaction_read_only): the commands that only read work, those that "
            "record something are refused"
        ),
        "hc_rights_missing": N_(
            "this account may not write to these tables or sequences (GRANT INSERT, UPDATE, "
            "DELETE on them and USAGE on the sequences): the commands that only read work, "
            "those that record something are refused"
        ),
        "hc_rights_ok": N_("this account may read and write every table of the register"),
        "hc_series_reversed": N_("series {id} ends on {end}, before it starts ({start})"),
        "hc_series_ok": N_(
            "every series ends on or after its first day, and nothing on an occurrence is dated "
            "before it was issued"
        ),
        "hc_closure_reversed": N_(
            "directive {id}: closure {closure} closed on {closed} is reopened on {reopened}, "
            "before it"
        ),
        "hc_closures_overlap": N_(
            "directive {id}: closures {first} and {second} are both in force from {start} to "
            "the day before {end}: it is counted twice on those days"
        ),
        "hc_closure_after_own": N_(
            "directive {id}: closure {closure} is reopened on {reopened}, after the directive "
            "was closed again ({own}): it is counted twice from {own}"
        ),
        "hc_closures_ok": N_("every closure a reopening ended ends before the next one begins"),
        "hc_held_after_completed": N_(
            "directive {id} was completed on {on}, before unit {unit} retired ({retired}), but "
            "is held by its successor {heir}: an older dirtrack recorded the completion after "
            "the retirement; dirtrack doctor --repair gives it back"
        ),
        "hc_held_after_cancelled": N_(
            "directive {id} was cancelled on {on}, before unit {unit} retired ({retired}), but "
            "is held by its successor {heir}: an older dirtrack recorded the cancellation after "
            "the retirement; dirtrack doctor --repair gives it back"
        ),
        "hc_held_after_withdrawn": N_(
            "directive {id} was withdrawn on {on}, before unit {unit} retired ({retired}), but "
            "is held by its successor {heir}: an older dirtrack recorded the withdrawal after "
            "the retirement; dirtrack doctor --repair gives it back"
        ),
        "hc_coordinated_after_completed": N_(
            "directive {id} was completed on {on}, before unit {unit} retired ({retired}), but "
            "its successor {heir} coordinates it in its place: an older dirtrack recorded the "
            "completion after the retirement; dirtrack doctor --repair gives it back"
        ),
        "hc_coordinated_after_cancelled": N_(
            "directive {id} was cancelled on {on}, before unit {unit} retired ({retired}), but "
            "its successor {heir} coordinates it in its place: an older dirtrack recorded the "
            "cancellation after the retirement; dirtrack doctor --repair gives it back"
        ),
        "hc_coordinated_after_withdrawn": N_(
            "directive {id} was withdrawn on {on}, before unit {unit} retired ({retired}), but "
            "its successor {heir} coordinates it in its place: an older dirtrack recorded the "
            "withdrawal after the retirement; dirtrack doctor --repair gives it back"
        ),
        "hc_retirements_ok": N_(
            "every directive closed on or before the day its unit retired is that unit's"
        ),
        "hc_return_before_claim": N_(
            "directive {id}: returned completion {kept} is returned on {returned}, before it "
            "was reported ({claimed})"
        ),
        "hc_return_doc_after": N_(
            "directive {id}: returned completion {kept} has its document dated {doc_date}, "
            "after it was reported ({claimed})"
        ),
        "hc_return_after_next": N_(
            "directive {id}: returned completion {kept} is returned on {returned}, after the "
            "next completion was reported ({next})"
        ),
        "hc_extension_not_later": N_(
            "directive {id}: extension {ext}, approved on {approved}, sets the deadline to "
            "{due}, not after the one in force then ({in_force})"
        ),
        "hc_extensions_ok": N_("every extension moves its deadline later"),
        "hc_returns_ok": N_(
            "every completion returned was returned after it was reported and before the next"
        ),
        "hc_placeholder_unit": N_(
            "unit {id} ({code}) is a placeholder doctor --repair made: dirtrack unit rename "
            "{code} NAME --code CODE gives it its own"
        ),
        "hc_placeholder_field": N_("field {id} ({code}) is a placeholder doctor --repair made"),
        "hc_placeholder_meeting": N_(
            "meeting {id} is a placeholder doctor --repair made: dirtrack edit meeting {id} "
            "--date DAY --title TITLE gives it its own"
        ),
        "hc_placeholder_series": N_("series {id} is a placeholder doctor --repair made"),
        "hc_placeholders_ok": N_("no placeholder of doctor --repair left"),
        "hc_addresses_ok": N_("every contact's e-mail address one a mail server takes"),
        # the checks by name, where a message says which one found a problem (restore)
        "hc_name_open": C_("check", "open"),
        "hc_name_schema": C_("check", "schema"),
        "hc_name_integrity": C_("check", "integrity"),
        "hc_name_foreign_keys": C_("check", "foreign_keys"),
        "hc_name_records": C_("check", "records"),
        "hc_name_journal": C_("check", "journal"),
        "hc_name_permissions": C_("check", "permissions"),
        "hc_name_series": C_("check", "series"),
        "hc_name_closures": C_("check", "closures"),
        "hc_name_retirements": C_("check", "retirements"),
        "hc_name_returns": C_("check", "returns"),
        "hc_name_extensions": C_("check", "extensions"),
        "hc_name_values": C_("check", "values"),
        "hc_name_history": C_("check", "history"),
        "hc_name_placeholders": C_("check", "placeholders"),
        "hc_name_addresses": C_("check", "addresses"),
    }
)
