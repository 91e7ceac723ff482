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
        "email": "E-mailadres",
        "password": "Wachtwoord",
        "new_password": "Nieuw wachtwoord",
        "current_password": "Huidig wachtwoord",
        "register_title": "Account maken",
        "register_intro": "Met een account komen je reflecties veilig op de server en op al je "
        "toestellen. Wat je al op dit toestel schreef, gaat mee.",
        "register_button": "Account maken",
        "login_title": "Inloggen",
        "login_button": "Inloggen",
        "have_account": "Heb je al een account? Log in.",
        "no_account": "Nog geen account? Maak er een.",
        "email_taken": "Er is al een account met dit e-mailadres. Log in of kies een ander adres.",
        "email_invalid": "Vul een geldig e-mailadres in.",
        "password_short": "Kies een wachtwoord van minstens 8 tekens.",
        "password_long": "Een wachtwoord mag hoogstens 128 tekens lang zijn.",
        "field_required": "Dit veld is nodig.",
        "wrong_login": "E-mailadres of wachtwoord klopt niet.",
        "too_many_attempts": "Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw.",
        "account_title": "Je account",
        "signed_in_as": "Je bent ingelogd als {email}.",
        "change_password_title": "Wachtwoord wijzigen",
        "change_password_button": "Wachtwoord wijzigen",
        "password_changed": "Je wachtwoord is gewijzigd. Je andere toestellen zijn uitgelogd.",
        "other_devices_title": "Andere toestellen",
        "sign_out_others_button": "Andere toestellen uitloggen",
        "signed_out_others": "Je andere toestellen zijn uitgelogd ({n}).",
        "form_expired": "Dit formulier was verlopen. Probeer het opnieuw.",
        "back_to_app": "Terug naar de app",
        "reminder_title": "Levensloopbaan — je vraag van vandaag",
        "reminder_body": "Open Levensloopbaan en beantwoord je vraag van vandaag.",
    },
    "en": {
        "not_found_title": "Page not found",
        "not_found_body": "This page does not exist (any more). Your reflections are safe.",
        "error_title": "Something went wrong",
        "error_body": "That did not work just now. Please try again soon; your reflections are safe.",
        "back_home": "Go to Today",
        "email": "Email",
        "password": "Password",
        "new_password": "New password",
        "current_password": "Current password",
        "register_title": "Create account",
        "register_intro": "With an account your reflections are kept safe on the server and reach "
        "all your devices. What you already wrote on this device comes along.",
        "register_button": "Create account",
        "login_title": "Sign in",
        "login_button": "Sign in",
        "have_account": "Already have an account? Sign in.",
        "no_account": "No account yet? Create one.",
        "email_taken": "There is already an account with this email. Sign in or use another address.",
        "email_invalid": "Enter a valid email address.",
        "password_short": "Choose a password of at least 8 characters.",
        "password_long": "A password can be at most 128 characters long.",
        "field_required": "This field is required.",
        "wrong_login": "Email or password is not right.",
        "too_many_attempts": "Too many failed attempts. Please try again in 15 minutes.",
        "account_title": "Your account",
        "signed_in_as": "You are signed in as {email}.",
        "change_password_title": "Change password",
        "change_password_button": "Change password",
        "password_changed": "Your password was changed. Your other devices are signed out.",
        "other_devices_title": "Other devices",
        "sign_out_others_button": "Sign out other devices",
        "signed_out_others": "Your other devices are signed out ({n}).",
        "form_expired": "This form had expired. Please try again.",
        "back_to_app": "Back to the app",
        "reminder_title": "Levensloopbaan — your question for today",
        "reminder_body": "Open Levensloopbaan and answer today's question.",
    },
}


def current_language() -> str:
    """Return the visitor's language: the saved choice, else the browser's, else English."""
    if "lang" not in g:
        chosen = request.cookies.get("lpb_lang")
        g.lang = (
            chosen if chosen in LANGUAGES else request.accept_languages.best_match(LANGUAGES, "en")
        )
    return g.lang


def translate(key: str, **values: object) -> str:
    """Return the text for key in the visitor's language, with {name} placeholders filled."""
    text = TEXTS[current_language()][key]
    return text.format(**values) if values else text


def init_app(app: Flask) -> None:
    """Make the translation helpers available in templates."""
    app.jinja_env.globals.update(_=translate, current_language=current_language)
