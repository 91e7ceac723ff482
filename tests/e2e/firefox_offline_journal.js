// The main offline journal flow in Firefox (Debian's firefox-esr over WebDriver BiDi): write a
// reflection offline, reload offline and find it, sign up, sync, and find it on a second profile.
// Run by tests/e2e/test_offline_journal_engines.py: node tests/e2e/firefox_offline_journal.js URL
import puppeteer from 'puppeteer-core';

const [base] = process.argv.slice(2);
const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const TEXT = 'Written offline in Firefox';
const EMAIL = 'firefox@example.org';
const PASSWORD = 'a long enough password';
const SYNC_MS = 20_000; // the app syncs at once after signing up, and every 10 s while open

/** Open the app and wait until the service worker controls the page and a view is drawn. */
async function openApp(page) {
  await page.goto(base);
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        if (navigator.serviceWorker.controller) resolve();
        else navigator.serviceWorker.addEventListener('controllerchange', resolve);
      }),
  );
  await page.waitForSelector('#main .view');
}

/** Wait until an element matching selector contains text. */
function waitForText(page, selector, text, timeout = 15_000) {
  return page.waitForFunction(
    (selector, text) =>
      [...document.querySelectorAll(selector)].some((el) => el.textContent.includes(text)),
    { timeout },
    selector,
    text,
  );
}

/** Open the journal through the tab bar and wait for the entry written offline. */
async function findInJournal(page, timeout) {
  await page.click('nav.tabs a[href="/journal"]');
  await waitForText(page, 'article', TEXT, timeout);
}

/** Submit the server's form (sign up or sign in) and wait for the page it leads to. */
async function submitAccountForm(page) {
  await page.type('#email', EMAIL);
  await page.type('#password', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('form button[type=submit]')]);
}

async function flow(browser) {
  const page = await browser.newPage();
  await openApp(page);
  await page.setOfflineMode(true);
  await page.type('#reflection', TEXT);
  await page.click('form.today button[type=submit]');
  await waitForText(page, '[role=status]', 'Saved');
  await waitForText(page, '#sync-state', 'Offline');
  console.log('saved offline');

  await page.reload();
  await page.waitForSelector('#main .view');
  await findInJournal(page);
  console.log('found after an offline reload');

  await page.setOfflineMode(false);
  await page.goto(new URL('/register', base).href);
  await submitAccountForm(page);
  await Promise.all([page.waitForNavigation(), page.click('main a.button.primary')]);
  await waitForText(page, '#sync-state', 'All synced', SYNC_MS);
  console.log('signed up and synced');

  const other = await (await browser.createBrowserContext()).newPage();
  await openApp(other);
  await other.click('nav.tabs a[href="/journal"]');
  await waitForText(other, 'main', 'No reflections yet.');
  console.log('an empty second profile');
  await other.goto(new URL('/login', base).href);
  await submitAccountForm(other);
  await other.waitForSelector('#main .view');
  await findInJournal(other, SYNC_MS);
  console.log('found on a second profile');
}

const browser = await puppeteer.launch({
  browser: 'firefox',
  executablePath: FIREFOX,
  protocol: 'webDriverBiDi',
  protocolTimeout: 60_000, // a wait in the page that never ends fails the test within a minute
  extraPrefsFirefox: { 'intl.accept_languages': 'en-GB', 'intl.locale.requested': 'en-GB' },
});
try {
  await flow(browser);
} finally {
  await browser.close();
}
