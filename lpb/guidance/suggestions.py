"""Suggested questions: a guide suggests a circle or a few questions for the client's next days.

A suggestion is an entry of the client (kind guide_suggestion) written by the server, like a
guide's question, so it reaches every device of the client by the normal pull and works offline.
A link has at most one: a new suggestion replaces the last. It is withdrawn (a tombstone) when the
guide withdraws it, the link ends, or the client turns suggestions of this guide off.
"""

import json
from functools import cache

from flask import Blueprint, Response, abort, flash, jsonify, redirect, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from lpb.accounts.routes import ConfirmForm
from lpb.extensions import db
from lpb.guidance import guide_words
from lpb.guidance import routes as guidance
from lpb.guidance.contracts import SuggestionRequest
from lpb.i18n import translate
from lpb.jsonapi import ApiError, invalid, json_body, parse, signed_in, signed_in_user
from lpb.models import GuideLink, User
from lpb.sync import services as sync
from lpb.sync.contract import MAX_SUGGESTED, MAX_SUGGESTION_DAYS, SuggestedQuestion
from lpb.sync.routes import QUESTIONS_FILE

bp = Blueprint("guide_suggestions", __name__)


@cache
def bank() -> tuple[dict, ...]:
    """Return the question bank (lpb/data/questions.json)."""
    return tuple(json.loads(QUESTIONS_FILE.read_text(encoding="utf-8")))


@cache
def bank_ids() -> frozenset[str]:
    """Return the ids of the question bank."""
    return frozenset(question["id"] for question in bank())


@bp.app_context_processor
def _bank_for_pages() -> dict:
    """Let the guide's client page offer the bank's questions by circle, and name suggested ones."""
    return {
        "suggestion_bank": bank,
        "bank_question": lambda question_id: next(
            (question for question in bank() if question["id"] == question_id), None
        ),
    }


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
        "guide_name": guidance.guide_name(guide),
        "circle": body.circle,
        "questions": questions,
        "days": body.days,
        "suggested_at": guidance._iso(guidance.now()),
    }
    entry = guidance._add_client_entry(link, "guide_suggestion", suggestion)
    if entry is None:
        abort(404)
    db.session.commit()
    return {"id": entry, **suggestion}


def withdraw(link: GuideLink) -> None:
    """Withdraw the link's suggestion, if there is one."""
    guide_words.withdraw_suggestions(sync.lock_user(link.user_id), link.id)
    db.session.commit()


@bp.post("/api/guide/clients/<link_id>/suggestion")
@signed_in
def api_suggest(link_id: str) -> tuple[Response, int]:
    """Suggest a circle or questions to a client for the next days (replaces the last one)."""
    body = parse(SuggestionRequest, json_body())
    guide = signed_in_user()
    link = guidance._guided_link(link_id, guide)
    return jsonify(suggest(link, guide, body)), 201


@bp.delete("/api/guide/clients/<link_id>/suggestion")
@signed_in
def api_withdraw(link_id: str) -> Response:
    """Withdraw the suggestion: the client's Today shows the usual question again."""
    withdraw(guidance._guided_link(link_id, signed_in_user()))
    return jsonify(deleted=True)


def _form_request() -> SuggestionRequest | str:
    """Return the form's suggestion, or the message that says what is wrong."""
    own = [line.strip() for line in request.form.get("questions", "").splitlines()]
    chosen = [{"question_id": id} for id in request.form.getlist("bank") if id in bank_ids()]
    lines = chosen + [{"text": line[: guidance.MAX_GUIDE_TEXT]} for line in own if line]
    if len(lines) > MAX_SUGGESTED:
        return translate("suggest_too_many", n=MAX_SUGGESTED)
    days = request.form.get("days", "")
    if not days.isdigit() or not 1 <= int(days) <= MAX_SUGGESTION_DAYS:
        return translate("suggest_days_range", n=MAX_SUGGESTION_DAYS)
    circle = request.form.get("circle") or None
    if circle is not None and circle not in guidance.CIRCLES:
        return translate("suggest_nothing")
    if circle is None and not lines:
        return translate("suggest_nothing")
    questions = [SuggestedQuestion(**line) for line in lines]
    return SuggestionRequest(circle=circle, questions=questions, days=int(days))  # type: ignore[arg-type]


@bp.post("/guide/clients/<link_id>/suggestion")
def form_suggest(link_id: str) -> BaseResponse:
    """The guide's page: suggest, or withdraw with the withdraw button."""
    user = guidance._signed_in_or_login()
    if not isinstance(user, User):
        return user
    link = guidance._guided_link(link_id, user)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    back = redirect(url_for("guidance.client_page", link_id=link.id) + "#suggest", 303)
    if request.form.get("withdraw"):
        withdraw(link)
        flash(translate("suggest_withdrawn"))
        return back
    checked = _form_request()
    if isinstance(checked, str):
        flash(checked)
        return back
    if not link.accepts_suggestions:
        flash(translate("suggest_off"))
        return back
    suggest(link, user, checked)
    flash(translate("suggest_sent"))
    return back
