/**
 * Citation previews: hovering or focusing a citation marker shows the cited
 * paragraph, read from its source page (fetched once per source, on first
 * use: nothing is fetched before the reader points at a marker), with the
 * cited words marked (from the link's text fragment). The preview stays inside
 * the window (below the marker, else above, scrolling within itself when the
 * paragraph is long). On a touch screen the first tap on a marker opens its
 * preview and a second tap follows the link. The preview is the link's
 * accessible description while shown; Esc closes it. Without JavaScript the
 * marker is a plain link to the paragraph.
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

/** The cited words of a text directive (`text=[prefix-,]start[,end][,-suffix]`): start, and end when given. */
function citedWords(url: URL): { start: string; end?: string } | null {
  const directive = /:~:text=([^&]*)/.exec(url.hash)?.[1];
  if (!directive) return null;
  const parts = directive.split(',').filter((p) => !p.endsWith('-') && !p.startsWith('-')).map((p) => decodeURIComponent(p));
  return parts[0] ? { start: parts[0], ...(parts[1] ? { end: parts[1] } : {}) } : null;
}

/** The paragraph's text into `body`, with the cited words (first match) in a <mark>. */
function fill(body: HTMLElement, text: string, words: { start: string; end?: string } | null): void {
  const flat = (s: string) => s.toLowerCase();
  const from = words ? flat(text).indexOf(flat(words.start)) : -1;
  const to = from === -1 ? -1 : words!.end ? flat(text).indexOf(flat(words!.end), from + words!.start.length) : from + words!.start.length;
  if (from === -1 || to === -1) {
    body.textContent = text;
    return;
  }
  const stop = words!.end ? to + words!.end.length : to;
  body.replaceChildren(text.slice(0, from), Object.assign(document.createElement('mark'), { textContent: text.slice(from, stop) }), text.slice(stop));
}

function place(link: HTMLAnchorElement): void {
  const r = link.getBoundingClientRect();
  // Never taller than the room on the larger side of the marker; the paragraph scrolls within.
  const room = Math.max(r.top, innerHeight - r.bottom) - 14;
  tip.style.maxHeight = `${Math.max(80, room)}px`;
  const width = tip.offsetWidth;
  const height = tip.offsetHeight;
  tip.style.left = `${Math.max(8, Math.min(r.left + scrollX, scrollX + innerWidth - width - 8))}px`;
  // Below the marker when it fits in the window, else above it.
  const below = r.bottom + 6 + height <= innerHeight || r.top < innerHeight - r.bottom;
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
  fill(body, text, citedWords(url));
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
// Touch: the first tap on a marker shows its preview; a second tap on the same marker follows the link.
// (A tap also focuses the marker and sends mouseover, which open the preview before the click: so what
// counts is whether it was open for this marker when the finger came down.)
let tapOpen = false;
let touch = false;
document.addEventListener(
  'pointerdown',
  (e) => {
    touch = e.pointerType === 'touch';
    const link = marker(e);
    tapOpen = touch && link !== null && owner === link && !tip.hidden;
  },
  true,
);
document.addEventListener('click', (e) => {
  const link = marker(e);
  if (!link || !touch || tapOpen) return;
  e.preventDefault();
  if (owner !== link || tip.hidden) void show(link);
});
document.addEventListener('pointerdown', (e) => {
  if (e.pointerType === 'touch' && !marker(e) && !tip.contains(e.target as Node)) hide();
});

export {};
