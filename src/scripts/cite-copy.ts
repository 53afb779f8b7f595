/**
 * Source pages: after each article paragraph's text, a "cite" button copies
 * a citation of that paragraph (Chicago note with "para. N" and the
 * paragraph's link), formatted at build time (data-cite-template on the
 * article, src/lib/cite.ts). Without JavaScript or a clipboard there is no
 * button; the page's "Cite this" section is always there.
 */
const article = document.querySelector<HTMLElement>('[data-cite-template]');
const template = article?.dataset.citeTemplate;
/** The placeholder for this page's origin in a template built without SITE_URL (PAGE_ORIGIN, src/lib/urls.ts). */
const placeholder = article?.dataset.originPlaceholder;
const status = document.getElementById('status');
if (article && template && navigator.clipboard && status) {
  for (const link of article.querySelectorAll<HTMLAnchorElement>('a.pnum')) {
    const n = /^¶(\d+)$/.exec(link.textContent ?? '')?.[1];
    if (!n) continue;
    const button = Object.assign(document.createElement('button'), { type: 'button', className: 'cite-copy', textContent: 'cite' });
    button.setAttribute('aria-label', `Cite ¶${n}: copy a citation of this paragraph`);
    // After the paragraph's text, so that Tab from the ¶ link still reaches the text's marks first.
    const text = link.parentElement?.querySelector('.ptext');
    if (text) text.after(button);
    else link.after(button);
  }
  article.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest('button.cite-copy');
    const link = button?.parentElement?.querySelector<HTMLAnchorElement>('a.pnum');
    if (!link) return;
    const n = link.textContent!.slice(1);
    let text = template.split('{n}').join(n).split('{url}').join(link.href);
    if (placeholder) text = text.split(placeholder).join(location.origin);
    navigator.clipboard.writeText(text).then(
      () => (status.textContent = `Citation of ¶${n} copied`),
      () => {},
    );
  });
}

export {};
