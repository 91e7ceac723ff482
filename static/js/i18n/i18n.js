// Dutch and English texts, and the chosen language (the browser's, unless changed in Settings).
import { METHOD_TEXTS } from './texts-method.js';

export const LANGUAGES = { nl: 'Nederlands', en: 'English' };
const STORAGE_KEY = 'lpb.lang';

const BASE_TEXTS = {
  nl: {
    skip_to_content: 'Naar de inhoud',
    nav_label: 'Hoofdmenu',
    nav_today: 'Vandaag',
    nav_journal: 'Dagboek',
    nav_insights: 'Inzichten',
    nav_settings: 'Instellingen',
    today_kicker: 'Vraag van vandaag',
    fallback_question: 'Wat hield je vandaag bezig?',
    circles_legend: 'Over welke cirkels gaat het?',
    circle_self: 'Zelf',
    circle_close: 'Naasten',
    circle_organisations: 'Organisaties',
    circle_society: 'Samenleving',
    circle_place: 'Plek en planeet',
    energy_legend: 'Energie (mag je overslaan)',
    energy_hint: '1 = het kostte energie, 5 = het gaf energie',
    energy_value: 'Energie {n} van 5',
    save: 'Bewaren',
    saved: 'Bewaard',
    another_question: 'Andere vraag',
    write_first: 'Schrijf eerst een paar woorden.',
    storage_full: 'Je toestel heeft geen opslagruimte meer. Er is niets half bewaard: maak wat ruimte vrij en probeer opnieuw. Je tekst staat er nog.',
    save_failed: 'Bewaren lukte niet. Je tekst staat er nog; probeer het opnieuw.',
    saved_today: 'Vandaag schreef je {n}×. Alles staat in je dagboek.',
    journal_title: 'Dagboek',
    search: 'Zoeken',
    journal_empty: 'Nog geen reflecties. Je eerste schrijf je bij Vandaag.',
    no_matches: 'Geen reflecties gevonden voor “{q}”.',
    edit: 'Bewerken',
    delete: 'Verwijderen',
    cancel: 'Annuleren',
    edit_label: 'Je reflectie',
    deleted: 'Reflectie verwijderd.',
    undo: 'Ongedaan maken',
    restored: 'Reflectie teruggezet.',
    gone: 'Deze reflectie bestaat niet meer.',
    insights_title: 'Inzichten',
    insights_count: 'Je schreef {n} reflecties op {d} dagen.',
    settings_title: 'Instellingen',
    language_legend: 'Taal',
    storage_title: 'Opslag op dit toestel',
    storage_persisted: 'Je browser bewaart je reflecties blijvend op dit toestel.',
    storage_best_effort: 'Je browser kan je reflecties wissen als de ruimte krap wordt. Zet de app op je beginscherm om dat te voorkomen.',
    not_found_title: 'Pagina niet gevonden',
    not_found_body: 'Deze pagina bestaat niet. Je reflecties zijn veilig.',
    needs_connection_title: 'Geen verbinding',
    needs_connection_body: 'Om in te loggen of je account te beheren heb je verbinding nodig. Schrijven kan gewoon verder; alles wordt later gesynchroniseerd.',
    back_home: 'Naar Vandaag',
    offline_ready: 'De app werkt nu ook zonder verbinding.',
    update_available: 'Update beschikbaar',
    reload: 'Herladen',
    newer_tab: 'Levensloopbaan is in een ander tabblad bijgewerkt. Herlaad deze pagina om verder te schrijven.',
    sync_done: 'Alles gesynchroniseerd',
    sync_waiting: '{n} wachten op sync',
    sync_busy: 'Bezig met synchroniseren…',
    sync_offline: 'Offline',
    sync_offline_waiting: 'Offline · {n} wachten',
    sync_signin: 'Log opnieuw in om te synchroniseren',
    sync_other_account: 'Dit toestel hoort bij een ander account',
    sync_error: 'Sync lukte niet · {n} wachten · we proberen opnieuw',
    sync_local: 'Alleen op dit toestel',
    account_title: 'Account',
    account_none: 'Je reflecties staan alleen op dit toestel. Met een account komen ze veilig op de server en op je andere toestellen; wat je al schreef, gaat mee.',
    account_signed_in: 'Ingelogd als {email}.',
    sign_in: 'Inloggen',
    create_account: 'Account maken',
    manage_account: 'Account beheren',
    sign_out: 'Uitloggen',
    sign_out_warning: '{n} wijzigingen staan nog niet op de server. Als je nu uitlogt, verdwijnen ze van dit toestel.',
    sign_out_anyway: 'Toch uitloggen',
    sync_first: 'Eerst synchroniseren',
    sign_out_offline: 'Om uit te loggen heb je verbinding nodig.',
    sign_out_failed: 'Uitloggen lukte niet. Probeer het opnieuw.',
    conflict_label: 'Conflict: deze versie werd tegelijk op een ander toestel geschreven.',
    conflict_orphan: 'Conflict: deze versie werd op een ander toestel geschreven nadat de reflectie hier verwijderd was.',
    keep_this: 'Deze houden',
    data_title: 'Je gegevens',
    data_intro: 'Alles wat je schreef is van jou. Neem het mee als bestand, ook zonder verbinding: JSON om later opnieuw in te lezen, Markdown om te lezen, CSV voor een rekenblad.',
    export_json: 'Exporteren (JSON)',
    export_md: 'Exporteren (Markdown)',
    export_csv: 'Exporteren (CSV)',
    import_label: 'Een JSON-export inlezen',
    import_done: '{added} toegevoegd, {skipped} stonden er al.',
    import_not_export: 'Dit bestand is geen export van Levensloopbaan.',
    import_unsupported: 'Deze export is van een versie die we (nog) niet kennen.',
    import_failed: 'Inlezen lukte niet. Er is niets veranderd.',
    privacy_link: 'Wat we bewaren, waar, en wie het kan lezen',
    delete_title: 'Account verwijderen',
    delete_intro: 'Je account en alles wat op de server staat, verdwijnen meteen en voorgoed, en dit toestel wordt leeggemaakt. Exporteer eerst als je iets wilt bewaren.',
    export_first: 'Eerst exporteren',
    delete_password: 'Je wachtwoord, ter bevestiging',
    delete_button: 'Account voorgoed verwijderen',
    delete_wrong_password: 'Dat wachtwoord klopt niet. Er is niets verwijderd.',
    delete_failed: 'Verwijderen lukte niet. Er is niets verwijderd; probeer het opnieuw.',
    delete_offline: 'Om je account te verwijderen heb je verbinding nodig.',
    privacy_title: 'Privacy',
    remove_copy: 'Weggooien',
  },
  en: {
    skip_to_content: 'Skip to content',
    nav_label: 'Main menu',
    nav_today: 'Today',
    nav_journal: 'Journal',
    nav_insights: 'Insights',
    nav_settings: 'Settings',
    today_kicker: "Today's question",
    fallback_question: 'What was on your mind today?',
    circles_legend: 'Which circles does it touch?',
    circle_self: 'Yourself',
    circle_close: 'Close ones',
    circle_organisations: 'Organisations',
    circle_society: 'Society',
    circle_place: 'Place and planet',
    energy_legend: 'Energy (optional)',
    energy_hint: '1 = it cost energy, 5 = it gave energy',
    energy_value: 'Energy {n} of 5',
    save: 'Save',
    saved: 'Saved',
    another_question: 'Another question',
    write_first: 'Write a few words first.',
    storage_full: 'Your device has no storage left. Nothing was half saved: free some space and try again. Your text is still here.',
    save_failed: 'Saving did not work. Your text is still here; please try again.',
    saved_today: 'You wrote {n}× today. Everything is in your journal.',
    journal_title: 'Journal',
    search: 'Search',
    journal_empty: 'No reflections yet. Write your first one under Today.',
    no_matches: 'No reflections found for “{q}”.',
    edit: 'Edit',
    delete: 'Delete',
    cancel: 'Cancel',
    edit_label: 'Your reflection',
    deleted: 'Reflection deleted.',
    undo: 'Undo',
    restored: 'Reflection restored.',
    gone: 'This reflection no longer exists.',
    insights_title: 'Insights',
    insights_count: 'You wrote {n} reflections on {d} days.',
    settings_title: 'Settings',
    language_legend: 'Language',
    storage_title: 'Storage on this device',
    storage_persisted: 'Your browser keeps your reflections on this device for good.',
    storage_best_effort: 'Your browser may clear your reflections when space runs low. Add the app to your home screen to prevent that.',
    not_found_title: 'Page not found',
    not_found_body: 'This page does not exist. Your reflections are safe.',
    needs_connection_title: 'No connection',
    needs_connection_body: 'Signing in or managing your account needs a connection. You can keep writing; everything syncs later.',
    back_home: 'Go to Today',
    offline_ready: 'The app now works offline.',
    update_available: 'Update available',
    reload: 'Reload',
    newer_tab: 'Levensloopbaan was updated in another tab. Reload this page to keep writing.',
    sync_done: 'All synced',
    sync_waiting: '{n} waiting to sync',
    sync_busy: 'Syncing…',
    sync_offline: 'Offline',
    sync_offline_waiting: 'Offline · {n} waiting',
    sync_signin: 'Sign in again to sync',
    sync_other_account: 'This device belongs to another account',
    sync_error: 'Sync failed · {n} waiting · will retry',
    sync_local: 'On this device only',
    account_title: 'Account',
    account_none: 'Your reflections are on this device only. With an account they are kept safe on the server and reach your other devices; what you already wrote comes along.',
    account_signed_in: 'Signed in as {email}.',
    sign_in: 'Sign in',
    create_account: 'Create account',
    manage_account: 'Manage account',
    sign_out: 'Sign out',
    sign_out_warning: '{n} changes are not on the server yet. If you sign out now, they are removed from this device.',
    sign_out_anyway: 'Sign out anyway',
    sync_first: 'Sync first',
    sign_out_offline: 'You need a connection to sign out.',
    sign_out_failed: 'Signing out did not work. Please try again.',
    conflict_label: 'Conflict: this version was written on another device at the same time.',
    conflict_orphan: 'Conflict: this version was written on another device after the reflection was deleted here.',
    keep_this: 'Keep this one',
    data_title: 'Your data',
    data_intro: 'Everything you wrote is yours. Take it with you as a file, offline too: JSON to import again later, Markdown to read, CSV for a spreadsheet.',
    export_json: 'Export (JSON)',
    export_md: 'Export (Markdown)',
    export_csv: 'Export (CSV)',
    import_label: 'Import a JSON export',
    import_done: '{added} added, {skipped} were already here.',
    import_not_export: 'This file is not a Levensloopbaan export.',
    import_unsupported: 'This export comes from a version we do not know (yet).',
    import_failed: 'Importing did not work. Nothing was changed.',
    privacy_link: 'What we keep, where, and who can read it',
    delete_title: 'Delete account',
    delete_intro: 'Your account and everything on the server go at once and for good, and this device is cleared. Export first if you want to keep anything.',
    export_first: 'Export first',
    delete_password: 'Your password, to confirm',
    delete_button: 'Delete account for good',
    delete_wrong_password: 'That password is not right. Nothing was deleted.',
    delete_failed: 'Deleting did not work. Nothing was deleted; please try again.',
    delete_offline: 'You need a connection to delete your account.',
    privacy_title: 'Privacy',
    remove_copy: 'Remove',
  },
};

const TEXTS = {
  nl: { ...BASE_TEXTS.nl, ...METHOD_TEXTS.nl },
  en: { ...BASE_TEXTS.en, ...METHOD_TEXTS.en },
};

/** Add the texts of a view that loads later (its catalogue travels with it). */
export function addTexts(catalogue) {
  Object.assign(TEXTS.nl, catalogue.nl);
  Object.assign(TEXTS.en, catalogue.en);
}

/** Return the browser's language as one of ours: Dutch for nl*, English otherwise. */
export function browserLanguage(languages = navigator.languages ?? [navigator.language]) {
  return languages[0]?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** Return the language in use: the one chosen in Settings, else the browser's. */
export function currentLanguage() {
  const chosen = localStorage.getItem(STORAGE_KEY);
  return chosen in LANGUAGES ? chosen : browserLanguage();
}

/** Remember a chosen language; the server's pages follow it through a cookie. */
export function chooseLanguage(lang) {
  if (!(lang in LANGUAGES)) return;
  localStorage.setItem(STORAGE_KEY, lang);
  document.cookie = `lpb_lang=${lang}; path=/; max-age=31536000; samesite=lax`;
}

/** Return the text for key in the current language, with {name} placeholders filled in. */
export function t(key, values = {}) {
  const text = TEXTS[currentLanguage()][key] ?? TEXTS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

/** Set <html lang> and every element marked with data-i18n to the current language. */
export function applyLanguage(root = document) {
  document.documentElement.lang = currentLanguage();
  root.querySelectorAll('[data-i18n]').forEach((element) => {
    element.textContent = t(element.dataset.i18n);
  });
  root.querySelectorAll('[data-i18n-aria-label]').forEach((element) => {
    element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel));
  });
}
