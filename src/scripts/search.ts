/**
 * The search page on Pagefind's JS API. Keeps query and filters in the URL
 * (?q=…&kind=…) and lists each page with its matching paragraphs (Pagefind
 * sub-results), each linking to /sources/<id>/?highlight=…#<anchor>.
 *
 * Speed and bytes:
 * - Pagefind starts loading as soon as the reader shows intent: focus or
 *   pointer on the box, or the first idle moment on this page.
 * - It runs without its Web Worker (one file less; a search takes a few ms).
 * - Every keystroke searches at once when no search is running; while one
 *   runs, only the newest query waits (no fixed debounce). A stale search
 *   never renders (a sequence number is checked after every await).
 * - Results render one by one as their fragments arrive, and only the first
 *   FIRST_PAGE results fetch a fragment; "Show more" fetches the next ones.
 *
 * Failure: under `npm run dev` there is no index (a build writes it), and
 * the page says so; a failed import is not remembered, so the next attempt
 * loads again. A filter value in the URL that no option and no indexed page
 * has is dropped, and the page says so.
 */
import { urls } from '../lib/urls.ts';

interface SubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  sub_results: SubResult[];
}
interface Found {
  results: { data(): Promise<ResultData> }[];
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string, o: { filters: Record<string, string> }): Promise<Found>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** Results shown (and fragments fetched) before "Show more". */
const FIRST_PAGE = 5;
/** Fetched per "Show more". */
const MORE = 10;
/** Sub-results (paragraphs) shown per page. */
const SUBS = 5;
/** Typed queries shorter than this wait for more (Enter searches anything). */
const MIN_TYPED = 2;
/** Pause in typing (ms) after which the rest of the first page is fetched. */
const SETTLE = 120;

const form = document.getElementById('search-form') as HTMLFormElement;
const input = form.elements.namedItem('q') as HTMLInputElement;
const status = document.getElementById('search-status')!;
const notice = document.getElementById('search-notice')!;
const list = document.getElementById('search-results')!;
const selects = [...form.querySelectorAll('select')];
const PAGEFIND = urls.path('pagefind/pagefind.js');
/** Imports a module that exists only in dist/, out of the bundler's sight. */
const importAtRunTime = (url: string) => import(/* @vite-ignore */ url);

let pagefind: Promise<Pagefind> | undefined;
/** Failed imports so far: the browser keeps a failed module URL failed, so a retry asks for a new URL. */
let failures = 0;
function load(): Promise<Pagefind> {
  pagefind ??= importAtRunTime(failures ? `${PAGEFIND}?retry=${failures}` : PAGEFIND).then(
    async (pf: Pagefind) => {
      await pf.options({ highlightParam: 'highlight', excerptLength: 24, noWorker: true, baseUrl: urls.base });
      await pf.init();
      return pf;
    },
    (err: unknown) => {
      pagefind = undefined; // not remembered: the next search tries again
      failures++;
      throw err;
    },
  );
  return pagefind;
}
/** Start loading without waiting (intent: focus, pointer, idle); a failure shows at the next search. */
const warm = () => void load().catch(() => {});

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...kids: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...kids);
  return node;
}

/** Pagefind excerpts are HTML with <mark>; keep only text and marks. */
function excerpt(html: string): HTMLElement {
  const p = el('p', { className: 'excerpt' });
  const tpl = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  for (const node of tpl.childNodes) p.append(node.nodeName === 'MARK' ? el('mark', {}, node.textContent ?? '') : node.textContent ?? '');
  return p;
}

function render(data: ResultData): HTMLElement {
  const kind = data.filters.kind?.[0] ?? '';
  const meta = [kind, data.meta.outlet, data.meta.date].filter(Boolean).join(' · ');
  const subs = data.sub_results.filter((s) => new URL(s.url, location.href).hash !== '');
  const item = el('li', { className: 'result' },
    el('h2', {}, el('a', { href: data.url }, data.meta.title ?? data.url)),
    el('p', { className: 'small' }, meta),
  );
  if (subs.length === 0) item.append(excerpt(data.excerpt));
  else
    item.append(el('ul', { className: 'sub-results' }, ...subs.slice(0, SUBS).map((s) =>
      el('li', {}, el('a', { href: s.url }, `${s.title}`), excerpt(s.excerpt)))));
  return item;
}

const plural = (n: number) => `${n} page${n === 1 ? '' : 's'}`;

/** Bumped by every new query or filter change; a search whose number is no longer current stops. */
let seq = 0;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * The first result at once; the rest of the first page once typing has
 * paused for SETTLE ms, so that queries typed past fetch one fragment each.
 */
async function present(found: Found, q: string, mine: number): Promise<void> {
  const ol = el('ol', { className: 'results' });
  ol.dataset.q = q;
  if (!(await show(found, q, 0, 1, mine, ol, false))) return;
  await sleep(SETTLE);
  if (mine === seq) await show(found, q, 1, FIRST_PAGE, mine, ol, true);
}

/** Appends results[from, to) in order, each as soon as it and those before it have arrived; false when superseded. */
async function show(found: Found, q: string, from: number, to: number, mine: number, ol: HTMLOListElement, last: boolean): Promise<boolean> {
  const slice = found.results.slice(from, to);
  const pending = slice.map((r) => r.data());
  pending.forEach((p) => p.catch(() => {})); // a stale search's fragments may fail unseen
  for (const p of pending) {
    const data = await p;
    if (mine !== seq) return false;
    if (!ol.isConnected) list.replaceChildren(ol);
    ol.append(render(data));
  }
  const total = found.results.length;
  if (!last && total > to) return true;
  const shown = Math.min(to, total);
  status.textContent = `${plural(total)} match “${q}”${total > shown ? ` (first ${shown} shown)` : ''}.`;
  document.getElementById('search-more')?.remove();
  if (total > shown) {
    const more = el('button', { type: 'button', id: 'search-more', className: 'more' }, `Show ${Math.min(MORE, total - shown)} more`);
    more.addEventListener('click', () => {
      more.disabled = true;
      void show(found, q, shown, shown + MORE, mine, ol, true);
    });
    list.append(more);
  }
  writeUrlSoon();
  return true;
}

function filtersFromForm(): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const s of selects) if (s.value) filters[s.name] = s.value;
  return filters;
}

/** The URL follows the form; written when results are shown or typing pauses (each change makes the browser fetch the icon again). */
function writeUrl(): void {
  const params = new URLSearchParams();
  const q = input.value.trim();
  if (q) params.set('q', q);
  for (const [k, v] of Object.entries(filtersFromForm())) params.set(k, v);
  const next = `${location.pathname}${params.size ? `?${params}` : ''}`;
  if (next !== `${location.pathname}${location.search}`) history.replaceState(null, '', next);
}
let urlTimer: ReturnType<typeof setTimeout> | undefined;
function writeUrlSoon(): void {
  clearTimeout(urlTimer);
  urlTimer = setTimeout(writeUrl, 300);
}

let running = false;
/** A query that arrived while a search ran: run it (typed or not) when that search ends. */
let queued: boolean | undefined;

/** Searches for what the form says now. `typed`: from a keystroke (short queries wait). */
async function run(typed = false): Promise<void> {
  const mine = ++seq;
  const q = input.value.trim();
  const filters = filtersFromForm();
  writeUrlSoon();
  if (!q || (typed && q.length < MIN_TYPED)) {
    list.replaceChildren();
    status.textContent = q ? 'Keep typing…' : '';
    return;
  }
  if (running) {
    queued = typed; // the running search re-runs with the newest input when it ends
    return;
  }
  running = true;
  try {
    if (!pagefind) status.textContent = 'Loading search…';
    let pf: Pagefind;
    try {
      pf = await load();
    } catch {
      if (mine === seq) failed();
      return;
    }
    if (mine !== seq) return;
    const found = await pf.search(q, { filters });
    if (mine !== seq) return;
    if (found.results.length === 0) {
      list.replaceChildren();
      status.textContent = `No results for “${q}”.`;
      return;
    }
    status.textContent = `Loading results for “${q}”…`;
    void present(found, q, mine);
  } finally {
    running = false;
    if (queued !== undefined) {
      const again = queued;
      queued = undefined;
      void run(again);
    }
  }
}

function failed(): void {
  list.replaceChildren();
  status.textContent = import.meta.env.DEV
    ? 'Search needs a build: the dev server has no search index. Run “npm run build” and “npm run preview” to search.'
    : 'Search could not be loaded. Check your connection and press Search to try again.';
}

/**
 * A filter value from the URL that the select lacks: if the index has pages
 * with it (a kind added since this page was built), add it as an option;
 * otherwise drop it and say so.
 */
async function adoptUrlFilters(params: URLSearchParams): Promise<void> {
  const missing = selects.filter((s) => {
    const v = params.get(s.name);
    s.value = v ?? '';
    return v !== null && v !== '' && s.value !== v;
  });
  if (!missing.length) return;
  let known: Record<string, Record<string, number>> = {};
  try {
    known = await (await load()).filters();
  } catch {
    // no index: the search itself will say so
  }
  const dropped: string[] = [];
  for (const s of missing) {
    const v = params.get(s.name)!;
    if (known[s.name]?.[v]) {
      s.append(el('option', {}, v));
      s.value = v;
    } else dropped.push(`no ${s.name} “${v}”`);
  }
  notice.textContent = dropped.length ? `Filter ignored: ${dropped.join('; ')}. Showing all.` : '';
}

const params = new URLSearchParams(location.search);
input.value = params.get('q') ?? '';
form.addEventListener('submit', (e) => {
  e.preventDefault();
  void run();
});
input.addEventListener('input', () => void run(true));
input.addEventListener('focus', warm);
input.addEventListener('pointerdown', warm);
for (const s of selects)
  s.addEventListener('change', () => {
    notice.textContent = '';
    void run();
  });
void adoptUrlFilters(params).then(() => {
  if (input.value) void run();
  else {
    input.focus();
    (window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200)))(warm);
  }
});

export {};
