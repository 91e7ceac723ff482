"""The import graph of the browser's ES modules, read from the files on disk.

The one reader of imports: the server's preloads and precache, and the tests of the client's layers
and of each view's texts, all follow imports through `imports()` below."""

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Kind = Literal["static", "dynamic", "computed"]

# A comment, kept apart from the strings and templates that may hold `//` or `/*` (the strings are
# matched first, so a URL in a string is no comment). Comments are blanked before imports are read.
_COMMENT_OR_STRING = re.compile(
    r"""'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`|(//[^\n]*|/\*.*?\*/)""", re.S
)
# `import … from '…'`, `export … from '…'` and a bare `import '…'`: loaded before the module runs.
_STATIC = re.compile(
    r"""^[ \t]*(?:(?:import|export)\b[^;]*?\bfrom|import)\s*(['"])([^'"\n]+)\1""", re.M
)
# `import(…)`: loaded when the module asks, e.g. a view's parts or a catalogue.
_DYNAMIC = re.compile(r"(?<![\w$.])import\(\s*")
# The argument of import(): a fixed string (or a template without `${…}`), else its fixed start.
_FIXED = re.compile(r"""(['"`])([^'"`$\n]+)\1\s*\)""")
_TEMPLATE_START = re.compile(r"`([^`$\n]*)\$\{")


@dataclass(frozen=True)
class Import:
    """One import of a module: the URL it loads, resolved against the module's own URL.

    kind is "static" (loaded before the module runs), "dynamic" (import('…') with a fixed path) or
    "computed" (import(`./views/${view}.js`): url is then the fixed start of the path, here
    "/static/js/views/", or "" when nothing of it is fixed)."""

    url: str
    kind: Kind


def _blank_comments(source: str) -> str:
    """Return source with each comment turned into spaces (its line breaks kept)."""

    def blank(match: re.Match[str]) -> str:
        comment = match.group(1)
        return match.group(0) if comment is None else re.sub(r"[^\n]", " ", comment)

    return _COMMENT_OR_STRING.sub(blank, source)


def _resolve(url: str, target: str) -> str:
    """Return target (relative like './a.js', or absolute like '/static/js/a.js') as a URL."""
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(url), target))
    return f"{resolved}/" if target.endswith("/") else resolved


def parse_imports(url: str, source: str) -> list[Import]:
    """Return the imports in a module's source, static ones first, each in the order they appear."""
    code = _blank_comments(source)
    found = [Import(_resolve(url, m.group(2)), "static") for m in _STATIC.finditer(code)]
    for match in _DYNAMIC.finditer(code):
        rest = code[match.end() :]
        if fixed := _FIXED.match(rest):
            found.append(Import(_resolve(url, fixed.group(2)), "dynamic"))
        elif (start := _TEMPLATE_START.match(rest)) and start.group(1):
            found.append(Import(_resolve(url, start.group(1)), "computed"))
        else:
            found.append(Import("", "computed"))
    return found


def imports(root: Path, url: str) -> list[Import]:
    """Return the imports of the module at url (a URL path such as /static/js/app.js under root)."""
    return parse_imports(url, (root / url.lstrip("/")).read_text(encoding="utf-8"))


def imported_urls(root: Path, url: str, kinds: tuple[Kind, ...] = ("static",)) -> list[str]:
    """Return the URLs a module imports in the given ways (statically, by default)."""
    return [found.url for found in imports(root, url) if found.kind in kinds]


def reachable(root: Path, entry: str, kinds: tuple[Kind, ...] = ("static",)) -> list[str]:
    """Return entry's URL and every module it reaches by imports of these kinds, breadth first."""
    reached = [entry]
    for url in reached:
        reached.extend(
            target for target in imported_urls(root, url, kinds) if target not in reached
        )
    return reached


def static_graph(root: Path, entry: str) -> list[str]:
    """Return entry's URL and every module it reaches by static imports, breadth first."""
    return reachable(root, entry)


def view_graph(root: Path, entry: str, start: list[str]) -> list[str]:
    """Return the modules a view adds to the start: what entry reaches by static imports or by
    import('…') with a fixed path (its parts that load beside it), breadth first."""
    reached = [entry]
    for url in reached:
        if url in start and url != entry:
            continue
        targets = imported_urls(root, url, ("static", "dynamic"))
        reached.extend(target for target in targets if target not in reached)
    return [url for url in reached if url not in start]
