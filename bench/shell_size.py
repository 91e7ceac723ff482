"""Report the app shell's size: the precached HTML, CSS and JS, each gzipped, and their sum."""

import gzip
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lpb import create_app  # noqa: E402
from tests.test_pages import precached_urls  # noqa: E402

BUDGET_KIB = 50


def shell_sizes() -> dict[str, tuple[int, int]]:
    """Return {url: (raw bytes, gzip bytes)} for the shell's HTML, CSS and JS."""
    app = create_app({"TESTING": True, "SECRET_KEY": "bench"})
    client = app.test_client()
    sizes = {}
    for url in [*precached_urls(), "/service-worker.js"]:
        if url.endswith((".css", ".js")) or url == "/":
            with client.get(url) as response:
                body = response.get_data()
            sizes[url] = (len(body), len(gzip.compress(body, compresslevel=9)))
    return sizes


if __name__ == "__main__":
    sizes = shell_sizes()
    raw = sum(r for r, _ in sizes.values())
    zipped = sum(z for _, z in sizes.values())
    for url, (r, z) in sorted(sizes.items(), key=lambda item: -item[1][1]):
        print(f"{z:>7,} B gzip {r:>7,} B raw  {url}")
    print(f"shell: {len(sizes)} files, {raw / 1024:.1f} KiB raw, {zipped / 1024:.1f} KiB gzip "
          f"(budget {BUDGET_KIB} KiB gzip): {'OK' if zipped <= BUDGET_KIB * 1024 else 'OVER'}")
    sys.exit(0 if zipped <= BUDGET_KIB * 1024 else 1)
