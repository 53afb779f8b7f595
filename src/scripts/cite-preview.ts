/**
 * Citation previews: hovering or focusing a citation marker shows the cited
 * paragraph, read from its source page (fetched once per source, on first
 * use: nothing is fetched before the reader points at a marker). The preview
 * is the link's accessible description while shown; Esc closes it. Without
 * JavaScript the marker is a plain link to the paragraph.
 */
const tip = document.createElement('div');
tip.id = 'cite-preview';
tip.className = 'cite-preview';
tip.setAttribute('role', 'tooltip');
tip.hidden = true;
document.body.append(tip);

let owner: HTMLAnchorElement | null = null;
let timer = 0;
const pages = new Map<string, Promise<Document | null>>();

/** The source page of a marker (without its fragment), parsed once. */
function page(url: URL): Promise<Document | null> {
  const key = url.pathname;
  let p = pages.get(key);
  if (!p) {
    p = fetch(key)
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))))
      .then((html) => new DOMParser().parseFromString(html, 'text/html'))
      .catch(() => null);
    pages.set(key, p);
  }
  return p;
}

/** The paragraph's id: the fragment before any text directive (`#p-…:~:text=…`). */
const anchorOf = (url: URL): string => decodeURIComponent(url.hash.slice(1).split(':~:')[0] ?? '');

function place(link: HTMLAnchorElement): void {
  const r = link.getBoundingClientRect();
  const width = tip.offsetWidth;
  const height = tip.offsetHeight;
  tip.style.left = `${Math.max(8, Math.min(r.left + scrollX, scrollX + innerWidth - width - 8))}px`;
  // Below the marker when it fits in the window, else above it.
  const below = r.bottom + 6 + height <= innerHeight || r.top - 6 - height < 0;
  tip.style.top = `${below ? r.bottom + scrollY + 6 : r.top + scrollY - 6 - height}px`;
}

async function show(link: HTMLAnchorElement): Promise<void> {
  clearTimeout(timer);
  hide();
  const url = new URL(link.href, location.href);
  owner = link;
  const head = document.createElement('strong');
  head.textContent = link.textContent ?? '';
  const body = document.createElement('p');
  body.textContent = '…';
  tip.replaceChildren(head, body);
  tip.hidden = false;
  link.setAttribute('aria-describedby', tip.id);
  place(link);
  const doc = await page(url);
  if (owner !== link) return;
  const text = doc?.getElementById(anchorOf(url))?.querySelector('.ptext')?.textContent?.trim();
  if (!text) return hide();
  body.textContent = text;
  place(link);
}

function hide(): void {
  tip.hidden = true;
  owner?.removeAttribute('aria-describedby');
  owner = null;
}

const later = () => {
  timer = window.setTimeout(hide, 200);
};
const marker = (e: Event) => (e.target as HTMLElement).closest?.<HTMLAnchorElement>('a.cite') ?? null;

document.addEventListener('focusin', (e) => {
  const link = marker(e);
  if (link) void show(link);
});
document.addEventListener('focusout', (e) => {
  if (marker(e)) later();
});
document.addEventListener('mouseover', (e) => {
  const link = marker(e);
  if (link && link !== owner) void show(link);
  else if (link || tip.contains(e.target as Node)) clearTimeout(timer);
});
document.addEventListener('mouseout', (e) => {
  if (marker(e) || tip.contains(e.target as Node)) later();
});
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !tip.hidden) hide();
});

export {};
