/**
 * Rehype plugin for thesis pages, run after remark-citations has turned
 * <Cite>/<Quote> into markers:
 *
 * - every prose paragraph and list item gets a stable anchor made from its own
 *   text (citation markers left out, so a source's renumbering renames
 *   nothing): `p-<first words>-<hash>`, as source paragraphs are made
 *   (src/pipeline/anchor-ids.ts); headings get their usual slug ids here, so
 *   the ledger sees them too;
 * - each anchored paragraph ends in a permalink (`¶`, a plain link, kept out
 *   of the search index) and carries `data-pagefind-title` (its section's
 *   heading), which makes it its own Pagefind sub-result;
 * - the page's citation records (frontmatter `citations`) learn the thesis
 *   paragraph and sentence that cite, for "Cited in" backlinks on source
 *   pages (the links' text fragments are added when pages are generated, once
 *   every thesis is known: src/models/citation-links.ts);
 * - the page's anchors are read against the anchor ledger
 *   (src/ledger/store.ts): old ids are rendered as empty elements
 *   inside their successors, removed paragraphs as tombstones in place; and
 *   declared at the end of the content, for the build to reconcile the ledger.
 */
import { basename, relative, resolve } from 'node:path';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import Slugger from 'github-slugger';
import { anchorWithPrefix, dedupe } from '../pipeline/anchor-ids.ts';
import { citingSentence } from '../checks/citing-sentence.ts';
import { DECLARATION_ATTRIBUTE, declarationJson, ledgerView, removalNotice } from '../ledger/store.ts';
import type { AnchoredCitation } from '../lib/citation-model.ts';
import { AT_A_GLANCE_ID } from './thesis-summary.ts';

export interface ThesisAnchorsOptions {
  /** Absolute path of `content/theses/`: only files there are thesis pages. */
  thesesDir: string;
}

export type { AnchoredCitation };

type AnyNode = Root | RootContent;
export const isElement = (n: AnyNode): n is Element => n.type === 'element';
const hasChildren = (n: AnyNode): n is Root | Element | (RootContent & { children: RootContent[] }) => 'children' in n && Array.isArray((n as { children?: unknown }).children);
/** An element's classes, however hast holds them. */
export const classes = (el: Element): string[] => {
  const c: unknown = el.properties?.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
};
const isMarker = (n: AnyNode): n is Element => isElement(n) && n.tagName === 'a' && classes(n).includes('cite');
const HEADING = /^h[1-6]$/;

/** Text of a node without citation markers, and where each marker stood in it. */
function textOf(node: AnyNode): { text: string; markers: Map<string, number> } {
  let text = '';
  const markers = new Map<string, number>();
  const walk = (n: AnyNode): void => {
    if (isMarker(n)) {
      if (typeof n.properties.id === 'string') markers.set(n.properties.id, text.length);
      return;
    }
    if (n.type === 'text') text += n.value;
    else if (hasChildren(n)) for (const c of n.children as AnyNode[]) walk(c);
  };
  walk(node);
  return { text, markers };
}

interface Block {
  el: Element;
  parent: Root | Element;
  kind: 'heading' | 'paragraph';
  text: string;
  markers: Map<string, number>;
  section: string;
}

/** Headings, and paragraphs and list items outside quotations, in document order. */
function collectBlocks(tree: Root): Block[] {
  const out: Block[] = [];
  let section = '';
  const walk = (n: AnyNode, parent: Root | Element | undefined, inside: { li: boolean; quote: boolean }): void => {
    if (isElement(n)) {
      if (HEADING.test(n.tagName)) {
        const { text, markers } = textOf(n);
        section = text.replace(/\s+/g, ' ').trim();
        out.push({ el: n, parent: parent!, kind: 'heading', text, markers, section });
        return;
      }
      if (n.tagName === 'blockquote' || n.tagName === 'figure') return walkChildren(n, { ...inside, quote: true });
      const prose = (n.tagName === 'p' && !inside.li && !classes(n).includes('note-label')) || n.tagName === 'li';
      if (prose && !inside.quote) {
        const { text, markers } = textOf(n);
        if (text.trim() !== '') out.push({ el: n, parent: parent!, kind: 'paragraph', text, markers, section });
        else out.push({ el: n, parent: parent!, kind: 'paragraph', text: '', markers, section }); // holds markers only
      }
      return walkChildren(n, { ...inside, li: inside.li || n.tagName === 'li' });
    }
    if (hasChildren(n)) walkChildren(n as Root, inside);
  };
  const walkChildren = (n: Root | Element, inside: { li: boolean; quote: boolean }): void => {
    for (const c of n.children as AnyNode[]) walk(c, n, inside);
  };
  walkChildren(tree, { li: false, quote: false });
  return out;
}

/** Marker id → the position text of its row, for every marker in the positions table (#at-a-glance). */
function positionMarkers(tree: Root): Map<string, string> {
  const out = new Map<string, string>();
  const find = (n: AnyNode): Element | undefined => {
    if (isElement(n) && n.properties.id === AT_A_GLANCE_ID) return n;
    if (hasChildren(n)) for (const c of n.children as AnyNode[]) {
      const hit = find(c);
      if (hit) return hit;
    }
    return undefined;
  };
  const table = find(tree);
  const rows = (n: AnyNode): void => {
    if (isElement(n) && n.tagName === 'tr') {
      const cell = n.children.find((c): c is Element => isElement(c) && classes(c).includes('position'));
      const text = cell ? textOf(cell).text.replace(/\s+/g, ' ').trim() : '';
      for (const id of textOf(n).markers.keys()) out.set(id, text);
      return;
    }
    if (hasChildren(n)) for (const c of n.children as AnyNode[]) rows(c);
  };
  if (table) rows(table);
  return out;
}

const el = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({ type: 'element', tagName, properties, children });
const textNode = (value: string): ElementContent => ({ type: 'text', value });

export default function rehypeThesisAnchors(options: ThesisAnchorsOptions) {
  const thesesDir = resolve(options.thesesDir);
  return (tree: Root, file: VFile): void => {
    const path = file.path ? resolve(file.path) : '';
    if (!path.endsWith('.mdx') || relative(thesesDir, path).startsWith('..')) return;
    const page = `/theses/${basename(path, '.mdx')}/`;
    const blocks = collectBlocks(tree);

    // Headings keep the slugs Astro gives them (github-slugger, document order); set here so the ledger sees them.
    const slugger = new Slugger();
    for (const b of blocks) if (b.kind === 'heading' && typeof b.el.properties.id !== 'string') b.el.properties.id = slugger.slug(b.text);

    const prose = blocks.filter((b) => b.kind === 'paragraph' && b.text.trim() !== '');
    const ids = dedupe(prose.map((b) => anchorWithPrefix('p', b.text)));
    prose.forEach((b, i) => {
      const id = ids[i]!;
      b.el.properties.id = id;
      b.el.properties.className = [...classes(b.el), 'tpara'];
      b.el.properties.dataPagefindTitle = b.section || 'Thesis';
      // Thesis paragraphs are numbered in the order they appear; the number shows in the permalink (and in the
      // "Cite or share" control it becomes, src/scripts/cite-share.ts).
      // Kept out of the search index by the Pagefind integration's excludeSelectors (no attribute on every link).
      const link = el('a', { className: ['plink'], href: `#${id}` }, [textNode(`¶${i + 1}`)]);
      const last = b.el.children.at(-1);
      const into = b.el.tagName === 'li' && last && isElement(last) && last.tagName === 'p' ? last : b.el;
      into.children.push(textNode(' '), link);
    });

    // Citations: text fragments on the links; the citing paragraph and sentence on the records.
    const data = file.data as { astro?: { frontmatter?: { citations?: AnchoredCitation[] } } };
    const citations = data.astro?.frontmatter?.citations ?? [];
    const positions = positionMarkers(tree);
    for (const c of citations) {
      // A marker in the positions table is cited from the table, with its row's position as the sentence.
      const position = positions.get(c.id);
      if (position !== undefined) {
        c.paragraph = AT_A_GLANCE_ID;
        c.sentence = position;
        continue;
      }
      const holder = blocks.findIndex((b) => b.markers.has(c.id));
      const anchored = holder === -1 ? undefined : [...blocks.slice(0, holder + 1)].reverse().find((b) => b.kind === 'paragraph' && b.text.trim() !== '');
      if (!anchored) continue;
      c.paragraph = anchored.el.properties.id as string;
      const at = anchored === blocks[holder] ? anchored.markers.get(c.id)! : anchored.text.length;
      c.sentence = citingSentence(anchored.text, at);
    }

    // The anchor ledger: old ids inside their successors, tombstones in place.
    const anchored = blocks.filter((b) => typeof b.el.properties.id === 'string' && (b.kind === 'heading' || b.text.trim() !== ''));
    const declared = anchored.map((b) => ({ id: b.el.properties.id as string, text: b.text }));
    const view = ledgerView(page, declared);
    tree.children.push(el('script', { type: 'application/json', [DECLARATION_ATTRIBUTE]: '' }, [textNode(declarationJson({ page, anchors: declared }))]) as RootContent);
    const byId = new Map(anchored.map((b) => [b.el.properties.id as string, b]));
    for (const [id, olds] of view.aliases) {
      const b = byId.get(id);
      if (b) b.el.children.unshift(...olds.map((old) => el('span', { id: old, className: ['anchor-alias'] })));
    }
    const inserted = new Map<Element | undefined, number>();
    for (const t of view.tombstones) {
      const after = t.after === null ? undefined : byId.get(t.after);
      const first = anchored[0];
      const ref = after ?? first;
      const tag = ref?.el.tagName === 'li' ? 'li' : 'p';
      const notice = removalNotice(t);
      const note = el('p', { className: ['tombstone'], id: t.id, role: 'note', dataPagefindIgnore: 'all' }, [
        ...t.aliases.map((old) => el('span', { id: old, className: ['anchor-alias'] })),
        textNode(`${notice.text} `),
        ...(t.near ? [el('a', { href: `#${t.near}` }, [textNode(notice.link)])] : []),
      ]);
      if (tag === 'li') note.tagName = 'li';
      const parent = ref?.parent ?? tree;
      const key = after?.el;
      const at = (ref ? parent.children.indexOf(ref.el as never) + (after ? 1 : 0) : 0) + (inserted.get(key) ?? 0);
      inserted.set(key, (inserted.get(key) ?? 0) + 1);
      (parent.children as RootContent[]).splice(at, 0, note as RootContent);
    }
  };
}
