"""The exports for people: Markdown to read and CSV for a spreadsheet, in the reader's language and
time zone, every kind named in words. Byte for byte what static/js/data/export-readable.js writes.
"""

import html
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from lpb.portability.export_words import (
    Words,
    balance_table,
    export_language,
    export_words,
    facts_line,
    local_moment,
    mix_table,
    number,
    written_day,
    written_week,
)
from lpb.vocabulary import CIRCLES, GUIDE_KINDS, MIX_PARTS, NAMED_KINDS

CSV_KEYS = (
    "date",
    "time",
    "kind",
    "question",
    "text",
    "circles",
    "energy",
    "meaning",
    "engagement",
    "details",
    "id",
)
# A cell starting with one of these is a formula to a spreadsheet; a leading ' makes it text.
CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def md(value: object) -> str:
    """Return text for Markdown with its HTML escaped, so a viewer shows it rather than runs it."""
    return html.escape(str(value), quote=False)


@dataclass
class Reader:
    """Who reads an export: their words, language and zone, and how text is made safe."""

    lang: str
    zone_name: str
    zone: ZoneInfo
    markdown: bool = True

    @property
    def word(self) -> Words:
        """Return the reader's words."""
        return export_words(self.lang)

    def safe(self, value: object) -> str:
        """Return text made safe for the format: escaped for Markdown, as it is for the CSV."""
        return md(value) if self.markdown else str(value)


def reader_of(document: dict, lang: str | None, zone_name: str, zone: ZoneInfo) -> Reader:
    """Return the reader of an export in lang (else the document's) and zone."""
    return Reader(export_language(lang or document["settings"].get("language")), zone_name, zone)


def placed(entry: dict, reader: Reader) -> tuple[str, str]:
    """Return an entry's day (as the device saw it) and its local time."""
    local = local_moment(entry["created_at"], reader.zone)
    day = entry.get("day") or (local[0] if local else entry["created_at"][:10])
    return day, local[1] if local else entry["created_at"][11:16]


def kind_name(entry: dict, reader: Reader) -> str:
    """Return the name of an entry's kind in words."""
    word = reader.word
    if entry["kind"] == "mix":
        week = written_week(entry.get("week"), word) or reader.safe(entry.get("week") or "")
        return word("mix", week=week)
    if entry["kind"] in NAMED_KINDS or entry["kind"] in GUIDE_KINDS:
        return word(entry["kind"])
    return word("other", kind=reader.safe(entry["kind"]))


def remarks(entry: dict, reader: Reader) -> list[str]:
    """Return the remarks on an entry in words: a conflict copy, kantelen, a guide's name."""
    word, said = reader.word, []
    if entry.get("conflict_of"):
        said.append(word("conflict"))
    if entry.get("kantelen_of") and entry.get("to_circle") in CIRCLES:
        said.append(word("kantelen", circle=word(entry["to_circle"])))
    if entry["kind"] in GUIDE_KINDS and entry.get("guide_name"):
        said.append(word("from_guide", name=reader.safe(entry["guide_name"])))
    return said


def text_of(entry: dict) -> str:
    """Return what an entry says in its own words: a text, a shared summary, an own question."""
    return entry.get("text") or entry.get("markdown") or entry.get("nl") or entry.get("en") or ""


def markdown_entry(entry: dict, reader: Reader) -> list[str]:
    """Return one entry as Markdown lines."""
    word, lang = reader.word, reader.lang
    if entry["kind"] == "reflection":
        title = md(entry.get("question_text") or word("reflection"))
    else:
        title = kind_name(entry, reader)
    lines = [f"### {md(placed(entry, reader)[1])} · {title}", ""]
    for remark in remarks(entry, reader):
        lines += [f"*{remark}*", ""]
    if entry["kind"] == "mix":
        return [*lines, *mix_table(entry, word, lang), ""]
    if entry["kind"] == "balance":
        return [*lines, *balance_table(entry, word, lang), ""]
    if entry["kind"] != "checkin":
        lines += [md(text_of(entry)), ""]
    facts = facts_line(entry, word)
    return [*lines, facts, ""] if facts else lines


def exported_when(document: dict, reader: Reader) -> str:
    """Return the moment of the export in words: "maandag 7 december 2026, 07:40"."""
    local = local_moment(document["exported_at"], reader.zone)
    if not local:
        return md(document["exported_at"])
    return f"{written_day(local[0], reader.word)}, {local[1]}"


def export_markdown(document: dict, lang: str | None, zone_name: str, zone: ZoneInfo) -> str:
    """Return an export as one readable Markdown document, by day, in the reader's words and zone."""
    reader = reader_of(document, lang, zone_name, zone)
    word = reader.word
    days: dict[str, list[dict]] = {}
    for entry in document["entries"]:
        days.setdefault(placed(entry, reader)[0], []).append(entry)
    when = exported_when(document, reader)
    lines = ["# Levensloopbaan", "", word("exported", when=when, zone=md(zone_name)), ""]
    for day in sorted(days):
        lines += [f"## {written_day(day, word) or md(day)}", ""]
        for entry in days[day]:
            lines += markdown_entry(entry, reader)
    return "\n".join(lines).rstrip() + "\n"


def shares_line(keys: tuple[str, ...], shares: dict | None, word: Words, lang: str) -> str:
    """Return the shares of a mix or a balance in one line, each part with its percent."""
    return ", ".join(f"{word(key)} {number((shares or {}).get(key) or 0, lang)}%" for key in keys)


def csv_details(entry: dict, reader: Reader) -> str:
    """Return an entry's details for the CSV: remarks, and a mix or balance in words."""
    word, lang = reader.word, reader.lang
    details = remarks(entry, reader)
    if entry["kind"] == "mix":
        if entry.get("hours_per_week"):
            details.append(word("mix_hours", n=number(entry["hours_per_week"], lang)))
        details.append(
            f"{word('actual')}: {shares_line(MIX_PARTS, entry.get('actual'), word, lang)}"
        )
        details.append(
            f"{word('wished')}: {shares_line(MIX_PARTS, entry.get('wished'), word, lang)}"
        )
    if entry["kind"] == "balance":
        details.append(shares_line(CIRCLES, entry.get("weights"), word, lang))
    return " · ".join(details)


def csv_cell(value: object) -> str:
    """Return one CSV cell: quoted as RFC 4180 asks, and never a formula (OWASP CSV injection)."""
    text = "" if value is None else str(value)
    if text.startswith(CSV_FORMULA_STARTS):
        text = "'" + text
    if any(char in text for char in '",\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def export_csv(document: dict, lang: str | None, zone_name: str, zone: ZoneInfo) -> str:
    """Return an export as CSV for a spreadsheet: one row per entry, one column per rating."""
    reader = reader_of(document, lang, zone_name, zone)
    reader.markdown = False
    word = reader.word
    lines = [",".join(csv_cell(word(f"col_{key}")) for key in CSV_KEYS)]
    for entry in document["entries"]:
        day, time = placed(entry, reader)
        circles = [circle for circle in entry.get("circles") or [] if circle in CIRCLES]
        kind = word("reflection") if entry["kind"] == "reflection" else kind_name(entry, reader)
        row = [
            written_day(day, word) or day,
            time,
            kind,
            entry.get("question_text") or "",
            text_of(entry),
            ", ".join(word(circle) for circle in circles),
            *(entry.get(key) or "" for key in ("energy", "meaning", "engagement")),
            csv_details(entry, reader),
            entry["id"],
        ]
        lines.append(",".join(csv_cell(value) for value in row))
    return "\n".join(lines) + "\n"
