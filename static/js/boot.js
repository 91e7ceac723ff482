// A classic script in <head>, so that it runs before the body paints (a module would run after).
// It hides the server's introduction on a device that has seen it, and starts the app's modules only
// after the first paint: nothing the first screen needs waits behind some seventy module requests.
(() => {
  const boot = document.currentScript.dataset;
  try {
    // The same key as views/intro.js: a device that has seen the introduction never sees it again.
    if (localStorage.getItem('lpb.intro-seen') !== null)
      document.documentElement.classList.add('intro-seen');
  } catch {
    // Without storage views/intro.js shows no introduction either.
    document.documentElement.classList.add('intro-seen');
  }

  /** Add the modulepreload links and the app's module to <head>. */
  const startApp = () => {
    for (const href of JSON.parse(boot.preloads))
      document.head.append(
        Object.assign(document.createElement('link'), { rel: 'modulepreload', href }),
      );
    const app = Object.assign(document.createElement('script'), { type: 'module', src: boot.app });
    document.head.append(app);
  };
  // The second frame begins after the first one was painted; a hidden tab paints nothing to wait for.
  const afterFirstPaint = () => {
    if (document.visibilityState === 'hidden') startApp();
    else requestAnimationFrame(() => requestAnimationFrame(startApp));
  };
  document.addEventListener('DOMContentLoaded', afterFirstPaint, { once: true });
})();
