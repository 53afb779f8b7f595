/**
 * Citation previews: hovering or focusing a citation marker shows the cited
 * paragraph (taken from the page's own evidence section, so nothing is
 * fetched). The preview is the link's accessible description while shown;
 * Esc closes it. Without JavaScript the marker is a plain link.
 */
const tip = document.createElement('div');
tip.id = 'cite-preview';
tip.className = 'cite-preview';
tip.setAttribute('role', 'tooltip');
tip.hidden = true;
document.body.append(tip);

let owner: HTMLAnchorElement | null = null;
let timer = 0;

function show(link: HTMLAnchorElement): void {
  const source = document.getElementById(link.dataset.preview ?? '');
  const text = source?.querySelector('blockquote')?.textContent?.trim();
  if (!text) return;
  clearTimeout(timer);
  hide();
  tip.replaceChildren();
  const head = document.createElement('strong');
  head.textContent = link.textContent ?? '';
  const body = document.createElement('p');
  body.textContent = text;
  tip.append(head, body);
  tip.hidden = false;
  const r = link.getBoundingClientRect();
  const width = tip.offsetWidth;
  tip.style.left = `${Math.max(8, Math.min(r.left + scrollX, scrollX + innerWidth - width - 8))}px`;
  tip.style.top = `${r.bottom + scrollY + 6}px`;
  link.setAttribute('aria-describedby', tip.id);
  owner = link;
}

function hide(): void {
  tip.hidden = true;
  owner?.removeAttribute('aria-describedby');
  owner = null;
}

const later = () => {
  timer = window.setTimeout(hide, 200);
};
const marker = (e: Event) => (e.target as HTMLElement).closest?.<HTMLAnchorElement>('a.cite[data-preview]') ?? null;

document.addEventListener('focusin', (e) => {
  const link = marker(e);
  if (link) show(link);
});
document.addEventListener('focusout', (e) => {
  if (marker(e)) later();
});
document.addEventListener('mouseover', (e) => {
  const link = marker(e);
  if (link && link !== owner) show(link);
  else if (link || tip.contains(e.target as Node)) clearTimeout(timer);
});
document.addEventListener('mouseout', (e) => {
  if (marker(e) || tip.contains(e.target as Node)) later();
});
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !tip.hidden) hide();
});

export {};
