"""The reminder API's part of the contract: its JSON bodies as pydantic models.

Kept apart from lpb/sync/contract.py, with the same rules: requests are checked with these models and
/api/openapi.json describes them (lpb/shell/openapi.py takes REQUESTS and ANSWERS from both modules).
"""

import re
from datetime import date
from functools import cache
from typing import Annotated, Literal
from zoneinfo import available_timezones

from cryptography.hazmat.primitives.asymmetric import ec
from pydantic import AfterValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from lpb.ids import canonical_uuid
from lpb.reminders import push_target, webpush
from lpb.sync.contract import Answer, Strict

TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _problem(message: str) -> PydanticCustomError:
    """Return a validation error whose message is shown as written, after the field's path."""
    return PydanticCustomError("invalid_reminder", message)


@cache
def time_zones() -> frozenset[str]:
    """Return the names of the IANA time zones this server knows."""
    return frozenset(available_timezones())


def _device_id(value: str) -> str:
    """Return a device id (the device's sync client id, a UUID) in canonical form."""
    key = canonical_uuid(value)
    if key is None:
        raise _problem("must be a UUID (the device's sync client_id)")
    return key


def _local_time(value: str) -> str:
    """Return a local time HH:MM, or fail."""
    if not re.fullmatch(TIME_PATTERN, value):
        raise _problem("must be a local time HH:MM, e.g. 07:30")
    return value


def _time_zone(value: str) -> str:
    """Return an IANA time zone's name, or fail."""
    if value not in time_zones():
        raise _problem("must be an IANA time zone, e.g. Europe/Brussels")
    return value


def _real_day(value: str) -> str:
    """Return a date YYYY-MM-DD that exists, or fail."""
    try:
        date.fromisoformat(value)
    except ValueError:
        raise _problem("must be a date YYYY-MM-DD") from None
    return value


def _endpoint(value: str) -> str:
    """Return a push service's endpoint URL, read as the sender reads it, or fail."""
    try:
        push_target.parse(value)
    except push_target.RefusedTarget as refused:
        raise _problem(str(refused)) from None
    return value


def _decoded(key: str) -> bytes:
    """Return the bytes of a base64url key; empty when it is not one."""
    try:
        return webpush.b64url_decode(key)
    except ValueError:
        return b""


def _p256dh(value: str) -> str:
    """Return a P-256 public key in base64url, or fail."""
    try:
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), _decoded(value))
    except ValueError:
        raise _problem("must be a P-256 public key (65 bytes) in base64url") from None
    return value


def _auth(value: str) -> str:
    """Return a 16-byte push auth secret in base64url, or fail."""
    if len(_decoded(value)) != 16:
        raise _problem("must be 16 bytes in base64url")
    return value


DeviceId = Annotated[
    str,
    AfterValidator(_device_id),
    WithJsonSchema({"type": "string", "format": "uuid"}),
    Field(description="The device's sync client_id."),
]
LocalTime = Annotated[
    str,
    AfterValidator(_local_time),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": TIME_PATTERN,
            "description": "A local time HH:MM.",
            "examples": ["07:30"],
        }
    ),
]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
TimeZone = Annotated[
    str,
    Field(max_length=64, description="An IANA time zone.", examples=["Europe/Brussels"]),
    AfterValidator(_time_zone),
]
Language = Literal["nl", "en"]  # lpb.i18n.LANGUAGES, spelled out for the schema's enum


class Schedule(Strict):
    """When a reminder comes: a local time on some weekdays, in a time zone."""

    time: LocalTime
    days: list[Weekday] = Field(min_length=1, examples=[["mon", "wed", "fri"]])
    time_zone: TimeZone


class SubscriptionKeys(Strict):
    """The keys of a push subscription, base64url."""

    model_config = ConfigDict(extra="ignore")

    p256dh: Annotated[str, Field(max_length=128), AfterValidator(_p256dh)]
    auth: Annotated[str, Field(max_length=64), AfterValidator(_auth)]


class PushSubscription(Strict):
    """The browser's PushSubscription.toJSON(); fields browsers add later are ignored."""

    model_config = ConfigDict(extra="ignore")

    endpoint: Annotated[str, Field(max_length=1024), AfterValidator(_endpoint)]
    expirationTime: int | float | None = None
    keys: SubscriptionKeys


class DeviceReminderRequest(Schedule):
    """This device's reminder and the push subscription it is sent to."""

    device_id: DeviceId
    skip_when_written: bool = False
    subscription: PushSubscription


class WrittenTodayRequest(Strict):
    """A reflection was written on this local day."""

    day: Annotated[
        str,
        Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", description="Today on the device."),
        AfterValidator(_real_day),
    ]


class CalendarFeedRequest(Schedule):
    """The calendar feed's settings; the language defaults to the visitor's."""

    lang: Language | None = None


class VapidPublicKey(Answer):
    """The key a browser subscribes to push with (applicationServerKey), base64url."""

    public_key: str


class ScheduleAnswer(Answer):
    """A reminder's schedule as stored."""

    time: LocalTime
    days: list[Weekday]
    time_zone: str


class DeviceReminder(ScheduleAnswer):
    """A device's reminder (never its subscription's secrets)."""

    device_id: Annotated[str, WithJsonSchema({"type": "string", "format": "uuid"})]
    skip_when_written: bool
    subscribed: bool


class LastSchedule(ScheduleAnswer):
    """The schedule saved last, on any of the account's devices or for its calendar feed."""

    skip_when_written: bool
    source: Literal["device", "calendar"]


class WrittenToday(Answer):
    """The day noted as written."""

    day: str


class CalendarFeedSettings(ScheduleAnswer):
    """The calendar feed's settings; its URL is shown only when it is made."""

    lang: Language


class NewCalendarFeed(CalendarFeedSettings):
    """A new calendar feed: its secret URL, shown this once, and its settings."""

    url: str


class ReminderDeleted(Answer):
    """The reminder or feed is gone."""

    deleted: Literal[True]


# The models in /api/openapi.json, by name, as in lpb/sync/contract.py.
REQUESTS = ("DeviceReminderRequest", "WrittenTodayRequest", "CalendarFeedRequest")
ANSWERS = (
    "VapidPublicKey",
    "DeviceReminder",
    "LastSchedule",
    "WrittenToday",
    "CalendarFeedSettings",
    "NewCalendarFeed",
    "ReminderDeleted",
)
