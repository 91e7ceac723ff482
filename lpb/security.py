"""Security headers sent with every response."""

from flask import Flask, Response, render_template, request
from flask.sessions import SecureCookieSessionInterface

from lpb.i18n import translate

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


# The server's forms have a handful of fields and a text of at most a few thousand characters.
MAX_FORM_FIELDS = 40
MAX_FORM_BYTES = 64 * 1024
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def refuse_large_forms() -> Response | None:
    """Refuse a form post with too many fields or bytes before it is parsed (413, a clear page)."""
    if request.method != "POST" or request.mimetype not in FORM_TYPES:
        return None
    if request.path.startswith("/api/"):
        return None  # the API reads JSON bodies, with limits of their own
    too_large = (request.content_length or 0) > MAX_FORM_BYTES
    if not too_large and request.mimetype == FORM_TYPES[0]:
        request.max_content_length = MAX_FORM_BYTES
        too_large = request.get_data(cache=True).count(b"&") >= MAX_FORM_FIELDS
    if not too_large:
        return None
    page = render_template(
        "error.html", title=translate("error_title"), body=translate("form_too_large")
    )
    return Response(page, 413, mimetype="text/html")


def init_app(app: Flask) -> None:
    """Register the security headers and the limits on form posts on the app."""
    app.config.setdefault("MAX_FORM_PARTS", MAX_FORM_FIELDS)
    app.config.setdefault("MAX_FORM_MEMORY_SIZE", MAX_FORM_BYTES)
    # First of all, before CSRFProtect reads the form.
    app.before_request_funcs.setdefault(None, []).insert(0, refuse_large_forms)
    app.after_request(add_security_headers)


class SessionInterface(SecureCookieSessionInterface):
    """The signed session cookie, marked Secure and __Host- prefixed when served over HTTPS."""

    def get_cookie_name(self, app: Flask) -> str:
        """Return __Host-lpb over HTTPS (bound to this host and path /), else lpb."""
        return "__Host-lpb" if request.is_secure else "lpb"

    def get_cookie_secure(self, app: Flask) -> bool:
        """Send the cookie only over HTTPS when the app is served over HTTPS."""
        return request.is_secure or super().get_cookie_secure(app)
