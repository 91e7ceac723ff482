"""Suggested questions' routes: a guide suggests or withdraws, in the API and on the client page.

The suggestion itself is written by lpb/guidance/suggestions.py.
"""

from flask import Blueprint, Response, flash, jsonify, redirect, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from lpb.guidance import services, suggestions
from lpb.guidance.contracts import SuggestionRequest
from lpb.guidance.routes import confirmed_guide_link
from lpb.i18n import translate
from lpb.jsonapi import json_body, parse, signed_in, signed_in_user
from lpb.sync.contract import (
    CIRCLES,
    MAX_GUIDE_TEXT,
    MAX_SUGGESTED,
    MAX_SUGGESTION_DAYS,
    SuggestedQuestion,
)

bp = Blueprint("guide_suggestions", __name__)


@bp.app_context_processor
def _bank_for_pages() -> dict:
    """Let the guide's client page offer the bank's questions by circle, and name suggested ones."""
    return {
        "suggestion_bank": suggestions.bank,
        "bank_question": lambda question_id: next(
            (question for question in suggestions.bank() if question["id"] == question_id), None
        ),
    }


@bp.post("/api/guide/clients/<link_id>/suggestion")
@signed_in
def api_suggest(link_id: str) -> tuple[Response, int]:
    """Suggest a circle or questions to a client for the next days (replaces the last one)."""
    body = parse(SuggestionRequest, json_body())
    guide = signed_in_user()
    link = services.guided_link(link_id, guide)
    return jsonify(suggestions.suggest(link, guide, body)), 201


@bp.delete("/api/guide/clients/<link_id>/suggestion")
@signed_in
def api_withdraw(link_id: str) -> Response:
    """Withdraw the suggestion: the client's Today shows the usual question again."""
    suggestions.withdraw(services.guided_link(link_id, signed_in_user()))
    return jsonify(deleted=True)


def _form_request() -> SuggestionRequest | str:
    """Return the form's suggestion, or the message that says what is wrong."""
    own = [line.strip() for line in request.form.get("questions", "").splitlines()]
    chosen = [
        {"question_id": id} for id in request.form.getlist("bank") if id in suggestions.bank_ids()
    ]
    lines = chosen + [{"text": line[:MAX_GUIDE_TEXT]} for line in own if line]
    if len(lines) > MAX_SUGGESTED:
        return translate("suggest_too_many", n=MAX_SUGGESTED)
    days = request.form.get("days", "")
    if not days.isdigit() or not 1 <= int(days) <= MAX_SUGGESTION_DAYS:
        return translate("suggest_days_range", n=MAX_SUGGESTION_DAYS)
    circle = request.form.get("circle") or None
    if circle is not None and circle not in CIRCLES:
        return translate("suggest_nothing")
    if circle is None and not lines:
        return translate("suggest_nothing")
    questions = [SuggestedQuestion(**line) for line in lines]
    return SuggestionRequest(circle=circle, questions=questions, days=int(days))


@bp.post("/guide/clients/<link_id>/suggestion")
def form_suggest(link_id: str) -> BaseResponse:
    """The guide's page: suggest, or withdraw with the withdraw button."""
    confirmed = confirmed_guide_link(link_id)
    if not isinstance(confirmed, tuple):
        return confirmed
    user, link = confirmed
    back = redirect(url_for("guidance.client_page", link_id=link.id) + "#suggest", 303)
    if request.form.get("withdraw"):
        suggestions.withdraw(link)
        flash(translate("suggest_withdrawn"))
        return back
    checked = _form_request()
    if isinstance(checked, str):
        flash(checked)
        return back
    if not link.accepts_suggestions:
        flash(translate("suggest_off"))
        return back
    suggestions.suggest(link, user, checked)
    flash(translate("suggest_sent"))
    return back
