"""The practice API's contract (lpb/guidance/practice_routes.py): a guide's view of all clients.

Same rules as lpb/sync/contract.py: requests are checked with these models, and /api/openapi.json
describes them.
"""

from typing import Annotated

from pydantic import Field

from lpb.guidance.contracts import MAX_NAME, GuidedClientDetail
from lpb.sync.contract import Answer, Strict

MAX_NOTES = 20_000

Day = Annotated[str, Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")]


class NotesChange(Strict):
    """A guide's private notes of one client: plain text, replacing what was there."""

    notes: Annotated[str, Field(max_length=MAX_NOTES)]


class SessionHeld(Strict):
    """The day the guide held a session with the client (YYYY-MM-DD)."""

    held_on: Day


class GuideProfileChange(Strict):
    """The name a guide's clients see (never the email)."""

    display_name: Annotated[str, Field(min_length=1, max_length=MAX_NAME)]


class GuideProfile(Answer):
    """The signed-in guide's name as clients see it ("" until chosen)."""

    display_name: str


class PracticeClient(Answer):
    """A client in the practice view, with what is new since the guide's last visit."""

    link_id: int
    name: str
    new_reflections: Annotated[int, Field(ge=0)]
    new_answers: Annotated[int, Field(ge=0)]
    shared_count: Annotated[int, Field(ge=0)]
    last_activity: str | None
    guide_last_seen_at: str | None
    session_held_on: str | None
    show_insights: bool


class EndedClient(Answer):
    """A client who stopped sharing; only the guide's own notes of them are left."""

    link_id: int
    name: str
    notes: str
    ended_at: str | None


class Practice(Answer):
    """The signed-in guide's practice: clients, and ended links whose notes are kept."""

    display_name: str
    clients: list[PracticeClient]
    ended: list[EndedClient]


class GuideRecord(Answer):
    """The guide's own record of a client: notes and the last session held."""

    link_id: int
    notes: str
    notes_updated_at: str | None
    session_held_on: str | None


class PracticeClientDetail(GuidedClientDetail):
    """What a client shared with this guide, with the guide's own notes and last session."""

    notes: str
    notes_updated_at: str | None
    session_held_on: str | None


REQUESTS = ("NotesChange", "SessionHeld", "GuideProfileChange")
ANSWERS = ("GuideProfile", "Practice", "GuideRecord", "PracticeClientDetail")
