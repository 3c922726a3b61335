// Loaded by the browser on every http(s) page. Content scripts cannot be ES modules, so this loader imports the
// module that does the work. Nothing may throw into the page or hold it up: the loader swallows every failure.
(() => {
  try {
    import(chrome.runtime.getURL("content/page-guard.js"))
      .then((guard) => guard.start())
      .catch(() => {});
  } catch {
    // The extension was reloaded or removed under this page: nothing to do.
  }
})();
