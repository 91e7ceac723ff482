// Dutch and English texts, and the chosen language (the browser's, unless changed in Settings).
// The app's own texts come with the start; the other catalogues load with the views that use them
// (the worker keeps them all, so this works offline too), and t() stays synchronous.
import { APP_TEXTS } from './texts-app.js';

export const LANGUAGES = { nl: 'Nederlands', en: 'English' };
const STORAGE_KEY = 'lpb.lang';

const TEXTS = { nl: { ...APP_TEXTS.nl }, en: { ...APP_TEXTS.en } };

const CATALOGUES = {
  guide: () => import('./texts-guide.js'),
  habit: () => import('./texts-habit.js'),
  import: () => import('./texts-import.js'),
  insights: () => import('./texts-insights.js'),
  meaning: () => import('./texts-meaning.js'),
  method: () => import('./texts-method.js'),
  practice: () => import('./texts-practice.js'),
  vocabulary: () => import('./texts-vocabulary.js'),
};
// The catalogues each view's modules take texts from, besides texts-app
// (tests/client/test_view_texts.py checks this against the modules).
export const VIEW_CATALOGUES = {
  today: ['guide', 'habit', 'meaning', 'method', 'vocabulary'],
  journal: ['guide', 'habit', 'meaning', 'method', 'vocabulary'],
  insights: ['guide', 'habit', 'insights', 'meaning', 'method', 'vocabulary'],
  settings: ['guide', 'habit', 'import', 'method', 'vocabulary'],
  method: ['habit', 'meaning', 'vocabulary'],
  guidance: ['guide', 'practice'],
  'guidance-client': ['guide', 'meaning', 'method', 'practice', 'vocabulary'],
};
const loading = new Map();

/** Add the texts of a view that loads later (its catalogue travels with it). */
export function addTexts(catalogue) {
  Object.assign(TEXTS.nl, catalogue.nl);
  Object.assign(TEXTS.en, catalogue.en);
}

/** Resolve once the named catalogues (keys of CATALOGUES) are loaded, each only once. */
export function loadCatalogues(names) {
  for (const name of names) {
    if (!loading.has(name))
      loading.set(
        name,
        CATALOGUES[name]().then((module) => Object.values(module).forEach(addTexts)),
      );
  }
  return Promise.all(names.map((name) => loading.get(name)));
}

/** Resolve once the texts a view shows are loaded. */
export function loadTexts(view) {
  return loadCatalogues(VIEW_CATALOGUES[view] ?? []);
}

/** Return the browser's language as one of ours: Dutch for nl*, English otherwise. */
export function browserLanguage(languages = navigator.languages ?? [navigator.language]) {
  return languages[0]?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

// Read once, not at every t(): reading storage is slow next to everything else a text costs.
let inUse = null;
// Another tab of the app chose a language: this one follows at its next redraw.
globalThis.addEventListener?.('storage', (event) => {
  if (event.key === STORAGE_KEY || event.key === null) inUse = null;
});

/** Return the language in use: the one chosen in Settings, else the browser's. */
export function currentLanguage() {
  if (inUse) return inUse;
  const chosen = localStorage.getItem(STORAGE_KEY);
  inUse = chosen in LANGUAGES ? chosen : browserLanguage();
  return inUse;
}

/** Remember a chosen language; the server's pages follow it through a cookie. */
export function chooseLanguage(lang) {
  if (!(lang in LANGUAGES)) return;
  inUse = lang;
  localStorage.setItem(STORAGE_KEY, lang);
  document.cookie = `lpb_lang=${lang}; path=/; max-age=31536000; samesite=lax`;
}

/** Return the text for key in the current language, with {name} placeholders filled in. */
export function t(key, values = {}) {
  const text = TEXTS[currentLanguage()][key] ?? TEXTS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

const pluralRules = new Map();

/** Return the plural category of n in lang ("one" or "other" in Dutch and English). */
export function pluralOf(n, lang = currentLanguage()) {
  if (!pluralRules.has(lang)) pluralRules.set(lang, new Intl.PluralRules(lang));
  return pluralRules.get(lang).select(n);
}

/** Return the text for a count: key_one or key_other by Intl.PluralRules, with {n} filled in. */
export function tn(key, n, values = {}) {
  const form = `${key}_${pluralOf(n)}`;
  const known = TEXTS[currentLanguage()][form] ?? TEXTS.en[form];
  return t(known === undefined ? `${key}_other` : form, { n, ...values });
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
