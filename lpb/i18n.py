"""Dutch and English texts for the pages the server renders."""

from flask import Flask, g, request

from lpb.vocabulary import CIRCLES, texts

LANGUAGES = ("nl", "en")

# The shell's texts, the introduction's and the circles' names are the app's: lpb/vocabulary.json.
SHARED = texts("shell", "words")
TEXTS = {
    "nl": {
        **SHARED["nl"],
        "not_found_body": "Deze pagina bestaat niet (meer). Je reflecties zijn veilig.",
        "error_title": "Er ging iets mis",
        "error_body": "Dat lukte even niet. Probeer het zo opnieuw; je reflecties zijn veilig.",
        "email": "E-mailadres",
        "password": "Wachtwoord",
        "new_password": "Nieuw wachtwoord",
        "current_password": "Huidig wachtwoord",
        "register_title": "Account maken",
        "register_intro": "Met een account komen je reflecties veilig op de server en op al je "
        "toestellen. Wat je al op dit toestel schreef, gaat mee.",
        "register_button": "Account maken",
        "login_title": "Aanmelden",
        "login_button": "Aanmelden",
        "have_account": "Heb je al een account? Meld je aan.",
        "no_account": "Nog geen account? Maak er een.",
        "email_taken": "Er is al een account met dit e-mailadres. Meld je aan of kies een ander adres.",
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
        "signup_sent_title": "Kijk in je mailbox",
        "signup_sent_body": "We stuurden een e-mail naar {email}. Open de link erin om je account "
        "te maken; hij werkt {hours} uur. Geen mail gekregen? Kijk bij je spam, of probeer het "
        "opnieuw.",
        "signup_mail_subject": "Je account bij Levensloopbaan",
        "signup_mail_body": "Maak je account bij Levensloopbaan met deze link (hij werkt 24 uur):"
        "\n\n{link}\n\nWas jij dit niet? Negeer deze e-mail dan; er wordt geen account gemaakt.\n",
        "signup_taken_subject": "Iemand wilde een account maken met je e-mailadres",
        "signup_taken_body": "Iemand probeerde bij Levensloopbaan een account te maken met dit "
        "e-mailadres, maar je hebt er al een.\n\nWas jij dat? Log dan in:\n{login}\n\nWachtwoord "
        "vergeten? Kies een nieuw:\n{forgot}\n\nWas jij het niet? Dan hoef je niets te doen.\n",
        "signup_confirm_title": "Account maken",
        "signup_confirm_intro": "Je e-mailadres klopt. Maak nu je account.",
        "signup_link_invalid": "Deze link is verlopen of al gebruikt. Log in, of maak opnieuw een "
        "account.",
        "form_too_large": "Dit formulier is te groot of heeft te veel velden. Laad de pagina opnieuw "
        "en probeer het nog eens.",
        "guide_too_many_open": "Je cliënt heeft al {n} vragen van je die nog open staan. Wacht tot "
        "je cliënt er een beantwoordt.",
        "guide_too_many_writes": "Je stuurde de laatste tijd veel berichten. Probeer het later opnieuw.",
        "reset_title": "Nieuw wachtwoord kiezen",
        "reset_button": "Wachtwoord bewaren",
        "reset_link_invalid": "Deze link is verlopen of al gebruikt. Vraag een nieuwe aan.",
        "password_reset_done": "Je wachtwoord is gewijzigd en je bent overal afgemeld. Meld je aan met "
        "je nieuwe wachtwoord.",
        "recovery_code": "Herstelcode",
        "recover_title": "Herstelcode gebruiken",
        "recover_intro": "Vul je e-mailadres, een van je herstelcodes en een nieuw wachtwoord in. "
        "Elke code werkt één keer.",
        "recover_button": "Wachtwoord bewaren",
        "wrong_recovery_code": "E-mailadres of herstelcode klopt niet.",
        "recovered_one": "Je wachtwoord is gewijzigd en je bent overal afgemeld. Je hebt nog {n} "
        "herstelcode. Meld je aan met je nieuwe wachtwoord.",
        "recovered_other": "Je wachtwoord is gewijzigd en je bent overal afgemeld. Je hebt nog {n} "
        "herstelcodes. Meld je aan met je nieuwe wachtwoord.",
        "recovery_codes_title": "Je herstelcodes",
        "recovery_codes_save": "Bewaar deze codes nu: print ze of zet ze in je wachtwoordmanager. "
        "Je ziet ze maar één keer. Ben je je wachtwoord kwijt, dan kom je met een code weer binnen; "
        "elke code werkt één keer.",
        "recovery_codes_continue": "Ik heb ze bewaard, verder naar de app",
        "recovery_codes_section": "Herstelcodes",
        "recovery_codes_left_one": "Je hebt nog {n} ongebruikte herstelcode.",
        "recovery_codes_left_other": "Je hebt nog {n} ongebruikte herstelcodes.",
        "new_codes_button": "Nieuwe herstelcodes maken",
        "new_codes_note": "De oude codes werken daarna niet meer.",
        "account_title": "Je account",
        "signed_in_as": "Je bent aangemeld als {email}.",
        "change_password_title": "Wachtwoord wijzigen",
        "change_password_button": "Wachtwoord wijzigen",
        "password_changed": "Je wachtwoord is gewijzigd. Je andere toestellen zijn afgemeld.",
        "other_devices_title": "Andere toestellen",
        "sign_out_others_button": "Andere toestellen afmelden",
        "signed_out_others": "Je andere toestellen zijn afgemeld ({n}).",
        "form_expired": "Dit formulier was verlopen. Probeer het opnieuw.",
        "back_to_app": "Terug naar de app",
        "reminder_title": "Levensloopbaan — je vraag van vandaag",
        "reminder_body": "Open Levensloopbaan en beantwoord je vraag van vandaag.",
        "guide_title": "Begeleiding",
        "guide_shared_title": "Gedeelde reflecties",
        "guide_summaries_title": "Gedeelde samenvattingen",
        "guide_nothing_shared": "Er is nog niets met jou gedeeld.",
        "guide_summary_of_one": "Samenvatting van {day} ({n} dag)",
        "guide_summary_of_other": "Samenvatting van {day} ({n} dagen)",
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
        "suggest_title": "Vragen voorstellen",
        "suggest_hint": "Kies een kring of hoogstens {n} vragen. Je cliënt ziet ze de komende dagen op Vandaag boven de gewone vraag, en kan altijd de gewone vraag nemen.",
        "suggest_circle": "Een kring",
        "suggest_circle_none": "Geen kring",
        "suggest_bank": "Vragen uit de vragenbank",
        "suggest_own": "Eigen vragen, één per regel",
        "suggest_days": "Aantal dagen (1 tot {n})",
        "suggest_button": "Voorstel versturen",
        "suggest_withdraw": "Voorstel intrekken",
        "suggest_current": "Je huidige voorstel, {days} dagen vanaf {day}:",
        "suggest_current_circle": "Kring: {circle}",
        "suggest_too_many": "Kies hoogstens {n} vragen.",
        "suggest_days_range": "Kies 1 tot {n} dagen.",
        "suggest_nothing": "Kies een kring of minstens één vraag.",
        "suggest_off": "Je cliënt heeft voorgestelde vragen uitgezet.",
        "suggest_sent": "Je voorstel is verstuurd. Het vervangt je vorige voorstel.",
        "suggest_withdrawn": "Je voorstel is ingetrokken.",
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
        "guide_accept_sign_in": "Meld je aan of maak een account om deze uitnodiging te aanvaarden. Daarna "
        "kom je hier terug.",
        "guide_accept_login": "Aanmelden",
        "guide_accept_register": "Account maken",
        "guide_accepted": "Je bent nu begeleider.",
        "guide_display_name": "Je naam zoals je cliënten die zien",
        "guide_display_name_hint": "Je cliënten zien deze naam, nooit je e-mailadres.",
        "invitation_invalid": "Deze uitnodiging werkt niet (meer): ze werd al gebruikt of "
        "ingetrokken. Vraag je cliënt om een nieuwe link.",
        "invitation_expired": "Deze uitnodiging is verlopen (een link werkt 7 dagen). Vraag je "
        "cliënt om een nieuwe link.",
        "invitation_own": "Dit is je eigen uitnodiging. Stuur de link naar je begeleider; je kan "
        "niet je eigen begeleider zijn.",
    },
    "en": {
        **SHARED["en"],
        "not_found_body": "This page does not exist (any more). Your reflections are safe.",
        "error_title": "Something went wrong",
        "error_body": "That did not work just now. Please try again soon; your reflections are safe.",
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
        "signup_sent_title": "Check your email",
        "signup_sent_body": "We sent an email to {email}. Open the link in it to create your "
        "account; it works for {hours} hours. No email? Look in your spam folder, or try again.",
        "signup_mail_subject": "Your Levensloopbaan account",
        "signup_mail_body": "Create your Levensloopbaan account with this link (it works for 24 "
        "hours):\n\n{link}\n\nWasn't you? Then ignore this email; no account is made.\n",
        "signup_taken_subject": "Someone tried to create an account with your email",
        "signup_taken_body": "Someone tried to create a Levensloopbaan account with this email "
        "address, but you have one already.\n\nWas it you? Then sign in:\n{login}\n\nForgot your "
        "password? Choose a new one:\n{forgot}\n\nWasn't you? Then there is nothing to do.\n",
        "signup_confirm_title": "Create account",
        "signup_confirm_intro": "Your email address is confirmed. Create your account now.",
        "signup_link_invalid": "This link has expired or was used already. Sign in, or create an "
        "account again.",
        "form_too_large": "This form is too large or has too many fields. Reload the page and try "
        "again.",
        "guide_too_many_open": "Your client has {n} open questions from you already. Wait until "
        "your client answers one.",
        "guide_too_many_writes": "You sent many messages lately. Try again later.",
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
        "recovered_one": "Your password was changed and you are signed out everywhere. You have {n} "
        "recovery code left. Sign in with your new password.",
        "recovered_other": "Your password was changed and you are signed out everywhere. You have "
        "{n} recovery codes left. Sign in with your new password.",
        "recovery_codes_title": "Your recovery codes",
        "recovery_codes_save": "Save these codes now: print them or put them in your password "
        "manager. You see them only this once. If you lose your password, a code gets you back "
        "in; each code works once.",
        "recovery_codes_continue": "I saved them, continue to the app",
        "recovery_codes_section": "Recovery codes",
        "recovery_codes_left_one": "You have {n} unused recovery code.",
        "recovery_codes_left_other": "You have {n} unused recovery codes.",
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
        "guide_summary_of_one": "Summary of {day} ({n} day)",
        "guide_summary_of_other": "Summary of {day} ({n} days)",
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
        "suggest_title": "Suggest questions",
        "suggest_hint": "Choose a circle or at most {n} questions. Your client sees them on Today above the usual question in the coming days, and can always take the usual question instead.",
        "suggest_circle": "A circle",
        "suggest_circle_none": "No circle",
        "suggest_bank": "Questions from the question bank",
        "suggest_own": "Your own questions, one per line",
        "suggest_days": "Number of days (1 to {n})",
        "suggest_button": "Send suggestion",
        "suggest_withdraw": "Withdraw suggestion",
        "suggest_current": "Your current suggestion, {days} days from {day}:",
        "suggest_current_circle": "Circle: {circle}",
        "suggest_too_many": "Choose at most {n} questions.",
        "suggest_days_range": "Choose 1 to {n} days.",
        "suggest_nothing": "Choose a circle or at least one question.",
        "suggest_off": "Your client turned suggested questions off.",
        "suggest_sent": "Your suggestion was sent. It replaces your previous one.",
        "suggest_withdrawn": "Your suggestion was withdrawn.",
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


def translate_count(key: str, n: int, **values: object) -> str:
    """Return the text of a count: key_one for 1, else key_other (the rule of Dutch and English)."""
    return translate(f"{key}_{'one' if n == 1 else 'other'}", n=n, **values)


def init_app(app: Flask) -> None:
    """Make the translation helpers, and the circles in their order, available in templates."""
    app.jinja_env.globals.update(
        _=translate, _n=translate_count, current_language=current_language, circles=CIRCLES
    )
