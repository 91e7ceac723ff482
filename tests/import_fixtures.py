"""The import fixtures (tests/fixtures/import/, written by us from the formats' public
descriptions) packed as the apps export them, and large Day One exports for the benchmark."""

import json
import uuid
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def zip_folder(folder: Path, target: Path) -> Path:
    """Pack every file under folder into a deflated ZIP at target, paths relative to folder."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())
    return target


def dayone_entries(count: int, seed: str = "bench") -> list[dict]:
    """Return count Day One entries, a few hours apart, with tags, a zone and some photos."""
    start = datetime(2015, 1, 1, 7, tzinfo=UTC)
    tags: tuple[list[str], ...] = (["work"], ["family", "walk"], [], ["reading"])
    return [
        {
            "uuid": uuid.uuid5(uuid.NAMESPACE_URL, f"{seed}/{i}").hex.upper(),
            "creationDate": (start + timedelta(hours=7 * i)).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "timeZone": ("Europe/Amsterdam", "America/New_York", "Asia/Tokyo")[i % 3],
            "tags": tags[i % len(tags)],
            "starred": i % 10 == 0,
            "text": f"Entry {i}: a day with some thoughts about work and life.\n\n"
            + "More words on a second paragraph, as people write. " * (1 + i % 4),
            **({"photos": [{"identifier": f"{i:032X}", "type": "jpeg"}]} if i % 7 == 0 else {}),
        }
        for i in range(count)
    ]


def dayone_zip(target: Path, count: int, seed: str = "bench") -> Path:
    """Write a Day One export ZIP with count entries in one journal, at target."""
    document = {"metadata": {"version": "1.0"}, "entries": dayone_entries(count, seed)}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Journal.json", json.dumps(document, indent=2))
        archive.writestr("photos/00000000000000000000000000000000.jpeg", b"\xff\xd8 not a photo")
    return target
