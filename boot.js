// The first page, before the app's WebAssembly arrives.
//
// On a poor line the app takes seconds to download. This file (loaded in <head>, before the
// first paint) makes those seconds useful:
// - index.html carries a real search box; it is shown on the search page only, so a deep link
//   never flashes a search page;
// - on the search page, a small separate module (crates/start: the domain crate's search engine
//   and nothing else) answers what the agent types, from the library saved on this device or
//   from the network, and the results are shown as text (never as HTML);
// - the library and its index are downloaded once, here, and handed to the app
//   (`window.casebookBoot`, read by src/library.rs), which starts downloading only once the
//   quick search has what it needs, so the two never share the line at first;
// - the app takes over the box, what was typed in it and the caret when it starts (src/boot.rs).
(function () {
  'use strict';
  var atSearch = location.pathname === '/';
  var html = document.documentElement;
  if (atSearch) html.classList.add('boot-at-search');

  // The few words this page shows, in the interface language the app will use (the device's
  // choice, else the browser's), so an Arabic or Japanese agent never starts in English.
  var WORDS = {
    en: {
      search: 'Search policies', placeholder: 'Search policies — press / to focus', loading: 'Loading Casebook…',
      none: 'No matching sections.', opening: 'Opening the section as soon as Casebook has loaded…',
      count: function (n, total) { return n < total ? 'Best ' + n + ' of ' + total + ' matching sections' : total === 1 ? '1 matching section' : total + ' matching sections'; },
    },
    es: {
      search: 'Buscar políticas', placeholder: 'Buscar políticas — pulsa / para empezar', loading: 'Cargando Casebook…',
      none: 'Ninguna sección coincide.', opening: 'La sección se abrirá en cuanto Casebook termine de cargar…',
      count: function (n, total) { return n < total ? 'Las ' + n + ' mejores de ' + total + ' secciones' : total === 1 ? '1 sección coincide' : total + ' secciones coinciden'; },
    },
    ar: {
      search: 'البحث في السياسات', placeholder: 'البحث في السياسات — اضغط / للبدء', loading: 'جارٍ تحميل Casebook…',
      none: 'لا توجد أقسام مطابقة.', opening: 'سيُفتح القسم فور اكتمال تحميل Casebook…',
      count: function (n, total) { return 'الأقسام المطابقة: ' + (n < total ? n + ' / ' + total : total); },
    },
    ja: {
      search: 'ポリシーを検索', placeholder: 'ポリシーを検索 — / キーで入力', loading: 'Casebook を読み込み中…',
      none: '該当するセクションはありません。', opening: 'Casebook の読み込みが終わり次第、セクションを開きます…',
      count: function (n, total) { return '該当するセクション: ' + (n < total ? total + ' 件中 ' + n + ' 件' : total + ' 件'); },
    },
  };
  function language() {
    var wanted = [];
    try { wanted.push(localStorage.getItem('casebook-ui-lang') || ''); } catch (e) { /* storage off */ }
    wanted = wanted.concat(navigator.languages || [navigator.language || '']);
    for (var i = 0; i < wanted.length; i++) {
      var code = String(wanted[i] || '').toLowerCase().split('-')[0];
      if (WORDS[code]) return code;
    }
    return 'en';
  }
  var lang = language();
  var words = WORDS[lang];
  if (lang !== 'en') {
    html.lang = lang;
    html.dir = lang === 'ar' ? 'rtl' : 'ltr';
  }

  // The library and its search index, for the quick search and then the app. The same
  // requests as index.html's preloads (same URL and credentials), so these take them over.
  function download(url, read) {
    return fetch(url).then(function (response) {
      if (!response.ok) return { status: response.status };
      return read(response).then(function (body) {
        return { status: response.status, etag: response.headers.get('ETag'), body: body };
      });
    }).catch(function () { return null; });
  }
  var library = download('/api/library', function (r) { return r.text(); });
  var index = download('/api/search-index', function (r) { return r.arrayBuffer(); });

  var letAppStart;
  var boot = window.casebookBoot = {
    library: library,
    index: index,
    // The app's loader (Trunk.toml's pattern_script) waits for this.
    appMayStart: new Promise(function (resolve) { letAppStart = resolve; }),
  };
  // Whatever happens to the quick search, the app starts.
  setTimeout(letAppStart, 8000);
  if (!atSearch) {
    letAppStart();
  }

  function box() {
    return document.querySelector('#boot input[type="search"]');
  }

  /** The copy of the library the app saved on this device, without creating the database. */
  function saved() {
    return new Promise(function (resolve) {
      var open;
      try { open = indexedDB.open('casebook'); } catch (e) { resolve(null); return; }
      open.onupgradeneeded = function () { open.transaction.abort(); };
      open.onerror = function () { resolve(null); };
      open.onsuccess = function () {
        var db = open.result;
        try {
          var store = db.transaction('kv').objectStore('kv');
          var got = {};
          var left = 2;
          ['library-compact', 'library-index'].forEach(function (key) {
            var get = store.get(key);
            get.onsuccess = function () {
              got[key] = get.result;
              if (--left === 0) {
                db.close();
                resolve(got['library-compact'] && got['library-index'] ? got : null);
              }
            };
            get.onerror = function () { db.close(); resolve(null); };
          });
        } catch (e) {
          db.close();
          resolve(null);
        }
      };
    });
  }

  /** The quick search module, loaded from the addresses index.html names. */
  function quickModule() {
    var js = document.querySelector('link[data-casebook-start]');
    var wasm = document.querySelector('link[data-casebook-start-wasm]');
    if (!js || !wasm) return Promise.reject(new Error('no quick search in this build'));
    return import(js.href).then(function (module) {
      return module.default({ module_or_path: wasm.href }).then(function () { return module; });
    });
  }

  /** A ready QuickSearch: from the saved copy if this build can read it, else the network. */
  function quickSearch() {
    return Promise.all([quickModule(), saved()]).then(function (got) {
      var module = got[0];
      var copy = got[1];
      if (copy) {
        try {
          return module.QuickSearch.fromCompact(new Uint8Array(copy['library-compact']), new Uint8Array(copy['library-index']));
        } catch (e) { /* another build's copy: use the network's */ }
      }
      return Promise.all([library, index]).then(function (sent) {
        if (!sent[0] || !sent[0].body || !sent[1] || !sent[1].body) throw new Error('no library');
        return module.QuickSearch.fromJson(sent[0].body, new Uint8Array(sent[1].body));
      });
    });
  }

  function pieces(parent, list) {
    list.forEach(function (piece) {
      var node = piece[1] ? document.createElement('mark') : document.createTextNode(piece[0]);
      if (piece[1]) node.textContent = piece[0];
      parent.appendChild(node);
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** Opens a result: the app, once it starts, shows the address in the bar. */
  function open(href) {
    history.pushState(null, '', href);
    // An app already running behind this page (holding it, see src/boot.rs) follows the address.
    dispatchEvent(new PopStateEvent('popstate'));
    html.classList.remove('boot-at-search');
    var results = document.querySelector('#boot .boot-results');
    if (results) results.remove();
    var status = document.querySelector('#boot .boot-status');
    if (status) status.textContent = words.opening;
  }

  function render(quick) {
    var page = document.querySelector('#boot .boot-search');
    var input = box();
    if (!page || !input) return;
    var old = page.querySelector('.boot-results');
    if (old) old.remove();
    var query = input.value.trim();
    if (!query) return;
    var found = JSON.parse(quick.search(query));
    var section = element('div', 'boot-results');
    section.appendChild(element('p', 'result-count muted', found.results.length ? words.count(found.results.length, found.total) : words.none));
    section.firstChild.setAttribute('role', 'status');
    var list = element('ol', 'results');
    found.results.forEach(function (result) {
      var item = element('li', 'result');
      if (result.lang) item.lang = result.lang;
      if (result.rtl) item.dir = 'rtl';
      var link = element('a', 'result-link');
      link.href = result.href;
      link.addEventListener('click', function (e) {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        open(result.href);
      });
      var title = element('span', 'result-title');
      pieces(title, result.title);
      var heading = element('span', 'result-heading');
      pieces(heading, result.heading);
      var sep = element('span', 'result-sep', ' › ');
      sep.setAttribute('aria-hidden', 'true');
      link.append(title, sep, heading);
      var snippet = element('p', 'snippet');
      pieces(snippet, result.snippet);
      item.append(link, element('span', 'chip', result.area), snippet);
      list.appendChild(item);
    });
    section.appendChild(list);
    page.appendChild(section);
  }

  // Started at once (the module and the saved copy need no page), shown when the page is parsed.
  var quickReady = atSearch ? quickSearch() : null;
  if (quickReady) {
    quickReady.then(function (quick) { boot.quick = quick; letAppStart(); }, function () { letAppStart(); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var input = box();
    if (!input) return;
    var label = document.querySelector('#boot label');
    if (label) label.textContent = words.search;
    input.placeholder = words.placeholder;
    var status = document.querySelector('#boot .boot-status');
    if (status) status.textContent = words.loading;
    // A shared search link (/?q=…) shows its words at once, unless the agent is typing already.
    var q = new URLSearchParams(location.search).get('q');
    if (q && !input.value && document.activeElement !== input) input.value = q.slice(0, 500);
    if (!quickReady) return;
    quickReady.then(function (quick) {
      // The box may be gone already if the app was quicker.
      if (!document.getElementById('boot')) return;
      input.addEventListener('input', function () { render(quick); });
      input.addEventListener('keydown', function (e) {
        if (e.key !== 'Enter') return;
        var first = document.querySelector('#boot .result-link');
        if (first) {
          e.preventDefault();
          open(first.getAttribute('href'));
        }
      });
      render(quick);
    }, function () { /* the app will answer */ });
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
