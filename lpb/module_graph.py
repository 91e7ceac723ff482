"""The static import graph of the browser's ES modules, read from the files on disk."""

import posixpath
import re
from pathlib import Path

# `import … from '…'`, `export … from '…'` and a bare `import '…'`; a dynamic import() loads later.
STATIC_IMPORT = re.compile(r"^\s*(?:(?:import|export)\b[^;]*?from|import)\s+'([^']+)'", re.M)


def imported_urls(root: Path, url: str) -> list[str]:
    """Return the URLs a module imports statically, in the order of its import lines."""
    source = (root / url.lstrip("/")).read_text(encoding="utf-8")
    folder = posixpath.dirname(url)
    return [
        posixpath.normpath(posixpath.join(folder, target))
        for target in STATIC_IMPORT.findall(source)
    ]


def static_graph(root: Path, entry: str) -> list[str]:
    """Return entry's URL and every module it reaches by static imports, breadth first."""
    reached = [entry]
    for url in reached:
        reached.extend(target for target in imported_urls(root, url) if target not in reached)
    return reached
