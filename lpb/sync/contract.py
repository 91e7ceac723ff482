"""The API contract: every JSON body the API reads or writes, declared once as pydantic models.

Requests are checked with these models and /api/openapi.json is generated from them (lpb/openapi.py),
so the description and the checks cannot drift apart.
"""

import uuid
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationError,
    WithJsonSchema,
    create_model,
    model_validator,
)
from pydantic_core import ErrorDetails

from lpb.vocabulary import (
    CIRCLES,
    KINDS,
    MAX_GUIDE_TEXT,
    MAX_SHORT_TEXT,
    MAX_TEXT_LENGTH,
    MIX_PARTS,
)

MAX_SUGGESTED = 7  # questions in one suggestion of a guide
MAX_SUGGESTION_DAYS = 14
MAX_SHARED_WITH = 50
MAX_LINK_ID = 2**31 - 1  # link ids are 32-bit integers in the database
MAX_MUTATIONS = 500
MAX_IMPORT_ENTRIES = 10_000
EXPORT_FORMAT = "levensloopbaan-export"
EXPORT_VERSION = 1


def _canonical_uuid(value: str) -> str:
    """Return a UUID in its canonical form, or fail."""
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise ValueError("must be a UUID") from None


def _scalar(value: object) -> object:
    """Return a value a field the contract does not name may hold: a string, number, bool or null."""
    if value is None or isinstance(value, str | int | float | bool):
        if isinstance(value, str) and len(value) > MAX_TEXT_LENGTH:
            raise ValueError(f"must be at most {MAX_TEXT_LENGTH} characters")
        return value
    raise ValueError("must be a string, a number, true, false or null")


Uuid = Annotated[
    str, AfterValidator(_canonical_uuid), WithJsonSchema({"type": "string", "format": "uuid"})
]
DeviceTime = Annotated[
    str,
    Field(min_length=1, max_length=40, description="The device's clock, for display only."),
]
Day = Annotated[str, Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", description="The local day.")]
Circle = Literal[CIRCLES]  # type: ignore[valid-type]  # the circles of lpb/vocabulary.json
Kind = Literal[KINDS]  # type: ignore[valid-type]
Rating = Annotated[int, Field(ge=1, le=5)]
Weight = Annotated[int, Field(ge=0, le=100)]
Text = Annotated[str, Field(max_length=MAX_TEXT_LENGTH)]
ShortText = Annotated[str, Field(max_length=MAX_SHORT_TEXT)]
Share = Annotated[float, Field(ge=0, le=100)]
SharedWith = Annotated[
    list[Annotated[int, Field(ge=1, le=MAX_LINK_ID)]],
    Field(
        max_length=MAX_SHARED_WITH,
        description="Ids of the user's guide links (GET /api/guides) this entry is shared with; "
        "other ids are ignored. Nothing is shared by default.",
    ),
]
Scalar = Annotated[
    object,
    PlainValidator(_scalar),
    WithJsonSchema({"type": ["string", "number", "boolean", "null"]}),
]


class Strict(BaseModel):
    """A request part: no type coercion ("2" is not 2), no NaN or Infinity."""

    model_config = ConfigDict(strict=True, allow_inf_nan=False, extra="forbid")


class EntryBase(Strict):
    """What every entry has. Fields the contract does not name may be kept if they are scalars."""

    model_config = ConfigDict(extra="allow")
    __pydantic_extra__: dict[str, Scalar] = Field(init=False)

    id: Uuid
    created_at: DeviceTime
    updated_at: DeviceTime
    conflict_of: Uuid | None = Field(
        None, description="The entry this is a conflict copy of (kept on import only)."
    )


class Reflection(EntryBase):
    """A reflection; a kantelen reflection also links to the older one it looks at again."""

    kind: Literal["reflection"]
    day: Day
    text: Text
    circles: list[Circle] = Field(default_factory=list, max_length=len(CIRCLES))
    energy: Rating | None = None
    meaning: Rating | None = None
    engagement: Rating | None = None
    question_id: Annotated[str, Field(max_length=100)] | None = None
    question_text: ShortText | None = None
    kantelen_of: Uuid | None = None
    from_circle: Circle | None = None
    to_circle: Circle | None = None
    shared_with: SharedWith = Field(default_factory=list)
    guide_question_id: Uuid | None = Field(
        None, description="The guide_question entry this reflection answers."
    )


# How a week was divided, in percent: a share per part of the eigen mix (lpb/vocabulary.json).
Shares = create_model(
    "Shares",
    __base__=Strict,
    __doc__="How a week was divided, in percent.",
    **{part: (Share, ...) for part in MIX_PARTS},  # type: ignore[call-overload]
)


class Mix(EntryBase):
    """An eigen mix check-in: the past week as it was and as one would like it."""

    kind: Literal["mix"]
    day: Day | None = None
    week: Annotated[str, Field(pattern=r"^[0-9]{4}-W[0-9]{2}$")]
    actual: Shares
    wished: Shares
    hours_per_week: Annotated[int, Field(ge=1, le=168)] | None = None


class Question(EntryBase):
    """An own question."""

    kind: Literal["question"]
    day: Day | None = None
    text: ShortText
    circles: list[Circle] = Field(default_factory=list, max_length=len(CIRCLES))
    theme: ShortText | None = None
    nl: ShortText | None = None
    en: ShortText | None = None


class CheckIn(EntryBase):
    """A quick check-in on a busy day: energy and meaning, no text."""

    kind: Literal["checkin"]
    day: Day
    energy: Rating | None = None
    meaning: Rating | None = None


class Weights(Strict):
    """How much of the wheel each circle should have, in percent; together 100."""

    self_: Weight = Field(alias="self")
    close: Weight
    organisations: Weight
    society: Weight
    place: Weight

    @model_validator(mode="after")
    def _whole_wheel(self) -> "Weights":
        """The five weights share one wheel."""
        if self.self_ + self.close + self.organisations + self.society + self.place != 100:
            raise ValueError("the five weights must add up to 100")
        return self


class Balance(EntryBase):
    """The balance over the five circles the user wishes for."""

    kind: Literal["balance"]
    day: Day | None = None
    weights: Weights


class SharedSummary(EntryBase):
    """A "since last time" summary, shared with guides as a snapshot."""

    kind: Literal["shared_summary"]
    day: Day
    period_days: Annotated[int, Field(ge=1, le=366)]
    markdown: Text
    shared_with: SharedWith = Field(default_factory=list)


class GuideQuestion(EntryBase):
    """A guide's question for the client (levensloopbaanvraag); the server writes these."""

    kind: Literal["guide_question"]
    link_id: Annotated[int, Field(ge=1)]
    guide_name: ShortText
    text: Annotated[str, Field(max_length=MAX_GUIDE_TEXT)]
    asked_at: DeviceTime
    ended: bool = Field(
        False, description="Set by the server when the link ends: no longer to be answered."
    )


class GuideReply(EntryBase):
    """A guide's short reply to a shared reflection; the server writes these."""

    kind: Literal["guide_reply"]
    link_id: Annotated[int, Field(ge=1)]
    guide_name: ShortText
    entry_id: Uuid
    text: Annotated[str, Field(max_length=MAX_GUIDE_TEXT)]


class SuggestedQuestion(Strict):
    """One question a guide suggests: from the bank (question_id) or in the guide's own words."""

    question_id: ShortText | None = None
    text: Annotated[str, Field(max_length=MAX_GUIDE_TEXT)] = ""


class GuideSuggestion(EntryBase):
    """A guide's suggestion for the next days: a circle or a few questions; the server writes these.

    Replaced by the next suggestion of the same link; deleted when the link ends or the client
    turns suggestions off.
    """

    kind: Literal["guide_suggestion"]
    link_id: Annotated[int, Field(ge=1)]
    guide_name: ShortText
    circle: Circle | None = None
    questions: list[SuggestedQuestion] = Field(default_factory=list, max_length=MAX_SUGGESTED)
    days: Annotated[int, Field(ge=1, le=MAX_SUGGESTION_DAYS)]
    suggested_at: DeviceTime


EntryInput = Annotated[
    Reflection
    | Mix
    | Question
    | CheckIn
    | Balance
    | SharedSummary
    | GuideQuestion
    | GuideReply
    | GuideSuggestion,
    Field(discriminator="kind"),
]


class PutMutation(Strict):
    """Store an entry, based on the server version the device last saw of it."""

    mid: Annotated[int, Field(ge=1)]
    op: Literal["put"]
    base_version: Annotated[int, Field(ge=0)] = 0
    entry: EntryInput


class DeleteMutation(Strict):
    """Delete an entry: a tombstone without text."""

    mid: Annotated[int, Field(ge=1)]
    op: Literal["delete"]
    base_version: Annotated[int, Field(ge=0)] = 0
    id: Uuid


class PushRequest(Strict):
    """A batch of mutations from one device, in the order it made them."""

    client_id: Uuid
    mutations: list[Annotated[PutMutation | DeleteMutation, Field(discriminator="op")]] = Field(
        max_length=MAX_MUTATIONS, description="Each mid larger than the one before it."
    )


class ExportDocument(Strict):
    """Our JSON export (docs/export-format.md), as written by a device or the server."""

    model_config = ConfigDict(extra="ignore")

    format: Literal["levensloopbaan-export"]
    version: Literal[1]
    exported_at: DeviceTime | None = None
    source: Literal["device", "server"] | None = None
    account: dict[str, Scalar] | None = None
    settings: dict[str, Scalar] = Field(default_factory=dict)
    entries: list[EntryInput] = Field(max_length=MAX_IMPORT_ENTRIES)


class DeleteAccountRequest(Strict):
    """The password, to confirm erasing the account."""

    password: Annotated[str, Field(max_length=1024)]


class Answer(BaseModel):
    """An answer of the server (declared for the document; the server builds it)."""


class Error(Answer):
    """Every error: a code for programs and a message for people."""

    error: str
    message: str


class Session(Answer):
    """Who is signed in, with a fresh CSRF token for the next write."""

    signed_in: bool
    user_id: int | None
    email: str | None
    guiding: bool = Field(description="The account guides at least one client.")
    csrf_token: str


class SignedOut(Answer):
    """The session has ended."""

    signed_in: Literal[False]


class Entry(Answer):
    """An entry as stored: the server's fields and the entry's own fields. Tombstones have no text."""

    model_config = ConfigDict(extra="allow")

    id: Uuid
    kind: Kind
    version: Annotated[int, Field(ge=1)]
    deleted: bool
    created_at: Annotated[str, Field(max_length=40)]
    updated_at: Annotated[str, Field(max_length=40)]
    conflict_of: Uuid | None


class MutationResult(Answer):
    """What became of one mutation."""

    mid: int
    id: Uuid
    status: Literal["applied", "conflict", "deleted", "duplicate"]
    version: int | None = None
    conflict_id: Uuid | None = None
    entry: Entry | None = None


class PushResponse(Answer):
    """The batch was applied (or already was)."""

    last_mutation_id: Annotated[int, Field(ge=0)]
    version: Annotated[int, Field(ge=0)]
    results: list[MutationResult]


class PullResponse(Answer):
    """A page of changes, oldest first."""

    changes: list[Entry]
    cursor: Annotated[int, Field(ge=0)]
    has_more: bool


class ExportedEntry(Answer):
    """An entry as exported: without the server's sync state."""

    model_config = ConfigDict(extra="allow")

    id: Uuid
    kind: Kind
    created_at: str
    updated_at: str
    conflict_of: Uuid | None


class Export(Answer):
    """The JSON export."""

    format: Literal["levensloopbaan-export"]
    version: Literal[1]
    exported_at: str
    source: Literal["device", "server"]
    account: dict[str, Any] | None
    settings: dict[str, Any]
    entries: list[ExportedEntry]
    guides: list[dict[str, Any]] | None = Field(
        None, description="The account's guide links (no tokens); only when it has any."
    )
    guide_notes: list[dict[str, Any]] | None = Field(
        None, description="A guide's private notes of their clients; only when there are any."
    )


class ImportResult(Answer):
    """What an import added, and what was there already."""

    added: Annotated[int, Field(ge=0)]
    skipped: Annotated[int, Field(ge=0)]


class Deleted(Answer):
    """The account is erased."""

    deleted: Literal[True]


class BankQuestion(Answer):
    """A question of the public question bank."""

    id: str
    circles: list[str]
    theme: str
    nl: str
    en: str


# The models in /api/openapi.json, by name: looked up when the document is made, like the checks.
REQUESTS = ("PushRequest", "ExportDocument", "DeleteAccountRequest")
ANSWERS = (
    "Error",
    "Session",
    "SignedOut",
    "PushResponse",
    "PullResponse",
    "Export",
    "ImportResult",
    "Deleted",
    "BankQuestion",
)
# Union members are named by their tag in a validation error's location; a person reads a path.
UNION_TAGS = {"put", "delete", *KINDS}


def field_path(location: tuple[int | str, ...]) -> str:
    """Return a validation error's location as a path: mutations[0].entry.text."""
    path = ""
    for index, part in enumerate(location):
        after_union = index and (
            isinstance(location[index - 1], int) or location[index - 1] == "entry"
        )
        if isinstance(part, int):
            path += f"[{part}]"
        elif not (after_union and part in UNION_TAGS):
            path += f".{part}" if path else part
    return path


def first_problem(error: ValidationError) -> tuple[str, str, ErrorDetails]:
    """Return the path, message and details of the first problem a validation found."""
    problem = error.errors(include_url=False)[0]
    location = tuple(problem["loc"])
    if problem["type"] in ("union_tag_invalid", "union_tag_not_found"):
        location += (problem["ctx"]["discriminator"].strip("'"),)
    return field_path(location), problem["msg"], problem
