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

  // Large text (125% and more, however it was set) lets the top bar scroll away and gives the tabs
  // two rows (css/layout.css).
  const LARGE_TEXT_PX = 20;
  // The bars' heights, for the toasts and for what scrolling into view must keep clear of, with the
  // property the stylesheets fall back on until a height is measured.
  const BARS = [
    ['.tabs', '--tabs-height', '--nav-height'],
    ['.top-bar', '--top-bar-height', '--top-height'],
  ];
  const root = document.documentElement;
  const fitText = () => {
    const style = getComputedStyle(root);
    const large = parseFloat(style.fontSize) >= LARGE_TEXT_PX;
    if (root.classList.contains('large-text') !== large) root.classList.toggle('large-text', large);
    for (const [selector, name, fallback] of BARS) {
      const bar = document.querySelector(selector);
      if (!bar) continue;
      // Only a real change is written: a property of the root restyles the whole page, a long
      // task on a phone, and a pixel more or less clears no bar.
      const known = parseFloat(
        root.style.getPropertyValue(name) || style.getPropertyValue(fallback),
      );
      if (!(Math.abs(bar.offsetHeight - known) < 2))
        root.style.setProperty(name, `${bar.offsetHeight}px`);
    }
  };
  const watchTextSize = () => {
    const probe = Object.assign(document.createElement('span'), { className: 'rem-probe' });
    probe.setAttribute('aria-hidden', 'true');
    document.body.append(probe);
    const watcher = new ResizeObserver(fitText);
    watcher.observe(probe);
    for (const [selector] of BARS) {
      const bar = document.querySelector(selector);
      if (bar) watcher.observe(bar);
    }
  };
  document.addEventListener('DOMContentLoaded', watchTextSize, { once: true });

  const PAINT_WAIT_MS = 1000;
  // Each modulepreload link starts a request, which costs the main thread about a millisecond on a
  // phone: some fifty at once were one task of a quarter second. They go in slices this long.
  const SLICE_MS = 4;
  let started = false;
  /** Add the app's module to <head>, then its modulepreload links, a slice a task; once. */
  const startApp = () => {
    if (started) return;
    started = true;
    const app = Object.assign(document.createElement('script'), { type: 'module', src: boot.app });
    document.head.append(app);
    const preloads = JSON.parse(boot.preloads);
    const addSlice = () => {
      const until = performance.now() + SLICE_MS;
      while (preloads.length && performance.now() < until)
        document.head.append(
          Object.assign(document.createElement('link'), {
            rel: 'modulepreload',
            href: preloads.shift(),
          }),
        );
      if (preloads.length) setTimeout(addSlice);
    };
    addSlice();
  };
  // Started once the first contentful paint is on screen (a busy phone may show a frame well after
  // its requestAnimationFrame). A hidden tab paints nothing to wait for, even once shown again.
  const afterFirstPaint = () => {
    if (document.visibilityState === 'hidden') return startApp();
    document.addEventListener('visibilitychange', startApp, { once: true });
    // Should no paint ever be reported, the app still starts: late, never not at all.
    setTimeout(startApp, PAINT_WAIT_MS);
    if (!PerformanceObserver.supportedEntryTypes?.includes('paint'))
      return requestAnimationFrame(() => requestAnimationFrame(startApp));
    const painted = new PerformanceObserver((list) => {
      if (!list.getEntriesByName('first-contentful-paint').length) return;
      painted.disconnect();
      startApp();
    });
    painted.observe({ type: 'paint', buffered: true });
  };
  document.addEventListener('DOMContentLoaded', afterFirstPaint, { once: true });
})();
