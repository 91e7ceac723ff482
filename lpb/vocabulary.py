"""The app's vocabulary, written once for the server and the client: lpb/vocabulary.json.

Its "lists", "entries" and "limits" hold the method's fixed lists (the circles, the eigen mix's
parts, the entry kinds, the ratings) and the text limits. The other sections hold words in Dutch and
English: "shell" the shell's texts and the circles' names, "words" the introduction, the circles'
descriptions and short names, the ratings', kinds' and eigen mix parts' names, and "export" the
exports' words, templates with {name} placeholders that export_words.py and export-labels.js fill in.
The server takes them from here. A client module takes a section with an expression that reads the
file from disk (as node --test runs it); the server serves that module with the expression replaced
by the section itself, as it fills in the worker's lists, so the browser gets plain data and only
the sections the module needs.
"""

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

SOURCE = Path(__file__).with_name("vocabulary.json")
STATIC_JS = Path(__file__).resolve().parent.parent / "static" / "js"
VOCABULARY: dict[str, Any] = json.loads(SOURCE.read_text(encoding="utf-8"))
LISTS = VOCABULARY["lists"]

CIRCLES: tuple[str, ...] = tuple(LISTS["CIRCLES"])
MIX_PARTS: tuple[str, ...] = tuple(LISTS["MIX_PARTS"])
MAX_TEXT_LENGTH: int = LISTS["MAX_TEXT_LENGTH"]
KINDS: tuple[str, ...] = tuple(VOCABULARY["entries"]["KINDS"])
GUIDE_KINDS: tuple[str, ...] = tuple(VOCABULARY["entries"]["GUIDE_KINDS"])
NAMED_KINDS: tuple[str, ...] = tuple(VOCABULARY["entries"]["NAMED_KINDS"])
RATINGS: tuple[str, ...] = tuple(VOCABULARY["entries"]["RATINGS"])
MAX_SHORT_TEXT: int = VOCABULARY["limits"]["MAX_SHORT_TEXT"]
MAX_GUIDE_TEXT: int = VOCABULARY["limits"]["MAX_GUIDE_TEXT"]

# How a client module reads a section on disk: JSON.parse(<read lpb/vocabulary.json>).<section>
SECTION_READ = re.compile(r"JSON\.parse\([^;]*?lpb/vocabulary\.json[^;]*?\)\.(\w+)")
# A module's header comment, for readers of the source (it says where the words come from).
HEADER_COMMENT = re.compile(r"\A(?://.*\n)+")


def texts(*sections: str) -> dict[str, dict[str, str]]:
    """Return the words of the named sections, per language ("nl", "en")."""
    return {
        lang: {key: text for section in sections for key, text in VOCABULARY[section][lang].items()}
        for lang in ("nl", "en")
    }


@cache
def client_modules() -> tuple[str, ...]:
    """Return the URL of every client module that takes a section of the vocabulary."""
    return tuple(
        sorted(
            f"/static/js/{path.relative_to(STATIC_JS).as_posix()}"
            for path in STATIC_JS.rglob("*.js")
            if SECTION_READ.search(path.read_text(encoding="utf-8"))
        )
    )


def module_source(url: str) -> str:
    """Return a client module as the browser gets it: each section it reads written in, without
    its header comment (the shell's modules travel on every first start)."""
    source = (STATIC_JS / url.removeprefix("/static/js/")).read_text(encoding="utf-8")
    return SECTION_READ.sub(
        lambda match: json.dumps(
            VOCABULARY[match.group(1)], ensure_ascii=False, separators=(",", ":")
        ),
        HEADER_COMMENT.sub("", source),
    )
