// Before the app's WebAssembly arrives. index.html carries a real search box so an agent can
// type at once; this file (loaded in <head>, before the first paint) shows it only on the
// search page, so a deep link to a policy never flashes a search page. The app takes over
// the box, what was typed in it and the caret when it starts (src/boot.rs).
// It stays tiny and does nothing once the app is running: no network, no storage.
(function () {
  if (location.pathname === '/') document.documentElement.classList.add('boot-at-search');

  function box() {
    return document.querySelector('#boot input[type="search"]');
  }

  // A shared search link (/?q=…) shows its words at once, unless the agent is typing already.
  document.addEventListener('DOMContentLoaded', function () {
    var input = box();
    var q = new URLSearchParams(location.search).get('q');
    if (input && q && !input.value && document.activeElement !== input) input.value = q.slice(0, 500);
  });

  // `/` focuses the box, as it does in the app.
  document.addEventListener('keydown', function (e) {
    var input = box();
    var target = e.target;
    if (!input || e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    e.preventDefault();
    input.focus();
  });
})();
