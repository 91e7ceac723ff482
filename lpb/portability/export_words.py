"""The words of the Markdown and CSV exports in the reader's language, and their dates.

The words are lpb/vocabulary.json's, as are static/js/data/export-labels.js's: this module and that
one fill them in and build the same lines. The dates are written as static/js/data/export-dates.js
writes them.
"""

import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from lpb.vocabulary import CIRCLES, MIX_PARTS, RATINGS, texts

# The export's words in Dutch and English: templates with {name} placeholders.
LABELS = texts("export")

Words = Callable[..., str]


def export_language(lang: str | None) -> str:
    """Return the language the export is written in: lang when it has the words, else English."""
    return lang if lang is not None and lang in LABELS else "en"


def export_words(lang: str) -> Words:
    """Return a function that gives the export's words in lang (English for other languages)."""
    labels = LABELS[export_language(lang)]
    return lambda key, **values: labels[key].format(**values)


def number(value: float, lang: str) -> str:
    """Return a number with at most one decimal, the language's way ("2,3" in Dutch)."""
    # As Intl.NumberFormat: round the shortest decimal that reads back as the float, half up.
    rounded = Decimal(repr(float(value))).quantize(Decimal("0.1"), ROUND_HALF_UP)
    text = f"{rounded:f}".removesuffix(".0")
    return text.replace(".", ",") if lang == "nl" else text


def facts_line(entry: dict, word: Words) -> str | None:
    """Return a reflection's or check-in's circles and ratings as one italic line, or None."""
    circles = ", ".join(word(circle) for circle in entry.get("circles") or [] if circle in CIRCLES)
    ratings = [word(key, n=entry[key]) for key in RATINGS if entry.get(key)]
    facts = [fact for fact in (circles, *ratings) if fact]
    return f"*{' · '.join(facts)}*" if facts else None


def mix_table(entry: dict, word: Words, lang: str) -> list[str]:
    """Return a mix as a small Markdown table: its parts in percent (and hours, with a week total)."""
    hours = entry.get("hours_per_week")

    def cell(shares: dict | None, key: str) -> str:
        """Return one part of a week: its percent, and its hours when the week has a total."""
        share = (shares or {}).get(key) or 0
        percent = f"{number(share, lang)}%"
        if not hours:
            return percent
        return f"{percent} · {word('hours', n=number(share * hours / 100, lang))}"

    lines = [word("mix_hours", n=number(hours, lang)), ""] if hours else []
    return [
        *lines,
        f"| {word('part')} | {word('actual')} | {word('wished')} |",
        "|---|---:|---:|",
        *(
            f"| {word(key)} | {cell(entry.get('actual'), key)} | {cell(entry.get('wished'), key)} |"
            for key in MIX_PARTS
        ),
    ]


def balance_table(entry: dict, word: Words, lang: str) -> list[str]:
    """Return a wished balance as a Markdown table of the circles in percent."""
    weights = entry.get("weights") or {}
    return [
        f"| {word('circle')} | % |",
        "|---|---:|",
        *(f"| {word(circle)} | {number(weights.get(circle) or 0, lang)}% |" for circle in CIRCLES),
    ]


# A moment as the app stores it; anything else (a device clock is free text) is shown as it is.
MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$")
DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


@cache
def known_zones() -> frozenset[str]:
    """Return the names of the IANA time zones this server knows, read once."""
    return frozenset(available_timezones())


def time_zone(name: str) -> ZoneInfo | None:
    """Return the time zone of an IANA name ("Europe/Brussels"), or None when there is none."""
    # Only known names reach ZoneInfo, which would read any path it is given.
    return ZoneInfo(name) if name in known_zones() else None


def local_moment(iso: str | None, zone: ZoneInfo) -> tuple[str, str] | None:
    """Return a moment in zone as ("YYYY-MM-DD", "HH:MM"), or None when it is not one."""
    if not iso or not MOMENT.match(iso):
        return None
    local = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(zone)
    return local.strftime("%Y-%m-%d"), local.strftime("%H:%M")


def written_day(day: str | None, word: Words) -> str | None:
    """Return a YYYY-MM-DD day written out ("maandag 7 december 2026"), or None if it is no day."""
    match = DAY.match(day or "")
    if not match:
        return None
    year, month, number = (int(part) for part in match.groups())
    try:
        found = date(year, month, number)
    except ValueError:
        return None
    if year < 1000:
        return None
    weekday = word("weekdays").split(" ")[found.weekday()]
    return f"{weekday} {number} {word('months').split(' ')[month - 1]} {year}"


def written_week(week: str | None, word: Words) -> str | None:
    """Return an ISO week ("2026-W48") as the week of its Monday written out, or None."""
    match = WEEK.match(week or "")
    if not match:
        return None
    year, number = (int(part) for part in match.groups())
    if year < 1000:
        return None
    try:
        monday = date.fromisocalendar(year, number, 1)
    except ValueError:
        return None
    return word("week_of", day=written_day(monday.isoformat(), word))
