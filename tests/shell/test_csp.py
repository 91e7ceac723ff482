"""The Content-Security-Policy uses only directives every engine knows: WebKit warns about the others
("Unrecognized Content-Security-Policy directive") on every load."""

from lpb.security import CONTENT_SECURITY_POLICY

# CSP Level 2's directives, and worker-src, which Chromium, Firefox and WebKit all implement.
# manifest-src is not here: WebKit does not know it, and default-src covers the manifest anyway.
KNOWN_EVERYWHERE = {
    "default-src",
    "script-src",
    "style-src",
    "img-src",
    "connect-src",
    "font-src",
    "object-src",
    "media-src",
    "frame-src",
    "child-src",
    "worker-src",
    "base-uri",
    "form-action",
    "frame-ancestors",
}


def directives(policy: str) -> dict[str, str]:
    """Return a policy's directives by name, with their sources."""
    parts = [part.strip().split(" ", 1) for part in policy.split(";") if part.strip()]
    return {name: sources for name, sources in parts}


def test_every_directive_is_known_to_every_engine(client):
    """The header the app sends has no directive an engine would warn about."""
    sent = directives(client.get("/").headers["Content-Security-Policy"])
    assert set(sent) <= KNOWN_EVERYWHERE, set(sent) - KNOWN_EVERYWHERE
    assert sent == directives(CONTENT_SECURITY_POLICY)


def test_the_manifest_still_comes_only_from_this_origin():
    """Without manifest-src, default-src 'self' is what limits the manifest."""
    assert directives(CONTENT_SECURITY_POLICY)["default-src"] == "'self'"
