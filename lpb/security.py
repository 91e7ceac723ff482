"""Security headers sent with every response."""

from flask import Flask, Response, request
from flask.sessions import SecureCookieSessionInterface

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


def add_security_headers(response: Response) -> Response:
    """Add the strict CSP and friends to a response."""
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Permissions-Policy"] = PERMISSIONS_POLICY
    if request.is_secure:
        response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    if _private(response):
        response.headers["Cache-Control"] = "no-store"
    return response


def _private(response: Response) -> bool:
    """Return whether an answer may hold account data: the API's, the auth blueprint's pages."""
    # The question bank is the API's one public answer, and says so itself.
    if request.path.startswith("/api/"):
        return "public" not in response.headers.get("Cache-Control", "")
    return request.blueprint == "auth"


def init_app(app: Flask) -> None:
    """Register the security headers on the app."""
    app.after_request(add_security_headers)


class SessionInterface(SecureCookieSessionInterface):
    """The signed session cookie, marked Secure and __Host- prefixed when served over HTTPS."""

    def get_cookie_name(self, app: Flask) -> str:
        """Return __Host-lpb over HTTPS (bound to this host and path /), else lpb."""
        return "__Host-lpb" if request.is_secure else "lpb"

    def get_cookie_secure(self, app: Flask) -> bool:
        """Send the cookie only over HTTPS when the app is served over HTTPS."""
        return request.is_secure or super().get_cookie_secure(app)
