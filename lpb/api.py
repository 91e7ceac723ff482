"""The JSON API under /api/."""

import json
from functools import cache
from pathlib import Path

from flask import Blueprint, Response

bp = Blueprint("api", __name__, url_prefix="/api")

QUESTIONS_FILE = Path(__file__).parent / "data" / "questions.json"


@cache
def _questions_json() -> str:
    """Return the question bank as compact JSON, read once."""
    return json.dumps(json.loads(QUESTIONS_FILE.read_text(encoding="utf-8")), ensure_ascii=False)


@bp.get("/questions")
def questions() -> Response:
    """Return the public question bank."""
    response = Response(_questions_json(), mimetype="application/json")
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response
