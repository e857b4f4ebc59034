// Runs in the benchmark page: the composer's and the history's work, timed with
// performance.now() (microsecond resolution under cross-origin isolation).
import init, { TemplateBench, NotesBench } from '/data/casebook_search_bench.js';

await init('/data/casebook_search_bench_bg.wasm');

const time = (f) => { const t = performance.now(); f(); return performance.now() - t; };

window.bench = {
  /** Opening the composer on the 30-field template, `n` times. */
  open(n, arabic) {
    const times = [];
    for (let i = 0; i < n; i++) times.push(time(() => new TemplateBench(arabic).free()));
    return times;
  },
  /** `n` keystrokes, each re-validating and re-rendering the preview. */
  keystrokes(n, arabic) {
    const composer = new TemplateBench(arabic);
    for (let i = 0; i < 20; i++) composer.keystroke();
    const times = [];
    for (let i = 0; i < n; i++) times.push(time(() => composer.keystroke()));
    composer.free();
    return times;
  },
  /** Building the history's search over `count` notes, then each query typed letter by letter. */
  history(count, queries) {
    let history;
    const build = time(() => { history = new NotesBench(count); });
    const times = [];
    let matched = 0;
    for (const q of queries) {
      for (let end = 1; end <= q.length; end++) {
        times.push(time(() => { matched += history.search(q.slice(0, end)); }));
      }
    }
    history.free();
    return { build, times, matched };
  },
};
window.ready = true;
