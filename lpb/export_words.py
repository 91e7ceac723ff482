"""The words of the Markdown export in the reader's language, as static/js/data/export-labels.js."""

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

from lpb.contract import CIRCLES

MIX_PARTS = ("paid", "care", "volunteering", "learning", "rest")
RATINGS = ("energy", "meaning", "engagement")

LABELS = {
    "nl": {
        "reflection": "Reflectie",
        "conflict": "Conflictkopie",
        "checkin": "Snelle check-in",
        "question": "Eigen vraag",
        "mix": "Eigen mix, week {week}",
        "mix_hours": "Een week van {n} uur.",
        "balance": "Gewenste balans",
        "part": "Deel",
        "circle": "Cirkel",
        "actual": "Zo was het",
        "wished": "Zo zou je het willen",
        "hours": "{n} u",
        "energy": "energie {n} van 5",
        "meaning": "zin {n} van 5",
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
        "reflection": "Reflection",
        "conflict": "Conflict copy",
        "checkin": "Quick check-in",
        "question": "Own question",
        "mix": "Own mix, week {week}",
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
