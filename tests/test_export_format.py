"""One export format: the device and the server write the same document, the one the doc shows."""

import csv
import functools
import io
import json
import re
import subprocess
from pathlib import Path

import pytest

from lpb import contract
from lpb.export_words import number
from lpb.portability import CSV_COLUMNS
from tests.api_client import Device, api_token, delete, put, register

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = json.loads((ROOT / "tests/fixtures/export-entries.json").read_text(encoding="utf-8"))
DOC = (ROOT / "docs/export-format.md").read_text(encoding="utf-8")
EXPORTED_AT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
DEVICE_ONLY = ("sync", "version", "deleted")
NODE_EXPORT = """
import { readFileSync } from 'node:fs';
const { exportCsv, exportDocument, exportMarkdown } = await import(process.argv[1]);
const fixture = JSON.parse(readFileSync(0, 'utf8'));
const document = exportDocument(fixture.device_entries, {
  account: fixture.account, settings: {}, now: new Date(fixture.exported_at),
});
process.stdout.write(JSON.stringify({
  json: document,
  md: { nl: exportMarkdown(document, 'nl'), en: exportMarkdown(document, 'en') },
  csv: exportCsv(document),
}));
"""


def device_module() -> Path:
    """Return the device's export module (it moves to static/js/data/ with the client's restructure)."""
    moved = ROOT / "static/js/data/export-format.js"
    return moved if moved.exists() else ROOT / "static/js/export-format.js"


@functools.cache
def device_exports() -> dict:
    """Run the device's own export code (node) on the fixture's entries: JSON, Markdown and CSV."""
    result = subprocess.run(
        ["node", "--input-type=module", "-e", NODE_EXPORT, device_module().as_uri()],
        input=json.dumps(FIXTURE),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(result.stdout)


def device_export() -> dict:
    """Return the device's JSON export of the fixture's entries."""
    return device_exports()["json"]


def synced_account(app):
    """Sync the fixture's entries to a new account as a device would; return its client."""
    client = app.test_client()
    register(client, FIXTURE["account"]["email"])
    device, mutations, copies = Device(client), [], []
    for item in FIXTURE["device_entries"]:
        sent = {key: value for key, value in item.items() if key not in DEVICE_ONLY}
        mid = len(mutations) + 1
        if item["deleted"]:
            mutations.append(delete(mid, item["id"], item["version"]))
        elif item.get("conflict_of"):
            copies.append(sent)  # a device pushes no copies: they come back from an import
        else:
            mutations.append(put(mid, sent))
    assert device.push(mutations).status_code == 200
    imported = client.post(
        "/api/import",
        json={"format": "levensloopbaan-export", "version": 1, "entries": copies},
        headers={"X-CSRFToken": api_token(client)},
    )
    assert imported.json == {"added": len(copies), "skipped": 0}
    return client


def server_download(client, query: str) -> str:
    """Return one of the server's exports of the signed-in account."""
    response = client.get(f"/api/export?{query}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def server_export(app) -> dict:
    """Return the server's JSON export of the fixture's entries, synced there."""
    return json.loads(server_download(synced_account(app), "format=json"))


def without_source(document: dict, source: str) -> dict:
    """Return an export without its source, which says who wrote it, after checking it."""
    assert document["source"] == source
    return {key: value for key, value in document.items() if key != "source"}


def test_the_device_writes_the_expected_document():
    """The device's export of the fixture's entries is the fixture's expected document."""
    assert without_source(device_export(), "device") == FIXTURE["expected"]


def test_the_server_writes_the_same_document_as_the_device(app):
    """The same entries, synced to the server and exported there, give the same document."""
    exported = without_source(server_export(app), "server")
    assert EXPORTED_AT.match(exported["exported_at"]), exported["exported_at"]
    exported["exported_at"] = FIXTURE["expected"]["exported_at"]
    assert exported == FIXTURE["expected"]
    assert exported == without_source(device_export(), "device")


@pytest.mark.parametrize(
    ("lang", "written"),
    [
        (
            "nl",
            ["Snelle check-in", "| Betaald werk | 57,5% · 25,9 u | 40% · 18 u |", "zin 4 van 5"],
        ),
        ("en", ["Quick check-in", "| Paid work | 57.5% · 25.9 h | 40% · 18 h |", "meaning 4 of 5"]),
    ],
)
def test_the_server_writes_the_same_markdown_as_the_device(app, lang, written):
    """The Markdown of the same entries is byte for byte the device's, in the reader's language."""
    markdown = server_download(synced_account(app), f"format=md&lang={lang}")
    exported_at = f"Export {FIXTURE['exported_at']}"
    markdown = re.sub(r"^Export .*$", exported_at, markdown, count=1, flags=re.MULTILINE)
    assert markdown == device_exports()["md"][lang]
    assert all(words in markdown for words in written)
    assert '&lt;script&gt;alert("x")&lt;/script&gt; &amp; &lt;b&gt;vet&lt;/b&gt;' in markdown
    assert "<script>" not in markdown and "<i>" not in markdown


def test_the_server_writes_the_same_csv_as_the_device(app):
    """The CSV of the same entries is byte for byte the device's, with formulas made text."""
    table = server_download(synced_account(app), "format=csv")
    assert table == device_exports()["csv"]
    rows = list(csv.DictReader(io.StringIO(table, newline="")))
    assert [row["question"] for row in rows if row["question"].startswith("'")] == [
        "'=1+2",
        "'-2 of +3?",
    ]
    assert {row["text"][:2] for row in rows} >= {"'\t", "'\r", "'@"}
    assert rows[-2]["data"] == (
        '{"actual":{"care":15,"learning":7.5,"paid":57.5,"rest":15,"volunteering":5},'
        '"hours_per_week":45,"week":"2026-W48",'
        '"wished":{"care":20,"learning":10,"paid":40,"rest":20,"volunteering":10}}'
    )


NODE_NUMBERS = """
const values = [];
for (let half = 0; half <= 200; half += 1) {
  values.push(half / 2);
  for (let hours = 1; hours <= 168; hours += 1) values.push(((half / 2) * hours) / 100);
}
const written = (lang) => values.map(new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format);
process.stdout.write(JSON.stringify({ values, nl: written('nl'), en: written('en') }));
"""


def test_numbers_are_written_as_the_devices_intl_writes_them():
    """Every share and its hours in a week read the same from the server as from the device."""
    result = subprocess.run(
        ["node", "-e", NODE_NUMBERS], capture_output=True, text=True, check=True, timeout=60
    )
    device = json.loads(result.stdout)
    for lang in ("nl", "en"):
        assert [number(value, lang) for value in device["values"]] == device[lang]


def documented_example() -> dict:
    """Return the JSON example of docs/export-format.md."""
    blocks = re.findall(r"```json\n(.*?)```", DOC, flags=re.DOTALL)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_the_documented_example_has_the_shape_of_a_real_export():
    """The doc's example has the fields of a real export, and imports under the contract."""
    example = documented_example()
    expected = FIXTURE["expected"]
    assert set(example) == {*expected, "source"}
    assert EXPORTED_AT.match(example["exported_at"])
    reflection = expected["entries"][0]
    assert [set(item) for item in example["entries"]] == [set(reflection)]
    contract.ExportDocument.model_validate(example)


def test_the_documented_csv_columns_are_the_servers():
    """The doc's CSV table lists the columns the server writes, in the same order."""
    table = DOC.split("## CSV", 1)[1]
    rows = re.findall(r"^\| `([^|]+)` \|", table, flags=re.MULTILINE)
    assert [name for row in rows for name in row.split("`, `")] == CSV_COLUMNS
