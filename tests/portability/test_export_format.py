"""One export format: the device and the server write the same document, the one the doc shows."""

import csv
import functools
import io
import json
import re
import subprocess
from pathlib import Path

import pytest

from lpb.portability.export_words import export_words, number
from lpb.portability.readable import CSV_KEYS
from lpb.sync import contract
from tests.api_client import Device, api_token, delete, put, register

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = json.loads((ROOT / "tests/fixtures/export-entries.json").read_text(encoding="utf-8"))
DOC = (ROOT / "docs/export-format.md").read_text(encoding="utf-8")
EXPORTED_AT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
DEVICE_ONLY = ("sync", "version", "deleted")
NODE_EXPORT = """
import { readFileSync } from 'node:fs';
const [formatPath, readablePath] = process.argv.slice(1);
const { exportDocument } = await import(formatPath);
const { exportCsv, exportMarkdown } = await import(readablePath);
const fixture = JSON.parse(readFileSync(0, 'utf8'));
const document = exportDocument(fixture.device_entries, {
  account: fixture.account, settings: {}, now: new Date(fixture.exported_at),
});
const readable = {};
for (const [lang, timeZone] of READERS) {
  readable[`${lang} ${timeZone}`] = {
    md: exportMarkdown(document, { lang, timeZone }),
    csv: exportCsv(document, { lang, timeZone }),
  };
}
process.stdout.write(JSON.stringify({ json: document, readable }));
"""
# Who reads the exports in these tests: a Dutch reader in Brussels and an English one in New York.
READERS = (("nl", "Europe/Brussels"), ("en", "America/New_York"))
# What each should read, written by hand in local time: Brussels is UTC+1, New York UTC-5 in November.
LOCAL_FIXTURES = {
    ("nl", "Europe/Brussels", "md"): "tests/fixtures/export-nl-brussels.md",
    ("nl", "Europe/Brussels", "csv"): "tests/fixtures/export-nl-brussels.csv",
    ("en", "America/New_York", "md"): "tests/fixtures/export-en-new-york.md",
}


def device_module() -> Path:
    """Return the device's export module (it moves to static/js/data/ with the client's restructure)."""
    moved = ROOT / "static/js/data/export-format.js"
    return moved if moved.exists() else ROOT / "static/js/export-format.js"


@functools.cache
def device_exports() -> dict:
    """Run the device's own export code (node) on the fixture's entries: JSON, Markdown and CSV."""
    script = NODE_EXPORT.replace("READERS", json.dumps(READERS))
    readable = ROOT / "static/js/data/export-readable.js"
    result = subprocess.run(
        ["node", "--input-type=module", "-e", script, device_module().as_uri(), readable.as_uri()],
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
    device = Device(client)
    mutations: list[dict] = []
    copies: list[dict] = []
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


def local_fixture(lang: str, zone: str, fmt: str) -> str:
    """Return what a reader in zone should read, as written by hand in tests/fixtures/."""
    return (ROOT / LOCAL_FIXTURES[(lang, zone, fmt)]).read_bytes().decode("utf-8")


@pytest.mark.parametrize(("lang", "zone", "fmt"), list(LOCAL_FIXTURES))
def test_the_device_writes_the_fixture_in_local_time(lang, zone, fmt):
    """The device's Markdown and CSV are what the fixture, written in local time, says."""
    assert device_exports()["readable"][f"{lang} {zone}"][fmt] == local_fixture(lang, zone, fmt)


@pytest.mark.parametrize(("lang", "zone", "fmt"), list(LOCAL_FIXTURES))
def test_the_server_writes_the_fixture_in_local_time(app, lang, zone, fmt):
    """The same entries, synced and exported by the server for the same reader, read the same."""
    exported = server_download(synced_account(app), f"format={fmt}&lang={lang}&tz={zone}")
    expected = local_fixture(lang, zone, fmt)
    if fmt == "md":
        # The export's own moment is the server's now; it is written the same way, in words.
        moment = re.compile(
            r"^(Geëxporteerd op|Exported on) \w+ \d{1,2} \w+ \d{4}, \d{2}:\d{2}\.", re.MULTILINE
        )
        exported, count = moment.subn("MOMENT.", exported, count=1)
        expected = moment.sub("MOMENT.", expected, count=1)
        assert count == 1
    assert exported == expected


def test_the_markdown_reads_in_local_time_with_every_kind_in_words():
    """Dates written out, times in Brussels (UTC 07:30 is 08:30), kinds and circles in words."""
    markdown = local_fixture("nl", "Europe/Brussels", "md")
    assert markdown.startswith(
        "# Levensloopbaan\n\nGeëxporteerd op zaterdag 28 november 2026, 10:30. "
        "Tijden staan in je eigen tijdzone (Europe/Brussels).\n"
    )
    assert "## zondag 29 november 2026\n\n### 08:30 · Reflectie\n" in markdown
    assert "### 21:00 · Snelle check-in\n\n*energie 3 van 5 · zingeving 4 van 5*" in markdown
    assert "### 10:00 · Eigen mix, week van maandag 23 november 2026" in markdown
    assert "*Kantelen: opnieuw bekeken vanuit de cirkel Samenleving*" in markdown
    assert "| Betaald werk | 57,5% · 25,9 u | 40% · 18 u |" in markdown
    assert '&lt;script&gt;alert("x")&lt;/script&gt; &amp; &lt;b&gt;vet&lt;/b&gt;' in markdown
    assert not re.search(r"\d{4}-\d{2}-\d{2}|T\d{2}:|Z\b|<script>|<i>", markdown)
    english = local_fixture("en", "America/New_York", "md")
    assert "## Sunday 29 November 2026\n\n### 02:30 · Reflection\n" in english


def test_the_csv_has_a_column_per_rating_and_formulas_made_text():
    """The CSV reads in words, one column per rating, and no cell runs as a formula."""
    table = local_fixture("nl", "Europe/Brussels", "csv")
    rows = list(csv.DictReader(io.StringIO(table, newline="")))
    assert list(rows[0]) == [
        "Datum",
        "Tijd",
        "Soort",
        "Vraag",
        "Tekst",
        "Cirkels",
        "Energie",
        "Zingeving",
        "Betrokkenheid",
        "Details",
        "ID",
    ]
    rated = next(row for row in rows if row["Betrokkenheid"])
    assert (rated["Energie"], rated["Zingeving"], rated["Betrokkenheid"]) == ("3", "4", "5")
    assert rated["Cirkels"] == "Zelf, Organisaties, Samenleving"
    assert rated["Datum"] == "zaterdag 28 november 2026" and rated["Tijd"] == "12:00"
    assert [row["Vraag"] for row in rows if row["Vraag"].startswith("'")] == ["'=1+2", "'-2 of +3?"]
    assert {row["Tekst"][:2] for row in rows} >= {"'\t", "'\r", "'@"}
    assert rows[-2]["Details"] == (
        "Een week van 45 uur. · Zo was het: Betaald werk 57,5%, Zorg voor anderen 15%, "
        "Vrijwillig en onbetaald 5%, Leren 7,5%, Rust en vrije tijd 15% · Zo zou je het willen: "
        "Betaald werk 40%, Zorg voor anderen 20%, Vrijwillig en onbetaald 10%, Leren 10%, "
        "Rust en vrije tijd 20%"
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
    """The doc's CSV table lists the columns the server writes, in both languages, in order."""
    table = DOC.split("## CSV", 1)[1]
    rows = re.findall(r"^\| `([^`]+)` / `([^`]+)` \|", table, flags=re.MULTILINE)
    for index, lang in enumerate(("nl", "en")):
        words = export_words(lang)
        assert [row[index] for row in rows] == [words(f"col_{key}") for key in CSV_KEYS]
