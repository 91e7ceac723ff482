"""The app shell, the service worker, the manifest and the error pages."""

import hashlib
from functools import cache
from pathlib import Path

from flask import Blueprint, Flask, Response, current_app, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from lpb.i18n import translate

bp = Blueprint("pages", __name__)

APP_ROUTES = ("/", "/journal", "/insights", "/settings", "/privacy")


def _project_file(name: str) -> Path:
    """Return the path of a file at the project's top level."""
    return Path(current_app.root_path).parent / name


@cache
def _build_version(root: Path) -> str:
    """Return a short hash of every file the shell is made of, to version the worker's cache."""
    digest = hashlib.sha256()
    files = [root / "manifest.json", root / "service-worker.js"]
    for folder in ("static", "templates", "lpb/data"):
        files.extend(sorted(p for p in (root / folder).rglob("*") if p.is_file()))
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def build_version() -> str:
    """Return the build version: configured, or the files' hash (recomputed in debug mode)."""
    if current_app.config.get("BUILD_VERSION"):
        return current_app.config["BUILD_VERSION"]
    root = Path(current_app.root_path).parent
    if current_app.debug:
        _build_version.cache_clear()
    return _build_version(root)


def _shell() -> str:
    """Render the app shell; the views are drawn on the device."""
    return render_template("shell.html")


for _route in APP_ROUTES:
    bp.add_url_rule(_route, view_func=_shell, endpoint=_route.strip("/") or "today")


@bp.get("/service-worker.js")
def service_worker() -> Response:
    """Serve the service worker from the root so that it controls the whole app."""
    source = _project_file("service-worker.js").read_text(encoding="utf-8")
    response = Response(
        source.replace("__BUILD_VERSION__", build_version()),
        mimetype="text/javascript",
    )
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.get("/manifest.json")
def manifest() -> Response:
    """Serve the web app manifest."""
    return Response(
        _project_file("manifest.json").read_bytes(), mimetype="application/manifest+json"
    )


def _error_page(error: HTTPException) -> tuple[str | dict, int]:
    """Answer an error as JSON under /api/, else as a friendly page."""
    code = error.code or 500
    if request.path.startswith("/api/"):
        name = (
            "csrf_failed" if isinstance(error, CSRFError) else error.name.lower().replace(" ", "_")
        )
        return {"error": name, "message": error.description}, code
    if isinstance(error, CSRFError):
        return (
            render_template(
                "error.html", title=translate("error_title"), body=translate("form_expired")
            ),
            code,
        )
    kind = "not_found" if code == 404 else "error"
    return (
        render_template(
            "error.html", title=translate(f"{kind}_title"), body=translate(f"{kind}_body")
        ),
        code,
    )


def _unexpected_error(error: Exception) -> tuple[str | dict, int]:
    """Log an unexpected error and answer without a stack trace."""
    current_app.logger.exception("Unhandled error", exc_info=error)
    return _error_page(InternalServerError())


def init_app(app: Flask) -> None:
    """Register the blueprint and the error handlers."""
    app.register_blueprint(bp)
    app.register_error_handler(HTTPException, _error_page)
    app.register_error_handler(Exception, _unexpected_error)
