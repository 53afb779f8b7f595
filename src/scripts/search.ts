/**
 * The search page on Pagefind's JS API. Loads /pagefind/pagefind.js on the
 * first query, keeps query and filters in the URL (?q=…&kind=…), and lists
 * each page with its matching paragraphs (Pagefind sub-results), each
 * linking to /sources/<id>/?highlight=…#<anchor>.
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
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  debouncedSearch(q: string, o: { filters: Record<string, string> }, ms: number): Promise<{ results: { data(): Promise<ResultData> }[] } | null>;
}

const form = document.getElementById('search-form') as HTMLFormElement;
const input = form.elements.namedItem('q') as HTMLInputElement;
const status = document.getElementById('search-status')!;
const list = document.getElementById('search-results')!;
const selects = [...form.querySelectorAll('select')];
let pagefind: Promise<Pagefind> | undefined;
const PAGEFIND = urls.path('pagefind/pagefind.js');
/** Imports a module that exists only in dist/, out of the bundler's sight. */
const importAtRunTime = (url: string) => import(/* @vite-ignore */ url);

function load(): Promise<Pagefind> {
  pagefind ??= importAtRunTime(PAGEFIND).then(async (pf: Pagefind) => {
    await pf.options({ highlightParam: 'highlight', excerptLength: 30, baseUrl: urls.base });
    return pf;
  });
  return pagefind;
}

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
    item.append(el('ul', { className: 'sub-results' }, ...subs.slice(0, 5).map((s) =>
      el('li', {}, el('a', { href: s.url }, `${s.title}`), excerpt(s.excerpt)))));
  return item;
}

async function run(): Promise<void> {
  const q = input.value.trim();
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  const filters: Record<string, string> = {};
  for (const s of selects) if (s.value) params.set(s.name, (filters[s.name] = s.value));
  history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
  if (!q) {
    list.replaceChildren();
    status.textContent = '';
    return;
  }
  status.textContent = 'Searching…';
  const pf = await load();
  const found = await pf.debouncedSearch(q, { filters }, 150);
  if (found === null) return; // a newer keystroke superseded this one
  const data = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
  list.replaceChildren(...(data.length ? [el('ol', { className: 'results' }, ...data.map(render))] : []));
  status.textContent = data.length
    ? `${found.results.length} page${found.results.length === 1 ? '' : 's'} match “${q}”${found.results.length > 20 ? ' (first 20 shown)' : ''}.`
    : `No results for “${q}”.`;
}

const params = new URLSearchParams(location.search);
input.value = params.get('q') ?? '';
for (const s of selects) s.value = params.get(s.name) ?? '';
form.addEventListener('submit', (e) => {
  e.preventDefault();
  void run();
});
input.addEventListener('input', () => void run());
for (const s of selects) s.addEventListener('change', () => void run());
if (input.value) void run();
else input.focus();

export {};
