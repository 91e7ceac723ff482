"""Checks on the daily reflection question bank (lpb/data/questions.json)."""

import json
import re
from collections import Counter
from pathlib import Path

import pytest

QUESTIONS_PATH = Path(__file__).parent.parent / "lpb" / "data" / "questions.json"
CIRCLES = ("self", "close", "organisations", "society", "place")
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
)
LANGS = ("nl", "en")
MAX_LEN = 160

QUESTIONS = json.loads(QUESTIONS_PATH.read_text(encoding="utf-8"))


def _normalise(text):
    """Casefold and collapse whitespace so near-identical texts compare equal."""
    return " ".join(text.split()).casefold()


def test_bank_is_large_enough():
    """The bank holds at least 150 questions."""
    assert isinstance(QUESTIONS, list)
    assert len(QUESTIONS) >= 150


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
    """Circles is a non-empty list of known keys without repeats."""
    for q in QUESTIONS:
        circles = q["circles"]
        assert isinstance(circles, list) and circles, q["id"]
        assert set(circles) <= set(CIRCLES), q["id"]
        assert len(circles) == len(set(circles)), q["id"]


def test_themes_are_valid():
    """Each question has exactly one known theme."""
    for q in QUESTIONS:
        assert q["theme"] in THEMES, q["id"]


@pytest.mark.parametrize("circle", CIRCLES)
def test_every_circle_is_well_covered(circle):
    """Each circle is tagged on at least 20 questions."""
    count = sum(circle in q["circles"] for q in QUESTIONS)
    assert count >= 20, f"{circle}: {count}"


@pytest.mark.parametrize("theme", THEMES)
def test_every_theme_is_well_covered(theme):
    """Each theme has at least 5 questions."""
    count = sum(q["theme"] == theme for q in QUESTIONS)
    assert count >= 5, f"{theme}: {count}"


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
