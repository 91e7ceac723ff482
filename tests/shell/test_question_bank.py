"""Checks on the daily reflection question bank (lpb/data/questions.json)."""

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from lpb.vocabulary import CIRCLES

QUESTIONS_PATH = Path(__file__).resolve().parents[2] / "lpb" / "data" / "questions.json"
THEMES = (
    "meaning",
    "energy",
    "time_mix",
    "care",
    "work",
    "society",
    "place",
    "perspective",
    "less_is_more",
    "learning",
    "status",
    "words",
    "life_phases",
    "beauty",
)
NEW_THEMES = ("status", "words", "life_phases", "beauty")
# Themes added for issue 19, each with its own minimum: tension between circles ("in relatie tot
# elkaar"), spirituality and a higher purpose, shaping one's working years, being without paid work
# (illness and disability too), and working for yourself.
LATER_THEMES = {
    "tension": 15,
    "purpose": 5,
    "working_life": 3,
    "no_paid_work": 3,
    "self_employed": 3,
}
ALL_THEMES = (*THEMES, *LATER_THEMES)
MOMENTS = ("morning", "anytime", "evening")
MIN_MOMENT_SHARE = {"morning": 0.20, "anytime": 0.30, "evening": 0.20}
MIN_QUESTIONS = 220
MIN_FIRST_CIRCLE_SHARE = 0.16
MAX_FIRST_CIRCLE_SHARE = 0.26
MIN_TWO_CIRCLE_SHARE = 0.25
LANGS = ("nl", "en")
MAX_LEN = 160

# A question that opens with one of these words can be answered with yes or no.
YES_NO_OPENERS = {
    "nl": {
        "ben",
        "bent",
        "is",
        "heb",
        "hebt",
        "heeft",
        "had",
        "hadden",
        "hebben",
        "kan",
        "kun",
        "kunt",
        "kon",
        "konden",
        "zou",
        "zouden",
        "wil",
        "wilt",
        "wilde",
        "moet",
        "moest",
        "mag",
        "mocht",
        "was",
        "waren",
        "zijn",
        "doe",
        "doet",
        "deed",
        "voel",
        "voelt",
        "voelde",
        "vind",
        "vindt",
        "vond",
        "word",
        "wordt",
        "werd",
        "weet",
        "wist",
        "ga",
        "gaat",
        "ging",
        "past",
        "paste",
        "klopt",
        "klopte",
        "lukt",
        "lukte",
        "zie",
        "ziet",
        "zag",
        "merk",
        "merkt",
        "merkte",
        "viel",
        "valt",
        "botst",
        "botste",
        "botsten",
        "speelt",
        "speelde",
        "herken",
        "herkent",
        "blijf",
        "blijft",
        "bleef",
        "krijg",
        "krijgt",
        "kreeg",
        "ken",
        "kent",
        "kende",
        "durf",
        "durft",
        "durfde",
        "zal",
        "zul",
        "zult",
    },
    "en": {
        "do",
        "does",
        "did",
        "is",
        "are",
        "was",
        "were",
        "have",
        "has",
        "had",
        "can",
        "could",
        "will",
        "would",
        "should",
        "shall",
        "may",
        "might",
        "must",
        "am",
        "isn't",
        "aren't",
        "don't",
        "doesn't",
        "didn't",
        "won't",
        "wouldn't",
        "can't",
    },
}  # fmt: skip
# Asking for a number where a reflection is meant.
COUNT_OPENERS = {"nl": ("hoeveel",), "en": ("how many", "how much")}

QUESTIONS = json.loads(QUESTIONS_PATH.read_text(encoding="utf-8"))


def _normalise(text):
    """Casefold and collapse whitespace so near-identical texts compare equal."""
    return " ".join(text.split()).casefold()


def _first_word(text):
    """Return the first word of a text, casefolded, without punctuation around it."""
    return text.split()[0].strip("\"'‘’“”.,:;!?").casefold()


def test_bank_is_large_enough():
    """The bank holds at least 220 questions."""
    assert isinstance(QUESTIONS, list)
    assert len(QUESTIONS) >= MIN_QUESTIONS, len(QUESTIONS)


def test_ids_are_unique_and_well_formed():
    """Every id looks like q001 and no id repeats."""
    ids = [q["id"] for q in QUESTIONS]
    assert all(re.fullmatch(r"q\d{3}", i) for i in ids), ids
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("lang", LANGS)
def test_texts_are_clean_questions(lang):
    """Each text is present, non-empty, stripped, short and ends in '?'."""
    for q in QUESTIONS:
        text = q.get(lang)
        assert isinstance(text, str) and text, q["id"]
        assert text == text.strip(), q["id"]
        assert text.endswith("?"), q["id"]
        assert len(text) <= MAX_LEN, q["id"]


def test_circles_are_valid():
    """Circles is a non-empty list of known keys without repeats; the first is the main one."""
    for q in QUESTIONS:
        circles = q["circles"]
        assert isinstance(circles, list) and circles, q["id"]
        assert set(circles) <= set(CIRCLES), q["id"]
        assert len(circles) == len(set(circles)), q["id"]


def test_themes_are_valid():
    """Each question has exactly one known theme."""
    for q in QUESTIONS:
        assert q["theme"] in ALL_THEMES, q["id"]


def test_moment_is_valid():
    """Every question says when in the day it fits: morning, anytime or evening."""
    for q in QUESTIONS:
        assert q.get("moment") in MOMENTS, q["id"]


@pytest.mark.parametrize("moment", MOMENTS)
def test_every_moment_has_its_share(moment):
    """Enough questions fit the morning, the evening, and any time of day."""
    count = sum(q.get("moment") == moment for q in QUESTIONS)
    share = count / len(QUESTIONS)
    assert share >= MIN_MOMENT_SHARE[moment], f"{moment}: {count} ({share:.0%})"


@pytest.mark.parametrize("circle", CIRCLES)
def test_first_circles_are_spread(circle):
    """By first (main) circle, no circle holds more than 26% of the bank and none less than 16%."""
    count = sum(q["circles"][0] == circle for q in QUESTIONS)
    share = count / len(QUESTIONS)
    assert MIN_FIRST_CIRCLE_SHARE <= share <= MAX_FIRST_CIRCLE_SHARE, (
        f"{circle}: {count} ({share:.0%})"
    )


def test_enough_questions_span_two_circles():
    """At least a quarter of the questions look at the give-and-take between two circles."""
    count = sum(len(q["circles"]) >= 2 for q in QUESTIONS)
    share = count / len(QUESTIONS)
    assert share >= MIN_TWO_CIRCLE_SHARE, f"{count} ({share:.0%})"


@pytest.mark.parametrize("theme", NEW_THEMES)
def test_new_themes_have_enough_questions(theme):
    """Status, words, life phases and beauty each have at least 8 questions."""
    count = sum(q["theme"] == theme for q in QUESTIONS)
    assert count >= 8, f"{theme}: {count}"


@pytest.mark.parametrize("lang", LANGS)
def test_no_yes_no_questions(lang):
    """No question opens with a word that invites a plain yes or no."""
    closed = [(q["id"], q[lang]) for q in QUESTIONS if _first_word(q[lang]) in YES_NO_OPENERS[lang]]
    assert not closed


@pytest.mark.parametrize("lang", LANGS)
def test_no_counting_questions(lang):
    """No question asks for a number (Hoeveel, How many, How much) where a reflection is meant."""
    counting = [
        (q["id"], q[lang])
        for q in QUESTIONS
        if " ".join(q[lang].split()).casefold().startswith(COUNT_OPENERS[lang])
    ]
    assert not counting


@pytest.mark.parametrize("circle", CIRCLES)
def test_every_circle_is_well_covered(circle):
    """Each circle is tagged on at least 20 questions."""
    count = sum(circle in q["circles"] for q in QUESTIONS)
    assert count >= 20, f"{circle}: {count}"


@pytest.mark.parametrize("theme", THEMES)
def test_every_theme_is_well_covered(theme):
    """Each theme has at least 8 questions."""
    count = sum(q["theme"] == theme for q in QUESTIONS)
    assert count >= 8, f"{theme}: {count}"


@pytest.mark.parametrize("lang", LANGS)
def test_no_duplicate_texts(lang):
    """No two questions share the same text within a language."""
    counts = Counter(_normalise(q[lang]) for q in QUESTIONS)
    duplicates = [text for text, n in counts.items() if n > 1]
    assert not duplicates


def test_dutch_differs_from_english():
    """The Dutch text is a translation, not a copy of the English."""
    for q in QUESTIONS:
        assert _normalise(q["nl"]) != _normalise(q["en"]), q["id"]


@pytest.mark.parametrize(("theme", "minimum"), LATER_THEMES.items())
def test_later_themes_have_their_questions(theme, minimum):
    """Tension between circles (15), purpose (5), working years, no paid work, self-employment (3)."""
    count = sum(q["theme"] == theme for q in QUESTIONS)
    assert count >= minimum, f"{theme}: {count}"


def test_tension_questions_span_two_circles():
    """A question on tension between circles names the circles it sets against each other."""
    single = [q["id"] for q in QUESTIONS if q["theme"] == "tension" and len(q["circles"]) < 2]
    assert not single


# Words that look back over days: such a question belongs to the evening or any time, not the morning.
LOOKING_BACK = {
    "nl": ("voorbije", "afgelopen dagen", "vorige week"),
    "en": ("past week", "past few days", "these past days", "last week"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_morning_questions_look_ahead(lang):
    """No morning question looks back over the past days (q002, q007, q045 and q109 did)."""
    back = [
        q["id"]
        for q in QUESTIONS
        if q["moment"] == "morning"
        and any(words in q[lang].casefold() for words in LOOKING_BACK[lang])
    ]
    assert not back
    retagged = {
        q["id"]: q["moment"] for q in QUESTIONS if q["id"] in {"q002", "q007", "q045", "q109"}
    }
    assert "morning" not in retagged.values() and len(retagged) == 4


# What a question may not take for granted: a job, a partner, children, a household. It may ask
# about them after "als je …" / "if you …" ("Als je betaald werkt: …").
ASSUMPTIONS = {
    "nl": (
        r"\b(je|jouw) (partner|man|vrouw|vriend|vriendin|kinderen|kind|kids|zoon|dochter|baas"
        r"|werkgever|leidinggevende|job|baan|loon|salaris|werkdag|werkweek|werkuren|klanten)\b",
        r"\b(je|jouw) collega('s)?\b",
        r"\b(de mensen|wie) thuis\b",
        r"\bwerkdag|\bwerkuren\b|\bwerkomgeving\b|\bhuidige werk\b|\bwaarvoor je werkt\b",
        r"\bminder werkte\b",
    ),
    "en": (
        r"\byour (partner|husband|wife|boyfriend|girlfriend|children|child|kids|son|daughter|boss"
        r"|employer|manager|job|salary|pay|working day|workday|working week|working hours|clients"
        r"|customers)\b",
        r"\byour colleagues?\b",
        r"\b(the people|who) at home\b",
        r"\bworking day\b|\bworkday\b|\bworking hours\b|\bworkplace\b|\bcurrent work\b",
        r"\borganisation you work for\b|\bworked (a little )?less\b",
    ),
}
GUARDS = {"nl": r"\bals (je|jij)\b", "en": r"\bif you\b"}
# "Your colleagues or fellow volunteers" takes no paid job for granted.
EITHER_OR = {
    "nl": r"collega('s)? of medevrijwilligers?",
    "en": r"colleagues? or fellow volunteers?",
}


def _assumption(text: str, lang: str) -> str | None:
    """Return the assumption a text makes without an "als je" / "if you" before it, or None."""
    text = re.sub(EITHER_OR[lang], "", text, flags=re.IGNORECASE)
    for pattern in ASSUMPTIONS[lang]:
        found = re.search(pattern, text, flags=re.IGNORECASE)
        if found and not re.search(GUARDS[lang], text[: found.start()], flags=re.IGNORECASE):
            return found.group(0)
    return None


@pytest.mark.parametrize(
    ("text", "lang", "assumes"),
    [
        ("Wat betekent jouw werkweek voor de mensen thuis?", "nl", True),
        ("Je partner: wat vroeg die vandaag?", "nl", True),
        ("Wat zou je werkdag morgen beter maken?", "nl", True),
        ("Who at home do you want to keep in mind today?", "en", True),
        ("What did your boss say?", "en", True),
        ("Als je betaald werkt: hoe zou je week eruitzien met één werkdag minder?", "nl", False),
        ("If you do paid work: what did your working hours leave room for?", "en", False),
        ("Wat heb je nodig van je collega's of medevrijwilligers?", "nl", False),
    ],
)
def test_the_assumption_check_sees_what_it_should(text, lang, assumes):
    """The check finds an assumption at the start or inside, and lets a guarded one pass."""
    assert (_assumption(text, lang) is not None) == assumes


@pytest.mark.parametrize("lang", LANGS)
def test_no_question_assumes_a_job_a_partner_or_children(lang):
    """No question takes a job, a partner, children or a household for granted."""
    assuming = [(q["id"], _assumption(q[lang], lang)) for q in QUESTIONS]
    assert [found for found in assuming if found[1]] == []
