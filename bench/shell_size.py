"""Report the app shell's size, gzip: what opening the app loads (budget), and the whole precache.

The shell is the page, its stylesheets and the modules reachable from app.js by static imports;
views behind a dynamic import() load on first visit (from the worker's cache when offline).
Today's first screen adds what Today's page preloads beside the shell: the parts Today loads with
import() as it draws (its catalogues load as it starts; they are counted there too).
"""

import gzip
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lpb import create_app  # noqa: E402
from lpb.shell.module_graph import static_graph  # noqa: E402
from tests.shell.test_pages import boot_modules, precached_urls  # noqa: E402

BUDGET_KIB = 50


def startup_urls(html: str) -> list[str]:
    """Return the URLs the browser loads to open the app: page, CSS, boot.js, and the static module
    graph of the app module that boot.js adds after the first paint."""
    urls = ["/", *re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)]
    urls.extend(re.findall(r'<script src="([^"]+)"', html))
    urls.extend(url for url in static_graph(ROOT, boot_modules(html)[0]) if url not in urls)
    return urls


def gzip_sizes(client, urls) -> dict[str, tuple[int, int]]:
    """Return {url: (raw bytes, gzip bytes)}."""
    sizes = {}
    for url in urls:
        with client.get(url) as response:
            body = response.get_data()
        sizes[url] = (len(body), len(gzip.compress(body, compresslevel=9)))
    return sizes


def summary(name: str, sizes: dict[str, tuple[int, int]]) -> int:
    """Print and return the gzip total of a set of files."""
    raw = sum(r for r, _ in sizes.values())
    zipped = sum(z for _, z in sizes.values())
    print(f"{name}: {len(sizes)} files, {raw / 1024:.1f} KiB raw, {zipped / 1024:.1f} KiB gzip")
    return zipped


if __name__ == "__main__":
    client = create_app({"TESTING": True, "SECRET_KEY": "bench"}).test_client()
    html = client.get("/").get_data(as_text=True)
    shell = gzip_sizes(client, startup_urls(html))
    for url, (raw, zipped) in sorted(shell.items(), key=lambda item: -item[1][1]):
        print(f"{zipped:>7,} B gzip {raw:>7,} B raw  {url}")
    everything = [u for u in precached_urls() if u.endswith((".css", ".js")) or u == "/"]
    summary(
        "whole precache (HTML, CSS, JS, worker)",
        gzip_sizes(client, [*everything, "/service-worker.js"]),
    )
    _, preloaded = boot_modules(html)
    i18n = (ROOT / "static/js/i18n/i18n.js").read_text()
    todays = re.search(r"^\s*today: \[([^\]]*)\]", i18n, re.M).group(1)
    catalogues = [f"/static/js/i18n/texts-{name}.js" for name in re.findall(r"'(\w+)'", todays)]
    first_screen = [*shell, *(url for url in [*preloaded, *catalogues] if url not in shell)]
    summary(
        "Today's first screen (shell, Today's parts, its catalogues)",
        gzip_sizes(client, first_screen),
    )
    total = summary("shell (what opening the app loads)", shell)
    ok = total <= BUDGET_KIB * 1024
    print(f"shell budget {BUDGET_KIB} KiB gzip: {'OK' if ok else 'OVER'}")
    sys.exit(0 if ok else 1)
