"""The server side of the app shell: routes, headers, manifest, worker and errors."""

import gzip
import html
import json
import re
import struct
import tempfile
from pathlib import Path

import pytest

from lpb import create_app
from lpb.i18n import TEXTS, translate_count
from lpb.shell.module_graph import imports, static_graph, view_graph
from lpb.shell.routes import APP_ROUTES, SHELL_STYLES
from tests.api_client import matched

ROOT = Path(__file__).resolve().parents[2]
BOOT_SCRIPT = re.compile(
    r"""<script src="/static/js/boot\.js" data-app="([^"]+)" data-preloads='([^']+)'></script>"""
)


def boot_modules(shell: str) -> tuple[str, list[str]]:
    """Return the app's module and the modules to preload that a shell hands to boot.js."""
    app, preloads = matched(BOOT_SCRIPT, shell).groups()
    return app, json.loads(preloads)


def served_worker() -> str:
    """Return the service worker as the server serves it, with its lists filled in."""
    with tempfile.TemporaryDirectory() as instance:
        app = create_app({"TESTING": True, "SECRET_KEY": "test", "INSTANCE_PATH": instance})
        return app.test_client().get("/service-worker.js").get_data(as_text=True)


def worker_list(source: str, name: str) -> list[str]:
    """Return a list constant of the served worker."""
    return json.loads(matched(rf"const {name} = (\[.*?\]);", source, re.S).group(1))


def precached_urls() -> list[str]:
    """Return the URLs in the service worker's precache list."""
    return worker_list(served_worker(), "PRECACHE_URLS")


@pytest.mark.parametrize("path", APP_ROUTES)
def test_app_routes_serve_the_shell(client, path):
    """Every view's address answers with the shell, which loads the app module (through boot.js)."""
    response = client.get(path)
    assert response.status_code == 200
    assert boot_modules(response.get_data(as_text=True))[0] == "/static/js/app.js"
    assert b'rel="manifest"' in response.data


@pytest.mark.parametrize("path", ["/", "/journal", "/nope", "/manifest.json", "/api/questions"])
def test_security_headers(client, path):
    """Every response carries a strict CSP and the other protective headers."""
    headers = client.get(path).headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert "Strict-Transport-Security" not in headers


def test_hsts_over_https(client):
    """HTTPS responses ask browsers to keep using HTTPS."""
    response = client.get("/", base_url="https://localhost")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_shell_has_no_inline_script():
    """The CSP forbids inline script, so the shell must have none."""
    for template in (ROOT / "templates").glob("*.html"):
        html = template.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), template.name
        assert not re.search(r"\son\w+=", html), template.name


def status_of(client, url: str, headers: dict[str, str] | None = None) -> int:
    """Return the status of a GET, closing the response (static files hold a file open)."""
    with client.get(url, headers=headers or {}) as response:
        return response.status_code


def png_size(path: Path) -> tuple[int, int]:
    """Return a PNG file's width and height from its header."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_manifest(client):
    """The manifest makes the app installable, with a maskable icon."""
    response = client.get("/manifest.json")
    assert response.status_code == 200
    assert response.mimetype == "application/manifest+json"
    manifest = json.loads(response.data)
    for field in ("name", "short_name", "description", "lang", "start_url", "scope"):
        assert manifest[field]
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] and manifest["background_color"]
    sizes = set()
    for icon in manifest["icons"]:
        assert status_of(client, icon["src"]) == 200
        if icon["type"] == "image/png":
            width, height = png_size(ROOT / icon["src"].lstrip("/"))
            assert icon["sizes"] == f"{width}x{height}"
            sizes.add((width, icon["purpose"]))
    assert {(192, "any"), (512, "any"), (512, "maskable")} <= sizes


def test_service_worker_is_served_from_the_root(client):
    """The worker is served at the top, versioned, and never cached by HTTP."""
    response = client.get("/service-worker.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    assert response.headers["Cache-Control"] == "no-cache"
    text = response.get_data(as_text=True)
    assert "__BUILD_VERSION__" not in text
    assert re.search(r"const CACHE_NAME = `\$\{CACHE_PREFIX\}[0-9a-f]{12}`", text)


def test_worker_and_router_share_the_route_table(client):
    """The worker serves the shell for, and the router draws, exactly the routes of the one table."""
    worker = client.get("/service-worker.js").get_data(as_text=True)
    assert worker_list(worker, "APP_ROUTES") == list(APP_ROUTES)
    shell = client.get("/").get_data(as_text=True)
    routes = json.loads(html.unescape(matched(r"data-routes='([^']*)'", shell).group(1)))
    assert routes == APP_ROUTES
    for route in APP_ROUTES.values():
        assert (ROOT / "static/js/views" / f"{route['view']}.js").is_file(), route


def test_build_version_follows_the_files(app, tmp_path):
    """A configured build version replaces the hash, so tests can stage an update."""
    app.config["BUILD_VERSION"] = "v2test"
    assert "lpb-static-" in app.test_client().get("/service-worker.js").get_data(as_text=True)
    assert "v2test" in app.test_client().get("/service-worker.js").get_data(as_text=True)


@pytest.mark.parametrize("url", precached_urls())
def test_every_precached_url_answers(client, url):
    """Install fails if any precached file is missing, so each must answer 200."""
    assert status_of(client, url) == 200


def test_every_static_module_is_precached():
    """A module left out of the precache list would break the app offline."""
    precached = set(precached_urls())
    for path in (ROOT / "static").rglob("*.js"):
        assert f"/{path.relative_to(ROOT).as_posix()}" in precached, path


def test_unknown_page_is_a_friendly_404(client):
    """An unknown address gets a page in the visitor's language with a way back."""
    response = client.get("/does-not-exist", headers={"Accept-Language": "nl-BE,nl;q=0.9"})
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert "Pagina niet gevonden" in response.get_data(as_text=True)
    english = client.get("/does-not-exist", headers={"Accept-Language": "en-GB"})
    assert "Page not found" in english.get_data(as_text=True)


def test_unknown_api_path_is_json(client):
    """The API never answers in HTML."""
    response = client.get("/api/nope")
    assert response.status_code == 404
    assert response.is_json
    assert response.json["error"] == "not_found"
    assert response.json["message"]


def test_questions_are_public_and_cacheable(client):
    """The question bank is served to anyone, in both languages, and may be cached."""
    response = client.get("/api/questions")
    assert response.status_code == 200
    assert "public" in response.headers["Cache-Control"]
    questions = response.json
    assert len(questions) >= 30
    assert all(question["nl"] and question["en"] for question in questions)


def test_unexpected_error_shows_no_stack_trace(tmp_path):
    """A crash in a view answers 500 with a friendly page and no traceback."""
    app = create_app({"INSTANCE_PATH": tmp_path, "SECRET_KEY": "x"})

    @app.get("/boom")
    def boom():
        raise RuntimeError("secret internals")

    @app.get("/api/boom")
    def api_boom():
        raise RuntimeError("secret internals")

    client = app.test_client()
    page = client.get("/boom")
    assert page.status_code == 500
    assert "secret internals" not in page.get_data(as_text=True)
    assert "Traceback" not in page.get_data(as_text=True)
    api = client.get("/api/boom")
    assert api.status_code == 500 and api.is_json
    assert "secret internals" not in api.get_data(as_text=True)


def test_secret_key_is_made_once_and_kept(tmp_path):
    """With nothing configured, a secret key is generated and reused on the next start."""
    first = create_app({"INSTANCE_PATH": tmp_path})
    second = create_app({"INSTANCE_PATH": tmp_path})
    assert len(first.config["SECRET_KEY"]) == 64
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"]
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_settings_from_prefixed_environment(monkeypatch, tmp_path):
    """FLASK_-prefixed variables configure the app."""
    database = tmp_path / "elsewhere.sqlite"
    monkeypatch.setenv("FLASK_SQLALCHEMY_DATABASE_URI", f"sqlite:///{database}")
    monkeypatch.setenv("FLASK_SECRET_KEY", "from-env")
    app = create_app()
    assert app.config["SECRET_KEY"] == "from-env"
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("elsewhere.sqlite")


def test_default_database_is_sqlite_in_the_instance_folder(tmp_path):
    """With nothing set, the database is an SQLite file in the instance folder."""
    app = create_app({"INSTANCE_PATH": tmp_path})
    assert (
        app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'levensloopbaan.sqlite'}"
    )


def test_every_import_is_a_precached_module():
    """Each module a module or the worker imports, statically or by import('…'), is precached, so
    nothing is missing offline; import(`./views/${view}.js`) finds precached modules in views/."""
    precached = set(precached_urls())
    urls = [
        "/service-worker.js",
        *(f"/{p.relative_to(ROOT).as_posix()}" for p in ROOT.glob("static/**/*.js")),
    ]
    for url in urls:
        for found in imports(ROOT, url):
            if found.kind == "computed":
                assert any(target.startswith(found.url) for target in precached), (url, found)
            else:
                assert found.url in precached, (url, found)


def test_module_graph_follows_static_imports_only(tmp_path):
    """The walk finds every form of static import, each module once, and leaves import() for later."""
    modules = {
        "app.js": "import { a } from './a.js';\nimport './side.js';\nimport('./lazy.js');\n",
        "a.js": "import {\n  b,\n  c,\n} from './lib/b.js';\nexport { d } from './d.js';\n",
        "lib/b.js": "import { a } from '../a.js';\n",
        "side.js": "",
        "d.js": "// import { x } from './nothing.js' is not on a line of its own\n",
        "lazy.js": "",
    }
    for name, source in modules.items():
        (tmp_path / "js" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "js" / name).write_text(source)
    assert static_graph(tmp_path, "/js/app.js") == [
        "/js/app.js",
        "/js/a.js",
        "/js/side.js",
        "/js/lib/b.js",
        "/js/d.js",
    ]
    start = static_graph(tmp_path, "/js/a.js")
    assert view_graph(tmp_path, "/js/app.js", start) == ["/js/app.js", "/js/side.js", "/js/lazy.js"]


def test_shell_preloads_the_start_and_the_views_parts(client):
    """A view's shell preloads each module app.js imports, directly or not, and what the view adds
    to draw itself, so the browser fetches them at once instead of one import level after another."""
    start = static_graph(ROOT, "/static/js/app.js")
    for path, route in APP_ROUTES.items():
        shell = client.get(path).get_data(as_text=True)
        app, preloaded = boot_modules(shell)
        assert app == "/static/js/app.js"
        view = f"/static/js/views/{route['view']}.js"
        assert preloaded == start[1:] + view_graph(ROOT, view, start), path
    _, today = boot_modules(client.get("/").get_data(as_text=True))
    assert "/static/js/views/today-method.js" in today
    assert "/static/js/views/journal.js" not in today


@pytest.mark.parametrize("path", APP_ROUTES)
def test_shell_starts_no_module_before_the_first_paint(client, path):
    """The page paints from its HTML and styles: no module, preload or fetch starts from <head>;
    boot.js, a classic script (it runs before the body paints), adds the modules after the paint."""
    head = client.get(path).get_data(as_text=True).split("</head>")[0]
    assert not re.search(r"<script[^>]*type=\"module\"", head)
    assert not re.search(r"<link[^>]*rel=\"(?:modulepreload|preload)\"", head)
    assert re.search(r'<script src="/static/js/boot\.js"[^>]*>', head)
    assert not re.search(r"<script src=\"/static/js/boot\.js\"[^>]*\b(?:defer|async|type)\b", head)
    boot = (ROOT / "static/js/boot.js").read_text()
    assert "'modulepreload'" in boot and "type: 'module'" in boot


def test_shell_styles_come_as_one_file(client):
    """The first paint waits for one stylesheet, which holds every one of the app's, in order;
    a browser that has it gets 304."""
    head = client.get("/").get_data(as_text=True).split("</head>")[0]
    assert re.findall(r'<link rel="stylesheet" href="([^"]+)"', head) == ["/styles.css"]
    assert sorted(SHELL_STYLES) == sorted(p.stem for p in (ROOT / "static/css").glob("*.css"))
    with client.get("/styles.css") as response:
        css = response.get_data(as_text=True)
        etag = response.headers["ETag"]
    files = [(ROOT / f"static/css/{name}.css").read_text(encoding="utf-8") for name in SHELL_STYLES]
    assert css == "".join(files)
    assert status_of(client, "/styles.css", {"If-None-Match": etag}) == 304
    assert "/styles.css" in precached_urls()


def test_todays_question_is_drawn_before_the_modules_run(client):
    """Today's shell holds the introduction's first step and the question's kicker, in the
    visitor's language; other views' do not."""
    dutch = client.get("/", headers={"Accept-Language": "nl-NL"}).get_data(as_text=True)
    assert '<html lang="nl"' in dutch
    assert "Vraag van vandaag" in dutch and "question-skeleton" in dutch
    english = client.get("/", headers={"Accept-Language": "en-GB"}).get_data(as_text=True)
    assert '<html lang="en"' in english and "Today&#39;s question" in english
    assert "Kennismaking" in dutch and "Werk en leven, één geheel" in dutch
    assert "Work and life, one whole" in english
    journal = client.get("/journal").get_data(as_text=True)
    assert "question-skeleton" not in journal and 'class="card intro"' not in journal


def test_shell_files_are_compressed_for_browsers_that_accept_it(client):
    """The shell, modules, styles and question bank travel gzipped; pages with a form do not."""
    for url in ("/", "/static/js/app.js", "/static/css/app.css", "/api/questions"):
        with client.get(url, headers={"Accept-Encoding": "gzip, br"}) as response:
            assert response.headers["Content-Encoding"] == "gzip", url
            assert "Accept-Encoding" in response.headers["Vary"]
            with client.get(url) as plain:
                assert gzip.decompress(response.get_data()) == plain.get_data(), url
    with client.get("/login", headers={"Accept-Encoding": "gzip"}) as login:
        assert "Content-Encoding" not in login.headers


def test_a_compressed_file_still_revalidates(client):
    """A browser that has the file gets 304, not the file again."""
    with client.get("/static/js/app.js", headers={"Accept-Encoding": "gzip"}) as first:
        etag = first.headers["ETag"]
    with client.get(
        "/static/js/app.js", headers={"Accept-Encoding": "gzip", "If-None-Match": etag}
    ) as again:
        assert again.status_code == 304


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [
        ("nl", 1, "Samenvatting van 3 mei (1 dag)"),
        ("nl", 7, "Samenvatting van 3 mei (7 dagen)"),
        ("en", 1, "Summary of 3 mei (1 day)"),
        ("en", 0, "Summary of 3 mei (0 days)"),
    ],
)
def test_server_counts_read_in_the_singular_and_the_plural(app, lang, n, expected):
    """A count on a server page takes the singular for one, in both languages ("1 dag", not "1 dagen")."""
    with app.test_request_context(headers={"Accept-Language": lang}):
        assert translate_count("guide_summary_of", n, day="3 mei") == expected
    for texts in TEXTS.values():
        singular = [key.removesuffix("_one") for key in texts if key.endswith("_one")]
        assert all(f"{key}_other" in texts for key in singular)
