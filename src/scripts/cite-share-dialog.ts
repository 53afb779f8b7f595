/**
 * The "Cite or share" dialog of one paragraph: its link (copy, with a visible
 * "Copied" that the live region also announces), its citation in APA, MLA and
 * Chicago with the paragraph's number and the reader's access date (each with
 * a copy button), and the original article's address where known. The
 * templates come from the page's cite-paragraph.json (src/models/cite.ts,
 * paragraphCitations), fetched once. A native <dialog>: Esc closes it, and
 * focus returns to the button that opened it.
 */
import { withAccessDate, type AccessStyle } from '../lib/access-date.ts';

interface Templates {
  title: string;
  page: string;
  original?: string;
  styles: { key: AccessStyle; label: string; reference: string; paragraph: string }[];
}

const loaded = new Map<string, Promise<Templates>>();
const load = (url: string): Promise<Templates> => {
  let p = loaded.get(url);
  if (!p) loaded.set(url, (p = fetch(url).then((r) => r.json() as Promise<Templates>)));
  return p;
};

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

function copyButton(label: string, text: () => string, what: string): HTMLElement {
  const done = el('span', { className: 'cs-copied', hidden: true }, 'Copied');
  const button = el('button', { type: 'button', className: 'cs-copy', textContent: label });
  button.addEventListener('click', () => {
    void navigator.clipboard?.writeText(text()).then(() => {
      done.hidden = false;
      const status = document.getElementById('status');
      if (status) status.textContent = `Copied: ${what}`;
      setTimeout(() => (done.hidden = true), 2500);
    });
  });
  return el('span', { className: 'cs-actions' }, button, ' ', done);
}

/** The dialog's styles, beside this script (/scripts/cite-share-dialog.css), loaded once before it first shows. */
let styled: Promise<unknown> | undefined;
const style = (): Promise<unknown> =>
  (styled ??= new Promise((done) => {
    const link = el('link', { rel: 'stylesheet', href: new URL('cite-share-dialog.css', import.meta.url).href });
    link.addEventListener('load', done);
    link.addEventListener('error', done);
    document.head.append(link);
  }));

export async function openCiteShare(opener: HTMLButtonElement, templatesUrl: string): Promise<void> {
  const [t] = await Promise.all([load(templatesUrl), style()]);
  const n = opener.dataset.n!;
  const page = t.page.split('{origin}').join(location.origin);
  const link = `${page}#${encodeURIComponent(opener.dataset.anchor!)}`;
  const now = new Date();
  const date = { y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() };
  const fill = (s: string) => s.split('{n}').join(n).split('{url}').join(link).split('{origin}').join(location.origin);

  document.getElementById('cite-share')?.remove();
  const dialog = el('dialog', { id: 'cite-share', className: 'cite-share-dialog' });
  dialog.setAttribute('aria-labelledby', 'cite-share-title');
  const input = el('input', { readOnly: true, value: link, id: 'cite-share-link' });
  dialog.append(
    el('h2', { id: 'cite-share-title' }, `Cite or share ¶${n}`),
    el('p', { className: 'small' }, t.title),
    el('p', {}, el('label', { htmlFor: 'cite-share-link' }, 'Link to this paragraph'), el('br'), input, ' ', copyButton('Copy link', () => link, `link to ¶${n}`)),
  );
  for (const s of t.styles) {
    const paragraph = withAccessDate(s.key, 'paragraph', fill(s.paragraph), date);
    const reference = withAccessDate(s.key, 'reference', fill(s.reference), date);
    // Chicago's note stands alone; APA and MLA cite the paragraph in the text and list the reference.
    const text = s.key === 'chicago' ? paragraph : `${reference}\n${paragraph}`;
    dialog.append(
      el(
        'section',
        { className: 'cs-style' },
        el('h3', {}, s.label),
        ...(s.key === 'chicago' ? [el('p', {}, paragraph)] : [el('p', {}, reference), el('p', { className: 'small' }, `In the text: ${paragraph}`)]),
        copyButton(`Copy ${s.label}`, () => text, `${s.label} citation of ¶${n}`),
      ),
    );
  }
  if (t.original) dialog.append(el('p', {}, 'Original article: ', el('a', { href: t.original, rel: 'noopener noreferrer' }, t.original)));
  const close = el('button', { type: 'button', className: 'cs-close', textContent: 'Close' });
  close.addEventListener('click', () => dialog.close());
  dialog.append(close);
  dialog.addEventListener('close', () => {
    dialog.remove();
    opener.focus();
  });
  // A click on the backdrop closes it too.
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close();
  });
  document.body.append(dialog);
  dialog.showModal();
  input.focus();
  input.select();
}
