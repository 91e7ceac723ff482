"""The layout of static/js, read through lpb/shell/module_graph.py (the one reader of imports):

- method/ is pure and imports only method/; only data/ touches IndexedDB;
- ui/ never reaches data/ (views/ hand it what it needs), and the service worker never reaches ui/;
- files stay short, are named in kebab-case, and each import names its .js file."""

import re
from pathlib import Path

from lpb.shell.module_graph import Import, Kind, imports, parse_imports, reachable

ROOT = Path(__file__).resolve().parents[2]
JS = "/static/js/"
WORKER = "/service-worker.js"
MAX_FILE_LINES = 250
EVERY_KIND: tuple[Kind, ...] = ("static", "dynamic", "computed")


def modules(folder: str = "") -> list[str]:
    """Return the URL of every module under static/js/<folder>, sorted."""
    files = (ROOT / "static/js" / folder).rglob("*.js")
    return sorted(f"/{path.relative_to(ROOT).as_posix()}" for path in files)


def source(url: str) -> str:
    return (ROOT / url.lstrip("/")).read_text(encoding="utf-8")


def breaches(url: str, allowed) -> list[Import]:
    """Return the imports of url that allowed(target URL) refuses, or that name no fixed folder."""
    return [found for found in imports(ROOT, url) if not found.url or not allowed(found.url)]


def test_the_reader_finds_every_form_of_import():
    """Static imports (over several lines, bare, re-exports), import() with a fixed path, and
    import() of a computed path (by its fixed start); imports in comments are none."""
    code = """import { a } from './a.js';
import {
  b,
} from "../lib/b.js";
import './side.js';
export { c } from '/static/js/c.js';
export * from './d.js';
// import { x } from './in-a-comment.js';
/* import('./in-a-block.js') */
const url = 'https://example.org/*not-a-comment*/';
const lazy = () => import('./lazy.js');
const view = (name) => import(`./views/${name}.js`);
const any = (name) => import(name);
const texts = import(`./texts.js`);
"""
    assert parse_imports("/static/js/app/main.js", code) == [
        Import("/static/js/app/a.js", "static"),
        Import("/static/js/lib/b.js", "static"),
        Import("/static/js/app/side.js", "static"),
        Import("/static/js/c.js", "static"),
        Import("/static/js/app/d.js", "static"),
        Import("/static/js/app/lazy.js", "dynamic"),
        Import("/static/js/app/views/", "computed"),
        Import("", "computed"),
        Import("/static/js/app/texts.js", "dynamic"),
    ]


def test_the_layer_checks_see_a_breach(tmp_path):
    """A ui/ module that imports data/ by import() is caught, and so is one via a helper."""
    files = {
        "static/js/ui/form.js": "import { h } from './dom.js';\nimport('../data/db.js');\n",
        "static/js/ui/dom.js": "import { db } from '../data/db.js';\n",
        "static/js/data/db.js": "",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    reached = reachable(tmp_path, "/static/js/ui/form.js", EVERY_KIND)
    assert reached == ["/static/js/ui/form.js", "/static/js/ui/dom.js", "/static/js/data/db.js"]


def test_only_data_touches_indexeddb():
    outside = [url for url in modules() if not url.startswith(f"{JS}data/")]
    assert outside
    for url in outside:
        assert "indexedDB" not in source(url), url
        assert ".transaction(" not in source(url), url


def test_method_imports_only_method():
    """The pure logic in method/ imports only method/, statically or by import()."""
    for url in modules("method"):
        assert breaches(url, lambda target: target.startswith(f"{JS}method/")) == [], url


def test_ui_never_reaches_data():
    """ui/ draws; the views hand it what it needs from data/ (as functions or values)."""
    for url in modules("ui"):
        assert breaches(url, lambda target: not target.startswith(f"{JS}data/")) == [], url
        reached = reachable(ROOT, url, ("static", "dynamic"))
        assert [target for target in reached if target.startswith(f"{JS}data/")] == [], url


def test_the_worker_never_reaches_ui_and_never_imports_late():
    """The service worker runs with no page: nothing it loads is ui/ (or views/), and nothing it
    loads uses import(), which browsers refuse in a service worker."""
    reached = reachable(ROOT, WORKER, EVERY_KIND)
    assert f"{JS}data/sync.js" in reached
    assert f"{JS}worker/notification-click.js" in reached
    for url in reached:
        assert not url.startswith((f"{JS}ui/", f"{JS}views/")), url
        assert [found for found in imports(ROOT, url) if found.kind != "static"] == [], url


def test_the_workers_modules_need_no_page():
    """None of the worker's modules uses window, document or localStorage (comments, strings such
    as { type: 'window' }, and guarded globalThis.x aside)."""
    for url in reachable(ROOT, WORKER):
        code = re.sub(r"/\*.*?\*/|//[^\n]*", "", source(url), flags=re.S)
        code = re.sub(r"'[^'\n]*'|`[^`]*`", "", code)
        code = re.sub(r"globalThis\.\w+", "", code)
        assert not re.search(r"\b(window|document|localStorage)\b", code), url


def test_no_module_is_over_250_lines():
    for url in modules():
        lines = source(url).rstrip("\n").count("\n") + 1
        assert lines <= MAX_FILE_LINES, f"{url} has {lines} lines"


def test_names_are_kebab_case_and_every_import_names_its_file():
    for url in modules():
        assert re.fullmatch(r"/static/js/([a-z0-9]+(-[a-z0-9]+)*/)*[a-z0-9]+(-[a-z0-9]+)*\.js", url)
        for found in imports(ROOT, url):
            if found.kind != "computed":
                assert found.url.endswith(".js"), (url, found)
                assert (ROOT / found.url.lstrip("/")).is_file(), (url, found)
