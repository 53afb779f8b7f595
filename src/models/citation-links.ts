/**
 * Citation links with text fragments: `/sources/<id>/#<anchor>:~:text=…`, so
 * that browsers which support Text Fragments highlight the quoted words (the
 * others land on the paragraph). Computed when pages are generated, once every
 * thesis is known, because the directive must be unique on the source page as
 * it is finally built, and that page also shows, under "Cited in", the thesis
 * sentences that cite each paragraph (which may contain the same words).
 */
import type { ThesisCitations } from '../site/citations.ts';
import { directiveFor, encodeDirective, type PageBlock } from '../checks/text-fragments.ts';

interface SourceLike {
  id: string;
  title: string;
  paragraphs: readonly { anchor: string; text: string }[];
}

/**
 * A source page's text as a browser's text search sees it: the title, then
 * each block's text (with the block's id), each followed by the citing
 * sentences its "Cited in" line shows.
 */
export function sourcePageBlocks(source: SourceLike, all: readonly ThesisCitations[]): PageBlock[] {
  const sentences = new Map<string, string[]>();
  for (const { citations } of all) {
    for (const c of citations) {
      if (c.source !== source.id || !c.sentence) continue;
      const list = sentences.get(c.anchor) ?? [];
      if (!list.includes(c.sentence)) list.push(c.sentence);
      sentences.set(c.anchor, list);
    }
  }
  const blocks: PageBlock[] = [{ text: source.title }];
  for (const p of source.paragraphs) {
    blocks.push({ text: p.text, id: p.anchor });
    const cited = sentences.get(p.anchor);
    if (cited) blocks.push({ text: cited.join(' ') });
  }
  return blocks;
}

const memo = new WeakMap<readonly ThesisCitations[], Map<string, string>>();

/**
 * The link of every citation: key `<thesis slug> <marker id>` → href with a
 * text directive, or the plain paragraph link when no directive is unique.
 */
export function citationHrefs(sources: readonly SourceLike[], all: readonly ThesisCitations[]): Map<string, string> {
  const hit = memo.get(all);
  if (hit) return hit;
  const out = new Map<string, string>();
  const byId = new Map<string, SourceLike>();
  for (const s of sources) if (!byId.has(s.id)) byId.set(s.id, s);
  // One page model per cited source, its texts in one array (text-fragments folds each array once).
  const pages = new Map<string, { texts: string[]; index: Map<string, number> }>();
  for (const { thesis, citations } of all) {
    for (const c of citations) {
      let page = pages.get(c.source);
      const source = byId.get(c.source);
      if (!page && source) {
        const blocks = sourcePageBlocks(source, all);
        pages.set(c.source, (page = { texts: blocks.map((b) => b.text), index: new Map(blocks.flatMap((b, i) => (b.id ? [[b.id, i] as const] : []))) }));
      }
      const at = page?.index.get(c.anchor);
      const d = page && at !== undefined ? directiveFor(page.texts, at, c.start, c.end) : undefined;
      out.set(`${thesis.id} ${c.id}`, d ? `${c.href}:~:${encodeDirective(d)}` : c.href);
    }
  }
  memo.set(all, out);
  return out;
}

const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Rewrites the href of each citation marker (`<a … id="cite-N" …>`) in rendered HTML. */
export function withCitationHrefs(html: string, hrefFor: (markerId: string) => string | undefined): string {
  return html.replace(/<a\b[^>]*\bid="(cite-\d+)"[^>]*>/g, (tag, id: string) => {
    const href = hrefFor(id);
    return href === undefined ? tag : tag.replace(/\bhref="[^"]*"/, `href="${escapeAttr(href)}"`);
  });
}
