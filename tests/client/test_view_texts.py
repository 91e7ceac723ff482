"""Each view's texts are loaded with it: every t('key') its modules can show is in texts-app or in
one of the catalogues i18n.js loads for that view, so no view ever shows a bare key. The modules a
view reaches are found by lpb/shell/module_graph.py, the one reader of imports."""

import json
import re
import subprocess
from functools import cache
from pathlib import Path

import pytest

from lpb.shell.module_graph import reachable

ROOT = Path(__file__).resolve().parents[2]
TEXT_KEY = re.compile(r"\bt\(\s*'(\w+)'")
# A count's text: tn('key', n) shows key_one or key_other, so both must be there.
COUNT_KEY = re.compile(r"\btn\(\s*'(\w+)'")
# The app's Dutch texts: texts-app's, and those of each view's catalogues (as i18n.js loads them).
CATALOGUES = """
const [i18n, app] = process.argv.slice(1).map((path) => import(path));
const { VIEW_CATALOGUES } = await i18n;
const views = {};
for (const [view, names] of Object.entries(VIEW_CATALOGUES)) {
  views[view] = {};
  for (const name of names) {
    const module = await import(new URL(`texts-${name}.js`, process.argv[1]));
    for (const catalogue of Object.values(module)) Object.assign(views[view], catalogue.nl);
  }
}
console.log(JSON.stringify({ app: (await app).APP_TEXTS.nl, views }));
"""


@cache
def catalogues() -> dict:
    """Return {app: texts-app's Dutch texts, views: {view: its catalogues' Dutch texts}}."""
    paths = [(ROOT / f"static/js/i18n/{name}.js").as_uri() for name in ("i18n", "texts-app")]
    node = ["node", "--input-type=module", "-e", CATALOGUES, *paths]
    return json.loads(subprocess.run(node, check=True, capture_output=True, text=True).stdout)


def keys_of(view: str) -> list[tuple[str, str]]:
    """Return the keys a view can show, each with the module asking for it: the modules its own
    reaches by static imports and import() with a fixed path (its parts), catalogues aside."""
    found = []
    for url in reachable(ROOT, f"/static/js/views/{view}.js", ("static", "dynamic")):
        if "/i18n/" in url:
            continue
        source = (ROOT / url.lstrip("/")).read_text(encoding="utf-8")
        found += [(key, url) for key in TEXT_KEY.findall(source)]
        found += [
            (f"{key}_{form}", url) for key in COUNT_KEY.findall(source) for form in ("one", "other")
        ]
    return found


@pytest.mark.parametrize(
    "view", ["today", "journal", "insights", "settings", "method", "not-found"]
)
def test_each_view_has_every_text_it_asks_for(view):
    texts = {**catalogues()["app"], **catalogues()["views"].get(view, {})}
    assert [(key, url) for key, url in keys_of(view) if key not in texts] == []


def test_a_view_without_its_catalogues_would_miss_texts():
    """The check sees what a view's catalogues add."""
    assert [key for key, _ in keys_of("insights") if key not in catalogues()["app"]]
