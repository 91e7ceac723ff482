"""One vocabulary (lpb/vocabulary.json): the server reads it, and the client modules that read it
reach the browser with their section written in, the same lists and words node --test reads."""

import json
import shutil
import subprocess
from pathlib import Path

from lpb import vocabulary
from lpb.shell.routes import precache_urls

ROOT = Path(__file__).resolve().parents[2]

# Every export of each module, functions left out, as JSON.
EXPORTS = """
const [served, disk, ...urls] = process.argv.slice(1);
const data = (module) =>
  JSON.stringify(Object.entries(module).filter(([, value]) => typeof value !== 'function'));
for (const url of urls) {
  const path = url.replace('/static/js/', '');
  const [a, b] = await Promise.all([import(`${served}/${path}`), import(`${disk}/${path}`)]);
  console.log(JSON.stringify([url, data(a), data(b)]));
}
"""


def test_the_modules_reading_it_are_the_ones_holding_words_and_lists():
    """The circles, the shell's and the introduction's texts and the export words come from it."""
    assert set(vocabulary.client_modules()) >= {
        "/static/js/method/circles.js",
        "/static/js/i18n/texts-app.js",
        "/static/js/i18n/texts-vocabulary.js",
        "/static/js/data/export-labels.js",
    }


def test_the_browser_gets_what_node_reads_from_the_file(client, tmp_path):
    """Served, a module holds its section written in: no file is read, the exports are the same."""
    served = tmp_path / "static" / "js"
    shutil.copytree(ROOT / "static" / "js", served)
    urls = vocabulary.client_modules()
    for url in urls:
        with client.get(url) as response:
            assert response.status_code == 200, url
            assert response.mimetype == "text/javascript"
            source = response.get_data(as_text=True)
        assert "getBuiltinModule" not in source, url
        (served / url.removeprefix("/static/js/")).write_text(source, encoding="utf-8")
    node = [
        "node",
        "--input-type=module",
        "-e",
        EXPORTS,
        served.as_uri(),
        (ROOT / "static/js").as_uri(),
    ]
    lines = subprocess.run(
        [*node, *urls], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    assert len(lines) == len(urls)
    for line in lines:
        url, from_server, from_file = json.loads(line)
        assert from_server == from_file != "[]", url


def test_the_served_modules_work_offline_and_revalidate(client):
    """The worker keeps them; a browser that has one gets 304; they travel gzipped."""
    urls = vocabulary.client_modules()
    with client.application.test_request_context():
        assert set(urls) <= set(precache_urls())
    for url in urls:
        with client.get(url) as response:
            etag = response.headers["ETag"]
        with client.get(url, headers={"If-None-Match": etag}) as again:
            assert again.status_code == 304, url
        with client.get(url, headers={"Accept-Encoding": "gzip"}) as zipped:
            assert zipped.headers["Content-Encoding"] == "gzip", url
