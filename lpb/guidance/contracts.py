"""The guidance API's part of the contract: its JSON bodies as pydantic models.

Kept apart from lpb/sync/contract.py, with the same rules: requests are checked with these models and
/api/openapi.json describes them (lpb/shell/openapi.py takes REQUESTS and ANSWERS from each module).
"""

from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field

from lpb.sync.contract import (
    MAX_SUGGESTED,
    MAX_SUGGESTION_DAYS,
    Answer,
    Circle,
    Strict,
    SuggestedQuestion,
)

MAX_NAME = 100

Name = Annotated[
    str, Field(max_length=MAX_NAME, description="The name the guide sees for the client.")
]


class InvitationRequest(Strict):
    """A new one-time invitation for a guide."""

    name_for_guide: Name = ""


class GuideLinkChange(Strict):
    """What the client changes about one guide link; fields left out stay as they are."""

    name_for_guide: Name | None = None
    show_insights: bool | None = None
    accepts_suggestions: bool | None = None


class SuggestionRequest(Strict):
    """A guide's suggestion for the next days: a circle, or up to 7 questions, or both."""

    circle: Circle | None = None
    questions: list[SuggestedQuestion] = Field(default_factory=list, max_length=MAX_SUGGESTED)
    days: Annotated[int, Field(ge=1, le=MAX_SUGGESTION_DAYS)]


class Suggestion(Answer):
    """A suggestion as stored in the client's entries (kind guide_suggestion)."""

    id: str
    link_id: int
    guide_name: str
    circle: str | None
    questions: list[dict[str, str]]
    days: int
    suggested_at: str


class Invitation(Answer):
    """An open invitation (its link is shown only when it is made)."""

    id: int
    name_for_guide: str
    created_at: str
    expires_at: str


class NewInvitation(Invitation):
    """A new invitation and its one-time link, shown this once."""

    url: str | None = Field(
        description="The whole link, when the server knows its public address "
        "(FLASK_PUBLIC_URL or FLASK_TRUSTED_HOSTS); else null: put the app's origin before path."
    )
    path: str


class GuideLink(Answer):
    """One of the client's guides, as the client sees it."""

    id: Annotated[int, Field(description="The link id to put in an entry's shared_with.")]
    guide_email: str
    guide_name: Annotated[str, Field(description="The name the guide chose for clients to see.")]
    name_for_guide: str
    show_insights: bool
    accepts_suggestions: Annotated[
        bool, Field(description="Whether this guide's suggested questions show on Today.")
    ]
    accepted_at: str
    guide_last_seen_at: str | None


class Guides(Answer):
    """The client's guides and open invitations."""

    links: list[GuideLink]
    invitations: list[Invitation]


class GuideDeleted(Answer):
    """The link or invitation is gone."""

    deleted: Literal[True]


class GuidedClient(Answer):
    """A client of the signed-in guide, with what is new since the guide's last visit."""

    link_id: int
    name: str
    new_count: Annotated[int, Field(ge=0)]
    show_insights: bool
    accepts_suggestions: Annotated[
        bool, Field(description="False when the client turned this guide's suggestions off.")
    ]
    accepted_at: str
    guide_last_seen_at: str | None


class GuidedClients(Answer):
    """The signed-in guide's clients."""

    clients: list[GuidedClient]


class SharedEntry(Answer):
    """A reflection or summary the client shared with this guide (without shared_with)."""

    model_config = ConfigDict(extra="allow")

    id: str
    kind: Literal["reflection", "shared_summary"]
    created_at: str
    updated_at: str


class CircleInsight(Answer):
    """Shared reflections of one circle: how many, and their average energy."""

    circle: str
    count: Annotated[int, Field(ge=0)]
    average_energy: float | None


class GuidedClientDetail(GuidedClient):
    """What the client shared with this guide, the guide's questions and replies."""

    entries: list[SharedEntry]
    questions: list[dict[str, Any]]
    replies: list[dict[str, Any]]
    suggestion: dict[str, Any] | None
    insights: list[CircleInsight] | None


# The models in /api/openapi.json, by name, as in lpb/sync/contract.py.
REQUESTS = ("InvitationRequest", "GuideLinkChange", "SuggestionRequest")
ANSWERS = (
    "NewInvitation",
    "Guides",
    "GuideLink",
    "GuideDeleted",
    "GuidedClients",
    "GuidedClientDetail",
    "Suggestion",
)
