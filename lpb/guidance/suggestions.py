"""Suggested questions: a guide suggests a circle or a few questions for the client's next days.

A suggestion is an entry of the client (kind guide_suggestion) written by the server, like a
guide's question, so it reaches every device of the client by the normal pull and works offline.
A link has at most one: a new suggestion replaces the last. It is withdrawn (a tombstone) when the
guide withdraws it, the link ends, or the client turns suggestions of this guide off.
"""

import json
from functools import cache

from flask import abort

from lpb import clock
from lpb.extensions import db
from lpb.guidance import guide_words, services
from lpb.guidance.contracts import SuggestionRequest
from lpb.jsonapi import ApiError, invalid
from lpb.models import GuideLink, User
from lpb.sync import services as sync
from lpb.sync.contract import SuggestedQuestion
from lpb.sync.routes import QUESTIONS_FILE


@cache
def bank() -> tuple[dict, ...]:
    """Return the question bank (lpb/data/questions.json)."""
    return tuple(json.loads(QUESTIONS_FILE.read_text(encoding="utf-8")))


@cache
def bank_ids() -> frozenset[str]:
    """Return the ids of the question bank."""
    return frozenset(question["id"] for question in bank())


def _checked_questions(questions: list[SuggestedQuestion]) -> list[dict]:
    """Return the suggested questions as stored: a bank id or a text; refuse what is neither."""
    kept = []
    for question in questions:
        text = question.text.strip()
        if question.question_id is not None:
            if question.question_id not in bank_ids():
                raise invalid("questions: unknown question_id.")
            kept.append({"question_id": question.question_id})
        elif text:
            kept.append({"text": text})
    return kept


def suggest(link: GuideLink, guide: User, body: SuggestionRequest) -> dict:
    """Replace the link's suggestion in the client's entries; return it as stored."""
    questions = _checked_questions(body.questions)
    if body.circle is None and not questions:
        raise invalid("Suggest a circle or at least one question.")
    if not link.accepts_suggestions:
        raise ApiError(409, "suggestions_off", "This client turned suggested questions off.")
    client = sync.lock_user(link.user_id)
    guide_words.withdraw_suggestions(client, link.id)
    suggestion = {
        "link_id": link.id,
        "guide_name": services.guide_name(guide),
        "circle": body.circle,
        "questions": questions,
        "days": body.days,
        "suggested_at": clock.iso(clock.now()),
    }
    entry = services.add_client_entry(link, "guide_suggestion", suggestion)
    if entry is None:
        abort(404)
    db.session.commit()
    return {"id": entry, **suggestion}


def withdraw(link: GuideLink) -> None:
    """Withdraw the link's suggestion, if there is one."""
    guide_words.withdraw_suggestions(sync.lock_user(link.user_id), link.id)
    db.session.commit()
