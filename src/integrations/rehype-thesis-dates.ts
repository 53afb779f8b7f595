/**
 * Rehype plugin for thesis pages, run after rehype-thesis-anchors: each
 * explicit date in a thesis's own words ("in December 2021", "February 24,
 * 2022", "in 2008") becomes a `<DateRef>` element naming the date and the
 * paragraphs its sentence cites (its paragraph's citations when the sentence
 * has none). The thesis page renders `<DateRef>` (src/components/DateRef.astro)
 * as a link to the timeline entry that matches (src/models/timeline.ts
 * `entryForProseDate`), or as plain text when none or several do: this plugin
 * only finds the dates; the page, which has the timeline, decides.
 *
 * Dates are found by the pipeline's dates stage (src/pipeline/dates.ts), so a
 * thesis and its sources read dates by the same rules. Only explicit dates of
 * a day, month or year are marked; words inside quotations, links, citation
 * markers and headings are left alone (a quotation is the source's words).
 */
import { relative, resolve } from 'node:path';
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import type { MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { datesInText } from '../pipeline/dates.ts';
import { sentenceBounds } from '../pipeline/dates/clause.ts';
import type { PageCitation } from '../lib/citation-model.ts';
import { classes, isElement } from './rehype-thesis-anchors.ts';

export interface ThesisDatesOptions {
  /** Absolute path of `content/theses/`: only files there are thesis pages. */
  thesesDir: string;
}

/** The MDX component name the thesis page supplies. */
export const DATE_REF = 'DateRef';

type AnyNode = Root | RootContent;
/** Elements whose words are never marked: quotations, links (markers too), code, headings, anchors' spans. */
const CLOSED = /^(?:a|q|code|pre|blockquote|figure|h[1-6]|span)$/;

interface Segment {
  node: Text;
  parent: Element;
  start: number;
  /** The text may be marked (not inside a closed element). */
  open: boolean;
}

/** The paragraph's text, its text nodes with their offsets, and each citation marker's offset. */
function flatten(block: Element): { text: string; segments: Segment[]; markers: Map<string, number> } {
  let text = '';
  const segments: Segment[] = [];
  const markers = new Map<string, number>();
  const walk = (n: ElementContent, parent: Element, open: boolean): void => {
    if (n.type === 'text') {
      segments.push({ node: n, parent, start: text.length, open });
      text += n.value;
    } else if (n.type === 'element') {
      if (n.tagName === 'a' && classes(n).includes('cite')) {
        if (typeof n.properties.id === 'string') markers.set(n.properties.id, text.length);
        return;
      }
      if (n.tagName === 'a' && classes(n).includes('plink')) return;
      for (const c of n.children) walk(c, n, open && !CLOSED.test(n.tagName));
    }
  };
  for (const c of block.children) walk(c, block, true);
  return { text, segments, markers };
}

/** Thesis paragraphs (the anchored prose blocks rehype-thesis-anchors marked `tpara`). */
function paragraphs(tree: Root): Element[] {
  const out: Element[] = [];
  const walk = (n: AnyNode): void => {
    if (isElement(n) && classes(n).includes('tpara')) {
      out.push(n);
      return;
    }
    if ('children' in n) for (const c of n.children as AnyNode[]) walk(c);
  };
  walk(tree);
  return out;
}

const MARKED = new Set(['day', 'month', 'year']);

/** Mark the dates of one paragraph; `citeOf` gives a marker's `source#anchor`. */
export function markDates(block: Element, citeOf: (markerId: string) => string | undefined): number {
  const { text, segments, markers } = flatten(block);
  if (!/\d/.test(text)) return 0;
  const bounds = sentenceBounds(text);
  const cited = [...markers].flatMap(([id, at]) => {
    const cite = citeOf(id);
    return cite ? [{ cite, at }] : [];
  });
  // The sentence holding an offset; a marker belongs to the last sentence starting before it (a marker right
  // after the full stop cites the sentence it ends).
  const sentenceAt = (offset: number, marker = false): number => {
    let i = 0;
    for (let k = 0; k < bounds.length; k++) if (marker ? bounds[k]![0] < offset : bounds[k]![0] <= offset) i = k;
    return i;
  };
  const all = [...new Set(cited.map((c) => c.cite))];
  let count = 0;
  const mentions = datesInText(text).filter((m) => m.date !== null && m.explicit && MARKED.has(m.precision) && m.end === undefined);
  // Right to left, so splitting a text node leaves the earlier offsets valid.
  for (const found of mentions.reverse()) {
    // "(2008)": the link covers the date, not the brackets around it.
    const lead = /^[([]*/u.exec(found.words)![0].length;
    const trail = /[)\]]*$/u.exec(found.words)![0].length;
    const m = { ...found, offset: found.offset + lead, words: found.words.slice(lead, found.words.length - trail) };
    const seg = segments.find((s) => s.open && s.start <= m.offset && m.offset + m.words.length <= s.start + s.node.value.length);
    if (!seg) continue;
    const s = sentenceAt(m.offset);
    const own = [...new Set(cited.filter((c) => sentenceAt(c.at, true) === s).map((c) => c.cite))];
    const cites = own.length ? own : all;
    if (!cites.length) continue;
    const at = m.offset - seg.start;
    const value = seg.node.value;
    const ref: MdxJsxTextElementHast = {
      type: 'mdxJsxTextElement',
      name: DATE_REF,
      attributes: [
        { type: 'mdxJsxAttribute', name: 'date', value: m.date! },
        { type: 'mdxJsxAttribute', name: 'cites', value: cites.join(' ') },
      ],
      children: [{ type: 'text', value: m.words }],
    };
    const parts: ElementContent[] = [
      ...(at > 0 ? [{ type: 'text', value: value.slice(0, at) } as Text] : []),
      ref,
      ...(at + m.words.length < value.length ? [{ type: 'text', value: value.slice(at + m.words.length) } as Text] : []),
    ];
    const i = seg.parent.children.indexOf(seg.node);
    seg.parent.children.splice(i, 1, ...parts);
    // Later (leftward) mentions in the same node find it through the first part.
    const head = parts[0];
    if (head && head.type === 'text' && at > 0) seg.node = head;
    count++;
  }
  return count;
}

export default function rehypeThesisDates(options: ThesisDatesOptions) {
  const thesesDir = resolve(options.thesesDir);
  return (tree: Root, file: VFile): void => {
    const path = file.path ? resolve(file.path) : '';
    if (!path.endsWith('.mdx') || relative(thesesDir, path).startsWith('..')) return;
    const data = file.data as { astro?: { frontmatter?: { citations?: PageCitation[] } } };
    const byId = new Map((data.astro?.frontmatter?.citations ?? []).map((c) => [c.id, `${c.source}#${c.anchor}`]));
    for (const p of paragraphs(tree)) markDates(p, (id) => byId.get(id));
  };
}
