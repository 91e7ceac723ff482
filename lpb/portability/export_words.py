"""The words of the Markdown and CSV exports in the reader's language, and their dates.

The same words as static/js/data/export-labels.js, the same dates as static/js/data/export-dates.js.
"""

import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from lpb.sync.contract import CIRCLES

MIX_PARTS = ("paid", "care", "volunteering", "learning", "rest")
RATINGS = ("energy", "meaning", "engagement")

LABELS = {
    "nl": {
        "exported": "Geëxporteerd op {when}. Tijden staan in je eigen tijdzone ({zone}).",
        "guide_question": "Vraag van je begeleider",
        "guide_reply": "Antwoord van je begeleider",
        "guide_suggestion": "Voorstel van je begeleider",
        "shared_summary": "Gedeelde samenvatting",
        "other": "Iets anders ({kind})",
        "from_guide": "Van {name}",
        "kantelen": "Kantelen: opnieuw bekeken vanuit de cirkel {circle}",
        "week_of": "week van {day}",
        "weekdays": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
        "months": "januari februari maart april mei juni juli augustus september oktober november december",
        "col_date": "Datum",
        "col_time": "Tijd",
        "col_kind": "Soort",
        "col_question": "Vraag",
        "col_text": "Tekst",
        "col_circles": "Cirkels",
        "col_energy": "Energie",
        "col_meaning": "Zingeving",
        "col_engagement": "Betrokkenheid",
        "col_details": "Details",
        "col_id": "ID",
        "reflection": "Reflectie",
        "conflict": "Conflictkopie",
        "checkin": "Snelle check-in",
        "question": "Eigen vraag",
        "mix": "Eigen mix, {week}",
        "mix_hours": "Een week van {n} uur.",
        "balance": "Gewenste balans",
        "part": "Deel",
        "circle": "Cirkel",
        "actual": "Zo was het",
        "wished": "Zo zou je het willen",
        "hours": "{n} u",
        "energy": "energie {n} van 5",
        "meaning": "zingeving {n} van 5",
        "engagement": "betrokkenheid {n} van 5",
        "self": "Zelf",
        "close": "Naasten",
        "organisations": "Organisaties",
        "society": "Samenleving",
        "place": "Plek en planeet",
        "paid": "Betaald werk",
        "care": "Zorg voor anderen",
        "volunteering": "Vrijwillig en onbetaald",
        "learning": "Leren",
        "rest": "Rust en vrije tijd",
    },
    "en": {
        "exported": "Exported on {when}. Times are in your own time zone ({zone}).",
        "guide_question": "Question from your guide",
        "guide_reply": "Reply from your guide",
        "guide_suggestion": "Suggestion from your guide",
        "shared_summary": "Shared summary",
        "other": "Something else ({kind})",
        "from_guide": "From {name}",
        "kantelen": "Kantelen: looked at again from the circle {circle}",
        "week_of": "week of {day}",
        "weekdays": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
        "months": "January February March April May June July August September October November December",
        "col_date": "Date",
        "col_time": "Time",
        "col_kind": "Kind",
        "col_question": "Question",
        "col_text": "Text",
        "col_circles": "Circles",
        "col_energy": "Energy",
        "col_meaning": "Meaning",
        "col_engagement": "Engagement",
        "col_details": "Details",
        "col_id": "ID",
        "reflection": "Reflection",
        "conflict": "Conflict copy",
        "checkin": "Quick check-in",
        "question": "Own question",
        "mix": "Own mix, {week}",
        "mix_hours": "A week of {n} hours.",
        "balance": "Wished balance",
        "part": "Part",
        "circle": "Circle",
        "actual": "As it was",
        "wished": "As you'd like it",
        "hours": "{n} h",
        "energy": "energy {n} of 5",
        "meaning": "meaning {n} of 5",
        "engagement": "engagement {n} of 5",
        "self": "Yourself",
        "close": "Close ones",
        "organisations": "Organisations",
        "society": "Society",
        "place": "Place and planet",
        "paid": "Paid work",
        "care": "Caring for others",
        "volunteering": "Volunteering and unpaid work",
        "learning": "Learning",
        "rest": "Rest and leisure",
    },
}

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
