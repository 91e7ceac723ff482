"""Web Push: the server's VAPID key pair, and one encrypted push to a subscription."""

import base64
import enum
import http.client
import json
import re
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from flask import current_app
from py_vapid import Vapid, VapidException
from pywebpush import WebPushException, webpush

from lpb import tokens
from lpb.reminders import push_target

KEY_FILE = "vapid_private_key.pem"
# A reminder that waited longer than this at the push service is no use any more.
TIME_TO_LIVE = 4 * 3600
TIMEOUT_SECONDS = 10
SUBJECT = re.compile(r"(mailto:[^@\s]+@[^@\s]+|https://\S+)")


class Outcome(enum.Enum):
    """What became of one push."""

    SENT = "sent"
    GONE = "gone"
    RETRY = "retry"
    FAILED = "failed"
    REFUSED = "refused"  # the endpoint is not one the server posts to: forget it


def b64url(data: bytes) -> str:
    """Return data as unpadded base64url, as the Push API writes keys."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64url_decode(text: str) -> bytes:
    """Return the bytes of (unpadded) base64url text; ValueError if it is not."""
    if not re.fullmatch(r"[A-Za-z0-9_-]*={0,2}", text):
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text.rstrip("=") + "=" * (-len(text.rstrip("=")) % 4))


def _private_key_pem() -> bytes:
    """Return a new VAPID private key as PEM."""
    return ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _load_key(configured: str | None) -> Vapid:
    """Return the VAPID key from a configured string (PEM, base64url raw or DER) or the instance."""
    if not configured:
        pem = tokens.instance_secret(Path(current_app.instance_path), KEY_FILE, _private_key_pem)
        return Vapid(serialization.load_pem_private_key(pem, password=None))
    if "-----BEGIN" in configured:
        return Vapid(serialization.load_pem_private_key(configured.encode(), password=None))
    return Vapid.from_string(configured)


def vapid() -> Vapid:
    """Return the server's VAPID key pair, loaded once per app."""
    if "vapid" not in current_app.extensions:
        key = _load_key(current_app.config.get("VAPID_PRIVATE_KEY"))
        expected = current_app.config.get("VAPID_PUBLIC_KEY")
        if expected and expected.rstrip("=") != _public_key_of(key):
            raise RuntimeError("FLASK_VAPID_PUBLIC_KEY is not the public half of the private key.")
        current_app.extensions["vapid"] = key
    return current_app.extensions["vapid"]


def _public_key_of(key: Vapid) -> str:
    """Return a VAPID public key as browsers take it: the uncompressed point, base64url."""
    return b64url(
        key.public_key.public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
    )


def public_key() -> str:
    """Return the applicationServerKey a browser subscribes with."""
    return _public_key_of(vapid())


def subject() -> str:
    """Return the configured contact for push services (mailto: or https:), or fail clearly."""
    value = current_app.config.get("VAPID_SUBJECT") or ""
    if not SUBJECT.fullmatch(value):
        raise RuntimeError(
            "Set FLASK_VAPID_SUBJECT to a mailto: address or an https: URL where push services "
            "can reach the admin, e.g. mailto:admin@example.org."
        )
    return value


def send(endpoint: str, p256dh: str, auth: str, payload: dict) -> Outcome:
    """Encrypt payload (aes128gcm) and push it to one subscription; never raise for the network.

    The endpoint is checked again (a row written before the checks, or by hand) and its host
    resolved to a public address, which is the one connected to. RETRY: the push service answered
    that it did not take the push now (429 or 5xx).
    """
    try:
        target = push_target.parse(endpoint)
    except push_target.RefusedTarget as refused:
        current_app.logger.warning("Push endpoint refused: %s", refused)
        return Outcome.REFUSED
    try:
        poster = push_target.PinnedPoster(endpoint, target, push_target.resolve(target))
        webpush(
            {"endpoint": endpoint, "keys": {"p256dh": p256dh, "auth": auth}},
            data=json.dumps(payload, separators=(",", ":")),
            vapid_private_key=vapid(),
            # pywebpush writes aud and exp into the claims: a fresh dict for every push.
            vapid_claims={"sub": subject()},
            content_encoding="aes128gcm",
            ttl=TIME_TO_LIVE,
            timeout=TIMEOUT_SECONDS,
            requests_session=poster,
        )
    except WebPushException as exc:
        status = exc.response.status_code if exc.response is not None else None
        if status in (404, 410):
            return Outcome.GONE
        current_app.logger.warning("Push to %s failed: %s", _origin(endpoint), exc)
        return Outcome.RETRY if status == 429 or (status or 0) >= 500 else Outcome.FAILED
    except (OSError, http.client.HTTPException, push_target.RefusedTarget) as exc:
        current_app.logger.warning("Push to %s failed: %s", _origin(endpoint), exc)
        return Outcome.FAILED
    except (VapidException, ValueError, TypeError) as exc:  # keys that do not work
        current_app.logger.warning("Push to %s failed: %s", _origin(endpoint), exc)
        return Outcome.FAILED
    return Outcome.SENT


def _origin(endpoint: str) -> str:
    """Return the push service's origin; the rest of an endpoint is a secret of the device."""
    return "/".join(endpoint.split("/", 3)[:3])
