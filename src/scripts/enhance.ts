/**
 * Site-wide enhancements, none needed for reading:
 * "/" focuses the search box; following a paragraph number also copies its
 * link to the clipboard and says so in a live region; focus on the header
 * search box prefetches Pagefind's files, so that /search/ can answer at once.
 */
const search = document.querySelector<HTMLInputElement>('#site-search-q');

// Citations built without SITE_URL name this page by its path; the address the reader is on completes them.
for (const el of document.querySelectorAll('[data-origin]')) el.textContent = location.origin;
const status = document.getElementById('status');

/** Prefetch once: the script, its WebAssembly, and the entry file that names the rest (URLs written by the layout, from src/lib/urls.ts). */
const prefetch = (href: string) => document.head.append(Object.assign(document.createElement('link'), { rel: 'prefetch', href }));
search?.addEventListener('focus', () => search.form?.dataset.prefetch?.split(' ').forEach(prefetch), { once: true });

document.addEventListener('keydown', (event) => {
  const t = event.target as HTMLElement;
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  if (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
  event.preventDefault();
  search?.focus();
});

document.addEventListener('click', (event) => {
  const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a.pnum');
  if (!link || !navigator.clipboard || !status) return;
  navigator.clipboard.writeText(link.href).then(
    () => (status.textContent = `Link to ${link.textContent} copied`),
    () => {},
  );
});

/**
 * Arriving from a search result (?highlight=word&highlight=…), mark those
 * words in the target paragraph, or in the page's text if there is no target.
 */
/** The element the URL's fragment names, or null; a malformed fragment (%E0%A4%A) names none. */
function fragmentTarget(): HTMLElement | null {
  try {
    return location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  } catch {
    return null;
  }
}

const terms = new URLSearchParams(location.search).getAll('highlight').flatMap((t) => t.split(/\s+/)).filter((t) => t.length > 1);
if (terms.length) {
  const target = fragmentTarget();
  const words = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const pattern = new RegExp(`(${words})`, 'i'); // no g flag: test() must not keep state
  // A paragraph target holds the words; a section heading target does not, so mark the whole text then.
  const scope = target && pattern.test(target.textContent ?? '') ? target : document.querySelector('[data-pagefind-body]');
  const walker = scope && document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  const hits: Text[] = [];
  while (walker?.nextNode()) if (pattern.test(walker.currentNode.nodeValue ?? '')) hits.push(walker.currentNode as Text);
  for (const node of hits) {
    const parts = (node.nodeValue ?? '').split(pattern);
    node.replaceWith(...parts.map((part, i) => (i % 2 ? Object.assign(document.createElement('mark'), { textContent: part, className: 'pagefind-highlight' }) : part)));
  }
}

export {};
