/**
 * "Cite or share this paragraph": one control on every paragraph of a thesis
 * (its ¶N permalink becomes a button showing the same number) and of a source
 * (a button after the paragraph's text, its ¶N link staying a link). The
 * dialog it opens is loaded on first use (src/scripts/cite-share-dialog.ts, served compiled as
 * /scripts/cite-share-dialog.js),
 * so a page runs next to nothing before a reader asks. Without JavaScript the
 * ¶ links work as links and "Cite this" at the page's foot gives the page's
 * citation.
 */
const host = document.querySelector<HTMLElement>('[data-cite-paragraph]');
if (host) {
  const source = host.matches('article.source');
  const links = host.querySelectorAll<HTMLAnchorElement>(source ? 'p.para:not(.furniture):not(.comment) > a.pnum' : 'a.plink');
  for (const link of links) {
    const n = /¶(\d+)$/.exec(link.textContent ?? '')?.[1];
    const anchor = link.getAttribute('href')?.slice(1);
    if (!n || !anchor) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = source ? 'cite-share' : 'plink cite-share';
    // The name holds what the button shows, first (¶N on a thesis, "Cite" on a source, where the ¶N link is
    // beside it and the text should lead), then the rest.
    const rest = Object.assign(document.createElement('span'), { className: 'visually-hidden', textContent: source ? ` or share this paragraph (¶${n})` : ` Cite or share this paragraph` });
    button.append(source ? 'Cite' : `¶${n}`, rest);
    button.setAttribute('aria-haspopup', 'dialog');
    button.dataset.n = n;
    button.dataset.anchor = decodeURIComponent(anchor);
    if (source) (link.parentElement?.querySelector('.ptext') ?? link).after(button);
    else link.replaceWith(button);
  }
  host.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button.cite-share');
    if (!button) return;
    // By URL (/scripts/cite-share-dialog.js, src/pages/scripts/), so that no loader helper runs before this click.
    const dialog = host.dataset.citeShareScript!;
    void (import(/* @vite-ignore */ dialog) as Promise<typeof import('./cite-share-dialog.ts')>).then((m) => m.openCiteShare(button, host.dataset.citeParagraph!));
  });
}

export {};
