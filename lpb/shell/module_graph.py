"""The import graph of the browser's ES modules, read from the files on disk."""

import posixpath
import re
from pathlib import Path

# `import … from '…'`, `export … from '…'` and a bare `import '…'`: loaded before the module runs.
STATIC_IMPORT = re.compile(r"^\s*(?:(?:import|export)\b[^;]*?from|import)\s+'([^']+)'", re.M)
# `import('…')` with a fixed path: loaded when the module asks, e.g. a view's parts or catalogues.
FIXED_DYNAMIC_IMPORT = re.compile(r"\bimport\(\s*'([^']+)'\s*\)")


def imported_urls(root: Path, url: str, pattern: re.Pattern[str] = STATIC_IMPORT) -> list[str]:
    """Return the URLs a module imports (statically, by default), in the order they appear."""
    source = (root / url.lstrip("/")).read_text(encoding="utf-8")
    folder = posixpath.dirname(url)
    return [
        posixpath.normpath(posixpath.join(folder, target)) for target in pattern.findall(source)
    ]


def static_graph(root: Path, entry: str) -> list[str]:
    """Return entry's URL and every module it reaches by static imports, breadth first."""
    reached = [entry]
    for url in reached:
        reached.extend(target for target in imported_urls(root, url) if target not in reached)
    return reached


def view_graph(root: Path, entry: str, start: list[str]) -> list[str]:
    """Return the modules a view adds to the start: what entry reaches by static imports or by
    import('…') with a fixed path (its parts that load beside it), breadth first."""
    reached = [entry]
    for url in reached:
        if url in start and url != entry:
            continue
        targets = [*imported_urls(root, url), *imported_urls(root, url, FIXED_DYNAMIC_IMPORT)]
        reached.extend(target for target in targets if target not in reached)
    return [url for url in reached if url not in start]
