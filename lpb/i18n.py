"""Dutch and English texts for the pages the server renders."""

from flask import Flask, g, request

LANGUAGES = ("nl", "en")

TEXTS = {
    "nl": {
        "not_found_title": "Pagina niet gevonden",
        "not_found_body": "Deze pagina bestaat niet (meer). Je reflecties zijn veilig.",
        "error_title": "Er ging iets mis",
        "error_body": "Dat lukte even niet. Probeer het zo opnieuw; je reflecties zijn veilig.",
        "back_home": "Naar Vandaag",
    },
    "en": {
        "not_found_title": "Page not found",
        "not_found_body": "This page does not exist (any more). Your reflections are safe.",
        "error_title": "Something went wrong",
        "error_body": "That did not work just now. Please try again soon; your reflections are safe.",
        "back_home": "Go to Today",
    },
}


def current_language() -> str:
    """Return the visitor's language: the saved choice, else the browser's, else English."""
    if "lang" not in g:
        chosen = request.cookies.get("lpb_lang")
        g.lang = chosen if chosen in LANGUAGES else request.accept_languages.best_match(
            LANGUAGES, "en"
        )
    return g.lang


def translate(key: str) -> str:
    """Return the text for key in the visitor's language."""
    return TEXTS[current_language()][key]


def init_app(app: Flask) -> None:
    """Make the translation helpers available in templates."""
    app.jinja_env.globals.update(_=translate, current_language=current_language)
