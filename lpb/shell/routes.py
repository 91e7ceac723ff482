"""The app shell, the service worker, the manifest and the error pages."""

import gzip
import hashlib
import json
from functools import cache
from pathlib import Path

from flask import Blueprint, Flask, Response, current_app, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from lpb import vocabulary
from lpb.errors import ApiError, error_response
from lpb.i18n import current_language, translate
from lpb.shell.module_graph import static_graph, view_graph

bp = Blueprint("pages", __name__)

# The one route table: address, view module (static/js/views/<view>.js) and its title's text key.
# The worker and the client's router both get their lists from here.
APP_ROUTES = {
    "/": {"view": "today", "title": "nav_today"},
    "/journal": {"view": "journal", "title": "nav_journal"},
    "/insights": {"view": "insights", "title": "nav_insights"},
    "/settings": {"view": "settings", "title": "nav_settings"},
    "/privacy": {"view": "privacy", "title": "privacy_title"},
    "/method": {"view": "method", "title": "method_title"},
    "/guidance": {"view": "guidance", "title": "nav_guidance"},
    "/guidance/client": {"view": "guidance-client", "title": "nav_guidance"},
}
# Not static files, yet the app needs them offline. Each view's address has its own shell, since
# Today's shell holds its question's skeleton.
PRECACHE_EXTRA = (*APP_ROUTES, "/manifest.json", "/api/questions", "/styles.css")
APP_MODULE = "/static/js/app.js"
# The app's stylesheets (static/css/<name>.css), in cascade order, served as one: the first paint
# waits for one request, not five.
SHELL_STYLES = ("app", "meaning", "method", "habit", "guide", "layout")


def _project_file(name: str) -> Path:
    """Return the path of a file at the project's top level."""
    return Path(current_app.root_path).parent / name


@cache
def _build_version(root: Path) -> str:
    """Return a short hash of every file the shell is made of, to version the worker's cache."""
    digest = hashlib.sha256()
    # The shells are made by shell/routes.py with shell/module_graph.py's preloads and i18n.py's
    # texts; modules and shells take words from the vocabulary.
    lpb = root / "lpb"
    files = [root / "manifest.json", root / "service-worker.js"]
    files += [lpb / "shell" / "routes.py", lpb / "shell" / "module_graph.py", lpb / "i18n.py"]
    files.append(vocabulary.SOURCE)
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


@cache
def _static_urls(root: Path) -> tuple[str, ...]:
    """Return the URL of every file under static/: the CSS, the icons and the modules."""
    files = (p for p in (root / "static").rglob("*") if p.is_file() and not p.name.startswith("."))
    return tuple(sorted(f"/{p.relative_to(root).as_posix()}" for p in files))


def precache_urls() -> list[str]:
    """Return what the worker stores to open the app offline (recomputed in debug mode)."""
    root = Path(current_app.root_path).parent
    if current_app.debug:
        _static_urls.cache_clear()
    return [*PRECACHE_EXTRA, *_static_urls(root)]


@cache
def _start_modules(root: Path, view: str) -> tuple[str, ...]:
    """Return the modules app.js imports statically, directly or not, then those the view adds to
    draw itself: the browser fetches them all at once, not one import level after another."""
    start = static_graph(root, APP_MODULE)
    return tuple([*start[1:], *view_graph(root, f"/static/js/views/{view}.js", start)])


def start_modules(view: str) -> tuple[str, ...]:
    """Return the modules to preload with a view's shell (recomputed in debug mode)."""
    if current_app.debug:
        _start_modules.cache_clear()
    return _start_modules(Path(current_app.root_path).parent, view)


def _shell() -> str:
    """Render the app shell with the route table for the router; views are drawn on the device."""
    view = APP_ROUTES[request.path]["view"]
    return render_template(
        "shell.html",
        routes=APP_ROUTES,
        app_module=APP_MODULE,
        preloads=start_modules(view),
        view=view,
        lang=current_language(),
    )


for _route in APP_ROUTES:
    bp.add_url_rule(
        _route, view_func=_shell, endpoint=_route.strip("/").replace("/", "-") or "today"
    )


@bp.get("/service-worker.js")
def service_worker() -> Response:
    """Serve the service worker from the root so that it controls the whole app."""
    source = _project_file("service-worker.js").read_text(encoding="utf-8")
    filled = {
        "__BUILD_VERSION__": build_version(),
        "__APP_ROUTES__": json.dumps(list(APP_ROUTES)),
        "__PRECACHE_URLS__": json.dumps(precache_urls(), indent=2),
    }
    for placeholder, value in filled.items():
        source = source.replace(placeholder, value)
    response = Response(source, mimetype="text/javascript")
    response.headers["Cache-Control"] = "no-cache"
    return response


def _vocabulary_module() -> Response:
    """Serve a module that takes words or lists from lpb/vocabulary.json, with them written in."""
    response = Response(vocabulary.module_source(request.path), mimetype="text/javascript")
    response.headers["Cache-Control"] = "no-cache"
    response.add_etag()
    response.make_conditional(request)
    return response


# Before the static files' route: a more specific address wins.
for _url in vocabulary.client_modules():
    bp.add_url_rule(
        _url, view_func=_vocabulary_module, endpoint=f"vocabulary-{_url.replace('.', '-')}"
    )


@bp.get("/styles.css")
def styles() -> Response:
    """Serve the shell's stylesheets as one file, revalidated like the static files."""
    css = "".join(
        _project_file(f"static/css/{name}.css").read_text(encoding="utf-8") for name in SHELL_STYLES
    )
    response = Response(css, mimetype="text/css")
    response.headers["Cache-Control"] = "no-cache"
    response.add_etag()
    response.make_conditional(request)
    return response


@bp.get("/manifest.json")
def manifest() -> Response:
    """Serve the web app manifest."""
    return Response(
        _project_file("manifest.json").read_bytes(), mimetype="application/manifest+json"
    )


# Public text only: a page holding a CSRF token or an account's data stays uncompressed (BREACH).
COMPRESSED_PATHS = ("/manifest.json", "/service-worker.js", "/api/questions", "/styles.css")
COMPRESSED_TYPES = (
    "text/html",
    "text/css",
    "text/javascript",
    "application/json",
    "application/manifest+json",
    "image/svg+xml",
)


@bp.after_app_request
def compress(response: Response) -> Response:
    """Gzip the app's shell, modules, styles and question bank: a phone on a slow network
    downloads a third of the bytes."""
    public = request.path in APP_ROUTES or request.path in COMPRESSED_PATHS
    if (
        not (public or request.path.startswith("/static/"))
        or response.status_code != 200
        or response.mimetype not in COMPRESSED_TYPES
        or "gzip" not in request.accept_encodings
        or "Content-Encoding" in response.headers
    ):
        return response
    response.direct_passthrough = False
    response.set_data(gzip.compress(response.get_data(), compresslevel=6))
    response.headers["Content-Encoding"] = "gzip"
    response.headers.pop("Accept-Ranges", None)
    response.vary.add("Accept-Encoding")
    etag, _ = response.get_etag()
    if etag:
        # The same file, encoded otherwise: still equal for revalidation, no longer byte for byte.
        response.set_etag(etag, weak=True)
    return response


def _error_page(error: HTTPException) -> tuple[str | Response, int]:
    """Answer an error as JSON under /api/, else as a friendly page."""
    code = error.code or 500
    if request.path.startswith("/api/"):
        name = (
            "csrf_failed" if isinstance(error, CSRFError) else error.name.lower().replace(" ", "_")
        )
        return error_response(ApiError(code, name, error.description or "")), code
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


def _unexpected_error(error: Exception) -> tuple[str | Response, int]:
    """Log an unexpected error and answer without a stack trace."""
    current_app.logger.exception("Unhandled error", exc_info=error)
    return _error_page(InternalServerError())


def init_app(app: Flask) -> None:
    """Register the blueprint and the error handlers."""
    app.register_blueprint(bp)
    app.register_error_handler(HTTPException, _error_page)
    app.register_error_handler(Exception, _unexpected_error)
