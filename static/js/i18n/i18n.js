// Dutch and English texts, and the chosen language (the browser's, unless changed in Settings).
import { APP_TEXTS } from './texts-app.js';
import { FILTER_TEXTS, MEANING_TEXTS } from './texts-meaning.js';
import { METHOD_TEXTS } from './texts-method.js';
import { HABIT_TEXTS } from './texts-habit.js';
import { GUIDE_TEXTS } from './texts-guide.js';

export const LANGUAGES = { nl: 'Nederlands', en: 'English' };
const STORAGE_KEY = 'lpb.lang';

const TEXTS = {
  nl: { ...APP_TEXTS.nl, ...METHOD_TEXTS.nl, ...HABIT_TEXTS.nl },
  en: { ...APP_TEXTS.en, ...METHOD_TEXTS.en, ...HABIT_TEXTS.en },
};

/** Add the texts of a view that loads later (its catalogue travels with it). */
export function addTexts(catalogue) {
  Object.assign(TEXTS.nl, catalogue.nl);
  Object.assign(TEXTS.en, catalogue.en);
}

[MEANING_TEXTS, FILTER_TEXTS, GUIDE_TEXTS].forEach(addTexts);

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
