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
    insights_soon: 'Hier zie je binnenkort je balans over de vijf cirkels, je energie en je eigen mix.',
    insights_count: 'Je schreef {n} reflecties op {d} dagen.',
    settings_title: 'Instellingen',
    language_legend: 'Taal',
    storage_title: 'Opslag op dit toestel',
    storage_persisted: 'Je browser bewaart je reflecties blijvend op dit toestel.',
    storage_best_effort: 'Je browser kan je reflecties wissen als de ruimte krap wordt. Zet de app op je beginscherm om dat te voorkomen.',
    not_found_title: 'Pagina niet gevonden',
    not_found_body: 'Deze pagina bestaat niet. Je reflecties zijn veilig.',
    back_home: 'Naar Vandaag',
    offline_ready: 'De app werkt nu ook zonder verbinding.',
    update_available: 'Update beschikbaar',
    reload: 'Herladen',
    newer_tab: 'Levensloopbaan is in een ander tabblad bijgewerkt. Herlaad deze pagina om verder te schrijven.',
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
    insights_soon: 'Soon you will see your balance across the five circles, your energy and your own mix here.',
    insights_count: 'You wrote {n} reflections on {d} days.',
    settings_title: 'Settings',
    language_legend: 'Language',
    storage_title: 'Storage on this device',
    storage_persisted: 'Your browser keeps your reflections on this device for good.',
    storage_best_effort: 'Your browser may clear your reflections when space runs low. Add the app to your home screen to prevent that.',
    not_found_title: 'Page not found',
    not_found_body: 'This page does not exist. Your reflections are safe.',
    back_home: 'Go to Today',
    offline_ready: 'The app now works offline.',
    update_available: 'Update available',
    reload: 'Reload',
    newer_tab: 'Levensloopbaan was updated in another tab. Reload this page to keep writing.',
  },
};

const TEXTS = {
  nl: { ...BASE_TEXTS.nl, ...METHOD_TEXTS.nl },
  en: { ...BASE_TEXTS.en, ...METHOD_TEXTS.en },
};

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
