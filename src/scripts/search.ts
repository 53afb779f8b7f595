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
 * - A result needs its page's fragment (the page's text, for excerpts and
 *   paragraph links). The first result's is fetched at once; the others
 *   are listed as placeholders and fetched in order as each comes into view
 *   once typing has paused, so a search fetches what the reader sees.
 *
 * No results: the index's own vocabulary (/pagefind/vocabulary.json, fetched
 * only then, once) gives "Did you mean …?" with the nearest words.
 * A quoted phrase is highlighted as a phrase: its words elsewhere are not.
 *
 * Failure: under `npm run dev` there is no index (a build writes it), and
 * the page says so; a failed import is not remembered, so the next attempt
 * loads again. A filter value in the URL that no option and no indexed page
 * has is dropped, and the page says so.
 */
import { urls, VOCABULARY_FILE } from '../lib/urls.ts';
import { suggest } from '../models/search-vocabulary.ts';

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

/** Results listed before "Show more" (each fetches its fragment only when it comes into view). */
const FIRST_PAGE = 10;
/** Listed per "Show more". */
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
const PAGEFIND = urls.pagefind('pagefind.js');
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

/** The quoted phrases of the current query ("a phrase" → a phrase), highlighted as phrases. */
let phrases: RegExp | undefined;
const setPhrases = (q: string): void => {
  const found = [...q.matchAll(/"([^"]+)"/g)].map((m) => m[1]!.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+')).filter(Boolean);
  phrases = found.length ? new RegExp(`(${found.join('|')})`, 'gi') : undefined;
};

/** Pagefind excerpts are HTML with <mark>; keep only text and marks (for a quoted phrase, the phrase only). */
function excerpt(html: string): HTMLElement {
  const p = el('p', { className: 'excerpt' });
  const tpl = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  if (phrases) {
    const text = tpl.textContent ?? '';
    text.split(phrases).forEach((part, i) => p.append(i % 2 ? el('mark', {}, part) : part));
    return p;
  }
  for (const node of tpl.childNodes) p.append(node.nodeName === 'MARK' ? el('mark', {}, node.textContent ?? '') : node.textContent ?? '');
  return p;
}

/** Under a thesis filter, a source's paragraphs that this thesis cites (its "cited" meta), else undefined. */
function citedUnder(data: ResultData): Set<string> | undefined {
  const thesis = filtersFromForm().thesis;
  if (!thesis || !data.meta.cited) return undefined;
  const entry = data.meta.cited.split('|').find((e) => e.startsWith(`${thesis}=`));
  return entry ? new Set(entry.slice(thesis.length + 1).split(' ')) : undefined;
}

function render(data: ResultData): HTMLElement {
  const kind = data.filters.kind?.[0] ?? '';
  const meta = [kind, data.meta.outlet, data.meta.date].filter(Boolean).join(' · ');
  const cited = citedUnder(data);
  const subs = data.sub_results.filter((s) => {
    const hash = new URL(s.url, location.href).hash;
    return hash !== '' && (!cited || cited.has(decodeURIComponent(hash.slice(1))));
  });
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

/**
 * Lists the results in order, each filled in from its fragment: the first at
 * once (the list replaces the previous one when it arrives); each next one
 * once typing has paused for SETTLE ms and its placeholder comes into view,
 * so a search fetches the fragments of the results a reader sees, and
 * queries typed past fetch one fragment each.
 */
function present(found: Found, q: string, mine: number): void {
  const total = found.results.length;
  const ol = el('ol', { className: 'results' });
  ol.dataset.q = q;
  const slots: HTMLLIElement[] = [];
  let next = 0;
  let settled = false;
  const observer = new IntersectionObserver((entries) => {
    if (mine !== seq) observer.disconnect();
    else if (entries.some((e) => e.isIntersecting && e.target === slots[next])) fill();
  }, { rootMargin: '0px 0px 10% 0px' });
  const watch = () => {
    if (mine === seq && settled && slots[next]) observer.observe(slots[next]!);
  };
  /** Loads the result of slot `next`; then watches the one after it. */
  const fill = () => {
    const i = next;
    const slot = slots[i];
    if (!slot || slot.dataset.loading !== undefined) return;
    observer.unobserve(slot);
    slot.dataset.loading = '';
    found.results[i]!.data().then(
      (data) => {
        if (mine !== seq) return observer.disconnect();
        slot.replaceWith(render(data));
        if (!ol.isConnected) {
          list.replaceChildren(ol);
          announce();
        }
        next = i + 1;
        watch();
      },
      () => {
        if (mine === seq) status.textContent = `A result for “${q}” could not be loaded. Check your connection and press Search to try again.`;
      },
    );
  };
  /** Placeholders for the results up to `to`. */
  const addSlots = (to: number) => {
    for (let i = slots.length; i < Math.min(to, total); i++) {
      const slot = el('li', { className: 'result-pending' }, `Result ${i + 1} of ${total}`);
      slot.setAttribute('aria-busy', 'true');
      slots.push(slot);
      ol.append(slot);
    }
  };
  /** Says how many results match and are listed, and offers more. */
  const announce = () => {
    const listed = slots.length;
    status.textContent = `${plural(total)} match “${q}”${total > listed ? ` (first ${listed} listed)` : ''}.`;
    document.getElementById('search-more')?.remove();
    if (total > listed) {
      const more = el('button', { type: 'button', id: 'search-more', className: 'more' }, `Show ${Math.min(MORE, total - listed)} more`);
      more.addEventListener('click', () => {
        addSlots(listed + MORE);
        announce();
        watch();
      });
      list.append(more);
    }
    writeUrlSoon();
  };
  addSlots(FIRST_PAGE);
  fill();
  setTimeout(() => {
    settled = true;
    watch();
  }, SETTLE);
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
      void didYouMean(q, mine);
      return;
    }
    status.textContent = `Loading results for “${q}”…`;
    setPhrases(q);
    present(found, q, mine);
  } finally {
    running = false;
    if (queued !== undefined) {
      const again = queued;
      queued = undefined;
      void run(again);
    }
  }
}

/** The index's vocabulary, fetched the first time a query finds nothing. */
let vocabulary: Promise<string[]> | undefined;
async function didYouMean(q: string, mine: number): Promise<void> {
  vocabulary ??= fetch(urls.pagefind(VOCABULARY_FILE)).then((r) => (r.ok ? (r.json() as Promise<string[]>) : []));
  const better = suggest(q.replace(/"/g, ''), await vocabulary.catch(() => []));
  if (!better || mine !== seq) return;
  const link = el('a', { href: urls.search(better) }, better);
  link.addEventListener('click', (e) => {
    e.preventDefault();
    input.value = better;
    void run();
  });
  status.replaceChildren(`No results for “${q}”. Did you mean `, link, '?');
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

/**
 * A filter too long to write into the page (data-on-demand: thousands of
 * sources) is filled from Pagefind's filter values when the reader opens it.
 */
async function fillOnDemand(select: HTMLSelectElement): Promise<void> {
  if (select.dataset.onDemand === undefined || select.dataset.filled !== undefined) return;
  select.dataset.filled = '';
  let values: Record<string, number>;
  try {
    values = (await (await load()).filters())[select.name] ?? {};
  } catch {
    delete select.dataset.filled; // no index (yet): try again next time
    return;
  }
  const have = new Set([...select.options].map((o) => o.value));
  const chosen = select.value;
  select.append(...Object.keys(values).filter((v) => !have.has(v)).sort().map((v) => el('option', {}, v)));
  select.value = chosen;
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
for (const s of selects) {
  s.addEventListener('focus', () => void fillOnDemand(s));
  s.addEventListener('pointerdown', () => void fillOnDemand(s));
}
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
