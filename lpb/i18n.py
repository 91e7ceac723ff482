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
        "today_kicker": "Vraag van vandaag",
        # The introduction's first step, drawn before the modules run: the same texts as
        # static/js/i18n/texts-habit.js (tests/test_pages.py compares them).
        "intro_label": "Kennismaking",
        "intro_step": "Stap {n} van {total}",
        "intro_1_title": "Werk en leven, één geheel",
        "intro_1_body": "Je werk, je zorg voor anderen, je vrije tijd: het hangt allemaal samen. "
        "Levensloopbaanbegeleiding kijkt daarom niet naar je job alleen, maar naar wat je leven "
        "zin geeft. Deze app helpt je daar elke dag een minuutje bij stil te staan.",
        "intro_next": "Volgende",
        "intro_skip": "Overslaan",
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
        "email_invisible": "Dit e-mailadres bevat onzichtbare tekens of spaties. Typ het opnieuw.",
        "control_characters": "Dit veld bevat tekens die niet zijn toegestaan (stuurtekens).",
        "password_short": "Kies een wachtwoord van minstens {n} tekens.",
        "password_long": "Een wachtwoord mag hoogstens 128 tekens lang zijn.",
        "password_blank": "Een wachtwoord van alleen spaties of onzichtbare tekens kan niet.",
        "password_common": "Dit wachtwoord staat op de lijst van veelgebruikte wachtwoorden, die "
        "aanvallers als eerste proberen. Kies een ander.",
        "password_is_email": "Je wachtwoord mag niet je e-mailadres (of het deel voor de @) zijn.",
        "field_required": "Dit veld is nodig.",
        "wrong_login": "E-mailadres of wachtwoord klopt niet.",
        "try_again_seconds": "Te veel pogingen. Probeer het over {n} seconden opnieuw.",
        "try_again_minutes": "Te veel pogingen. Probeer het over {n} minuten opnieuw.",
        "forgot_link": "Wachtwoord vergeten?",
        "forgot_title": "Wachtwoord vergeten",
        "forgot_intro": "Vul je e-mailadres in. Als er een account bij hoort, sturen we je een link "
        "om een nieuw wachtwoord te kiezen.",
        "forgot_button": "Stuur me een link",
        "forgot_no_mail": "Deze server verstuurt geen e-mail. Gebruik een van de herstelcodes die je "
        "kreeg toen je je account maakte.",
        "use_recovery_code": "Een herstelcode gebruiken",
        "reset_sent": "Als er een account bij dit adres hoort, is er nu een e-mail met een link "
        "onderweg. De link werkt {minutes} minuten en één keer.",
        "reset_mail_subject": "Nieuw wachtwoord voor Levensloopbaan",
        "reset_mail_body": "Iemand vroeg een nieuw wachtwoord aan voor je account bij "
        "Levensloopbaan.\n\nKies binnen {minutes} minuten een nieuw wachtwoord via deze link "
        "(hij werkt één keer):\n\n{link}\n\nWas jij dit niet? Negeer deze e-mail dan; je "
        "wachtwoord blijft zoals het is.\n",
        "reset_title": "Nieuw wachtwoord kiezen",
        "reset_button": "Wachtwoord opslaan",
        "reset_link_invalid": "Deze link is verlopen of al gebruikt. Vraag een nieuwe aan.",
        "password_reset_done": "Je wachtwoord is gewijzigd en je bent overal uitgelogd. Log in met "
        "je nieuwe wachtwoord.",
        "recovery_code": "Herstelcode",
        "recover_title": "Herstelcode gebruiken",
        "recover_intro": "Vul je e-mailadres, een van je herstelcodes en een nieuw wachtwoord in. "
        "Elke code werkt één keer.",
        "recover_button": "Wachtwoord opslaan",
        "wrong_recovery_code": "E-mailadres of herstelcode klopt niet.",
        "recovered": "Je wachtwoord is gewijzigd en je bent overal uitgelogd. Je hebt nog {n} "
        "herstelcodes. Log in met je nieuwe wachtwoord.",
        "recovery_codes_title": "Je herstelcodes",
        "recovery_codes_save": "Bewaar deze codes nu: print ze of zet ze in je wachtwoordmanager. "
        "Je ziet ze maar één keer. Ben je je wachtwoord kwijt, dan kom je met een code weer binnen; "
        "elke code werkt één keer.",
        "recovery_codes_continue": "Ik heb ze bewaard, verder naar de app",
        "recovery_codes_section": "Herstelcodes",
        "recovery_codes_left": "Je hebt nog {n} ongebruikte herstelcodes.",
        "new_codes_button": "Nieuwe herstelcodes maken",
        "new_codes_note": "De oude codes werken daarna niet meer.",
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
        "guide_title": "Begeleiding",
        "guide_shared_title": "Gedeelde reflecties",
        "guide_summaries_title": "Gedeelde samenvattingen",
        "guide_nothing_shared": "Er is nog niets met jou gedeeld.",
        "guide_summary_of": "Samenvatting van {day} ({n} dagen)",
        "guide_insights_title": "Inzichten uit de gedeelde reflecties",
        "guide_circle": "Cirkel",
        "guide_count": "Aantal",
        "guide_average_energy": "Gemiddelde energie",
        "guide_energy": "Energie {n}/5",
        "guide_meaning": "Zingeving {n}/5",
        "guide_engagement": "Betrokkenheid {n}/5",
        "guide_answer_to": "Antwoord op je vraag: {text}",
        "guide_your_reply": "Jouw antwoord: {text}",
        "guide_text": "Tekst",
        "guide_text_long": "Hoogstens {n} tekens.",
        "guide_ask_title": "Een levensloopbaanvraag stellen",
        "guide_ask_hint": "Je vraag verschijnt bij de volgende synchronisatie op Vandaag van je cliënt.",
        "guide_ask_button": "Vraag versturen",
        "guide_reply_button": "Antwoord versturen",
        "guide_questions_title": "Je vragen",
        "guide_question_sent": "Je vraag is verstuurd.",
        "guide_reply_sent": "Je antwoord is verstuurd.",
        "guide_end_title": "Begeleiding beëindigen",
        "guide_end_note": "Je ziet daarna niets meer van deze cliënt.",
        "guide_end_button": "Begeleiding beëindigen",
        "guide_ended": "De begeleiding is beëindigd.",
        "guide_back": "Terug naar je cliënten",
        "guide_open_in_app": "Openen in de app (ook offline, met je notities)",
        "guide_accept_title": "Uitnodiging als begeleider",
        "guide_accept_intro": "{name} nodigt je uit als begeleider. Je ziet alleen de reflecties en "
        "samenvattingen die {name} uitdrukkelijk met jou deelt, en {name} kan dat op elk moment "
        "stoppen.",
        "guide_accept_button": "Aanvaarden",
        "guide_accept_sign_in": "Log in of maak een account om deze uitnodiging te aanvaarden. Daarna "
        "kom je hier terug.",
        "guide_accept_login": "Inloggen",
        "guide_accept_register": "Account maken",
        "guide_accepted": "Je bent nu begeleider.",
        "guide_display_name": "Je naam zoals je cliënten die zien",
        "guide_display_name_hint": "Je cliënten zien deze naam, nooit je e-mailadres.",
        "invitation_invalid": "Deze uitnodiging werkt niet (meer): ze werd al gebruikt of "
        "ingetrokken. Vraag je cliënt om een nieuwe link.",
        "invitation_expired": "Deze uitnodiging is verlopen (een link werkt 7 dagen). Vraag je "
        "cliënt om een nieuwe link.",
        "invitation_own": "Dit is je eigen uitnodiging. Stuur de link naar je begeleider; je kunt "
        "niet je eigen begeleider zijn.",
        "circle_self": "Zelf",
        "circle_close": "Naasten",
        "circle_organisations": "Organisaties",
        "circle_society": "Samenleving",
        "circle_place": "Plek en planeet",
    },
    "en": {
        "not_found_title": "Page not found",
        "not_found_body": "This page does not exist (any more). Your reflections are safe.",
        "error_title": "Something went wrong",
        "error_body": "That did not work just now. Please try again soon; your reflections are safe.",
        "back_home": "Go to Today",
        "today_kicker": "Today's question",
        "intro_label": "Introduction",
        "intro_step": "Step {n} of {total}",
        "intro_1_title": "Work and life, one whole",
        "intro_1_body": "Your work, caring for others, your free time: it all hangs together. "
        "Life-career guidance (in Dutch: levensloopbaanbegeleiding) looks beyond your job, at what "
        "gives your life meaning. This app helps you take a minute for that every day.",
        "intro_next": "Next",
        "intro_skip": "Skip",
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
        "email_invisible": "This email address contains invisible characters or spaces. Type it again.",
        "control_characters": "This field contains characters that are not allowed (control characters).",
        "password_short": "Choose a password of at least {n} characters.",
        "password_long": "A password can be at most 128 characters long.",
        "password_blank": "A password of only spaces or invisible characters will not do.",
        "password_common": "This password is on the list of common passwords that attackers try "
        "first. Choose another one.",
        "password_is_email": "Your password cannot be your email address (or the part before the @).",
        "field_required": "This field is required.",
        "wrong_login": "Email or password is not right.",
        "try_again_seconds": "Too many tries. Please try again in {n} seconds.",
        "try_again_minutes": "Too many tries. Please try again in {n} minutes.",
        "forgot_link": "Forgot your password?",
        "forgot_title": "Forgot your password",
        "forgot_intro": "Enter your email address. If it has an account, we send you a link to "
        "choose a new password.",
        "forgot_button": "Send me a link",
        "forgot_no_mail": "This server does not send email. Use one of the recovery codes you got "
        "when you created your account.",
        "use_recovery_code": "Use a recovery code",
        "reset_sent": "If this address has an account, an email with a link is on its way. The "
        "link works for {minutes} minutes, once.",
        "reset_mail_subject": "A new password for Levensloopbaan",
        "reset_mail_body": "Someone asked for a new password for your Levensloopbaan account.\n\n"
        "Choose a new password within {minutes} minutes with this link (it works once):\n\n"
        "{link}\n\nWasn't you? Then ignore this email; your password stays as it is.\n",
        "reset_title": "Choose a new password",
        "reset_button": "Save password",
        "reset_link_invalid": "This link has expired or was used already. Ask for a new one.",
        "password_reset_done": "Your password was changed and you are signed out everywhere. Sign "
        "in with your new password.",
        "recovery_code": "Recovery code",
        "recover_title": "Use a recovery code",
        "recover_intro": "Enter your email address, one of your recovery codes and a new password. "
        "Each code works once.",
        "recover_button": "Save password",
        "wrong_recovery_code": "Email or recovery code is not right.",
        "recovered": "Your password was changed and you are signed out everywhere. You have {n} "
        "recovery codes left. Sign in with your new password.",
        "recovery_codes_title": "Your recovery codes",
        "recovery_codes_save": "Save these codes now: print them or put them in your password "
        "manager. You see them only this once. If you lose your password, a code gets you back "
        "in; each code works once.",
        "recovery_codes_continue": "I saved them, continue to the app",
        "recovery_codes_section": "Recovery codes",
        "recovery_codes_left": "You have {n} unused recovery codes.",
        "new_codes_button": "Make new recovery codes",
        "new_codes_note": "The old codes stop working then.",
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
        "guide_title": "Guidance",
        "guide_shared_title": "Shared reflections",
        "guide_summaries_title": "Shared summaries",
        "guide_nothing_shared": "Nothing has been shared with you yet.",
        "guide_summary_of": "Summary of {day} ({n} days)",
        "guide_insights_title": "Insights from the shared reflections",
        "guide_circle": "Circle",
        "guide_count": "Count",
        "guide_average_energy": "Average energy",
        "guide_energy": "Energy {n}/5",
        "guide_meaning": "Meaning {n}/5",
        "guide_engagement": "Engagement {n}/5",
        "guide_answer_to": "Answer to your question: {text}",
        "guide_your_reply": "Your reply: {text}",
        "guide_text": "Text",
        "guide_text_long": "At most {n} characters.",
        "guide_ask_title": "Ask a life-career question",
        "guide_ask_hint": "Your question appears on your client's Today after their next sync.",
        "guide_ask_button": "Send question",
        "guide_reply_button": "Send reply",
        "guide_questions_title": "Your questions",
        "guide_question_sent": "Your question was sent.",
        "guide_reply_sent": "Your reply was sent.",
        "guide_end_title": "End guidance",
        "guide_end_note": "You will see nothing of this client afterwards.",
        "guide_end_button": "End guidance",
        "guide_ended": "The guidance has ended.",
        "guide_back": "Back to your clients",
        "guide_open_in_app": "Open in the app (offline too, with your notes)",
        "guide_accept_title": "Invitation to be a guide",
        "guide_accept_intro": "{name} invites you to be their guide. You see only the reflections "
        "and summaries {name} explicitly shares with you, and {name} can stop that at any moment.",
        "guide_accept_button": "Accept",
        "guide_accept_sign_in": "Sign in or create an account to accept this invitation. You will "
        "come back here afterwards.",
        "guide_accept_login": "Sign in",
        "guide_accept_register": "Create account",
        "guide_accepted": "You are now a guide.",
        "guide_display_name": "Your name as your clients see it",
        "guide_display_name_hint": "Your clients see this name, never your email address.",
        "invitation_invalid": "This invitation does not work (any more): it was used or revoked. "
        "Ask your client for a new link.",
        "invitation_expired": "This invitation has expired (a link works for 7 days). Ask your "
        "client for a new link.",
        "invitation_own": "This is your own invitation. Send the link to your guide; you cannot be "
        "your own guide.",
        "circle_self": "Yourself",
        "circle_close": "Close ones",
        "circle_organisations": "Organisations",
        "circle_society": "Society",
        "circle_place": "Place and planet",
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
