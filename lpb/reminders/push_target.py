"""Where the reminder sender may post: a push service's endpoint, parsed strictly, and its address.

The endpoint is read once, here, and the sender connects to exactly what was read: the checked host
name, port 443, and an address it resolved and checked itself. No URL library parses it again, so
no second reading (a backslash, user info, a port) can send the request elsewhere.
"""

import http.client
import ipaddress
import re
import socket
import ssl
from dataclasses import dataclass

from flask import current_app

# Where browsers' push services live (Chrome and most others, Firefox, Safari, Edge): the
# server posts only there, so an account cannot aim the sender at the server's own network.
PUSH_SERVICE_HOSTS = (
    "fcm.googleapis.com",
    "push.services.mozilla.com",
    "push.apple.com",
    "notify.windows.com",
)
MAX_DEVICES_PER_ACCOUNT = 10
# Only what a push service's URL holds: https://host/path?query, in plain ASCII.
ENDPOINT = re.compile(
    r"https://(?P<host>[a-z0-9.-]+)(?P<path>/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*"
    r"(?:\?[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*)?)"
)
# Tests only (PUSH_LOOPBACK_RECEIVER): a receiver on http://127.0.0.1:PORT.
LOOPBACK_ENDPOINT = re.compile(
    r"http://127\.0\.0\.1:(?P<port>[0-9]{1,5})(?P<path>/[A-Za-z0-9/_-]*)"
)


class RefusedTarget(ValueError):
    """An endpoint or an address the sender will not post to; args[0] says why."""


@dataclass(frozen=True)
class Target:
    """A checked endpoint: https on port 443 of an allowed host (or the tests' loopback receiver)."""

    host: str
    path: str
    port: int = 443
    tls: bool = True


def _allowed_hosts() -> tuple[str, ...]:
    """Return the configured push service host suffixes (FLASK_PUSH_SERVICE_HOSTS)."""
    return tuple(current_app.config.get("PUSH_SERVICE_HOSTS") or PUSH_SERVICE_HOSTS)


def parse(endpoint: str) -> Target:
    """Return the target of an endpoint, or raise RefusedTarget saying what is wrong with it."""
    loopback = LOOPBACK_ENDPOINT.fullmatch(endpoint)
    if loopback and current_app.config.get("PUSH_LOOPBACK_RECEIVER"):
        return Target("127.0.0.1", loopback["path"], int(loopback["port"]), tls=False)
    match = ENDPOINT.fullmatch(endpoint)
    if match is None:
        raise RefusedTarget(
            "must be an https URL of a browser's push service, without user info, port or backslash"
        )
    host = match["host"]
    if _is_ip_literal(host) or not any(
        host == allowed or host.endswith(f".{allowed}") for allowed in _allowed_hosts()
    ):
        raise RefusedTarget("must be on a browser's push service host")
    return Target(host, match["path"])


def _is_ip_literal(host: str) -> bool:
    """Return whether a host is written as an address (1.2.3.4, or digits a resolver would take)."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return bool(re.fullmatch(r"[0-9.]+", host))
    return True


def resolve(target: Target) -> str:
    """Return an address of the target's host that is public, or raise RefusedTarget."""
    if not target.tls:  # the tests' loopback receiver, only when configured
        return target.host
    try:
        found = socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise RefusedTarget(f"cannot resolve {target.host}: {error}") from None
    addresses = [str(info[4][0]) for info in found]
    if not addresses:
        raise RefusedTarget(f"{target.host} has no address")
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if not ip.is_global or ip.is_multicast:
            raise RefusedTarget(f"{target.host} resolves to a non-public address")
    return addresses[0]


@dataclass
class Answer:
    """What a push service answered, with the few attributes pywebpush reads."""

    status_code: int
    reason: str
    text: str
    headers: dict


class PinnedHTTPSConnection(http.client.HTTPSConnection):
    """An HTTPS connection to a host name at an address chosen beforehand (no second lookup)."""

    def __init__(self, target: Target, address: str, timeout: float):
        super().__init__(target.host, target.port, timeout=timeout)
        self.address = address
        self.tls_context = ssl.create_default_context()

    def connect(self) -> None:
        """Connect to the checked address; TLS checks the certificate against the host name."""
        raw = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self.tls_context.wrap_socket(raw, server_hostname=self.host)


class PinnedHTTPConnection(http.client.HTTPConnection):
    """A plain connection to the tests' loopback receiver."""

    def __init__(self, target: Target, address: str, timeout: float):
        super().__init__(address, target.port, timeout=timeout)


class PinnedPoster:
    """Posts to one checked target at one checked address; never follows a redirect.

    Handed to pywebpush in place of a requests session: it calls post(endpoint, ...) once.
    """

    def __init__(self, endpoint: str, target: Target, address: str):
        self.endpoint, self.target, self.address = endpoint, target, address

    def post(self, url: str, data: bytes | None, headers: dict, timeout: float) -> Answer:
        """Post the encrypted push; a redirect is an answer like any other, never followed."""
        if url != self.endpoint:
            raise RefusedTarget("the push library asked for another URL")
        kind = PinnedHTTPSConnection if self.target.tls else PinnedHTTPConnection
        connection = kind(self.target, self.address, timeout)
        try:
            connection.request("POST", self.target.path, body=data, headers=dict(headers))
            response = connection.getresponse()
            text = response.read(64 * 1024).decode("utf-8", "replace")
            return Answer(response.status, response.reason, text, dict(response.getheaders()))
        finally:
            connection.close()
