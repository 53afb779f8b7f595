/**
 * The top of a thesis page: "In brief" and "Positions at a glance".
 *
 * A thesis opens with a section headed `## In brief`: its answer in at most
 * {@link IN_BRIEF_MAX_WORDS} words (words as rendered: the words of a <Quote>
 * count, citation markers do not), every sentence citing. Under it stand the
 * positions, one element per source the thesis draws on:
 *
 *     <Position source="trenin-2021">Keeping NATO out of Ukraine is what Putin
 *     cares about most.<Cite source="trenin-2021" quote="…" /></Position>
 *
 * Each position is at most {@link POSITION_MAX_WORDS} words and cites its own
 * source at least once (those citations become the row's links to the key
 * paragraphs). The build renders the positions as one table (`#at-a-glance`),
 * with who, when and what kind of text taken from the manifest: the page
 * renders what the pipeline knows, nobody types it twice.
 *
 * The checks are pure functions over the MDX tree; the rendering runs after
 * remark-citations has turned every citation into its marker.
 */
import type { Root, RootContent, Heading, Paragraph } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { toString } from 'mdast-util-to-string';
import type { ManifestEntry } from '../pipeline/manifest.ts';
import { describeKind } from '../models/source-kind.ts';
import { whenOf } from '../lib/format.ts';
import { clipLine as clip } from '../pipeline/normalise-text.ts';

export const IN_BRIEF_MAX_WORDS = 80;
/** The home page's overall answer (content/home/answer.mdx). */
export const ANSWER_MAX_WORDS = 100;
export const POSITION_MAX_WORDS = 25;
export const IN_BRIEF_HEADING = 'In brief';
/** Element id of the answer's section heading and of the positions table. */
export const IN_BRIEF_ID = 'in-brief';
export const AT_A_GLANCE_ID = 'at-a-glance';

export const SUMMARY_RULES = [
  'missing-in-brief',
  'in-brief-length',
  'in-brief-uncited',
  'position-placement',
  'position-length',
  'position-uncited',
  'position-duplicate',
  'position-source',
  'answer-length',
] as const;
export type SummaryRule = (typeof SUMMARY_RULES)[number];

type AnyNode = Root | RootContent;
type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;
const isJsx = (node: AnyNode): node is JsxElement => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
const CITING = new Set(['Cite', 'Quote']);
const isCiting = (node: AnyNode): boolean => isJsx(node) && CITING.has(node.name ?? '');

export interface SummaryProblem {
  node: AnyNode;
  label: string;
  rule: SummaryRule;
  message: string;
}

/** Words as a reader sees them: a <Cite> adds none (its marker is not prose), a <Quote> adds its words. */
export function renderedWords(node: AnyNode): number {
  let words = 0;
  const walk = (n: AnyNode): void => {
    if (isJsx(n) && n.name === 'Cite') return;
    if (n.type === 'text') words += (n.value.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu) ?? []).length;
    else if ('children' in n) for (const c of n.children as AnyNode[]) walk(c);
  };
  walk(node);
  return words;
}

/**
 * The sentences of a paragraph, each with whether it cites: a citation inside
 * a sentence, or right after its closing punctuation (before the next
 * sentence's first word), belongs to it. Sentences end at . ! ? (after any
 * closing quote or bracket) followed by a space or the end.
 */
export function sentences(paragraph: Paragraph | JsxElement): { text: string; cites: boolean }[] {
  const out: { text: string; cites: boolean }[] = [];
  let current = { text: '', cites: false };
  let ended = false; // the current sentence has ended; a citation now still belongs to it
  const close = (): void => {
    if (/[\p{L}\p{N}]/u.test(current.text)) out.push({ text: current.text.trim(), cites: current.cites });
    current = { text: '', cites: false };
    ended = false;
  };
  const inline = (n: AnyNode): void => {
    if (isCiting(n)) {
      // A quotation after a full stop opens the next sentence; a bare marker there closes the last one.
      if (isJsx(n) && n.name === 'Quote') {
        if (ended) close();
        current.text += `“${toString(n)}”`;
      }
      current.cites = true;
      return;
    }
    if (n.type === 'text') {
      for (const piece of n.value.split(/(?<=[.!?]['"’”)\]]*)(?=\s|$)/u)) {
        if (ended && /[\p{L}\p{N}]/u.test(piece)) close();
        current.text += piece;
        if (/[.!?]['"’”)\]]*$/u.test(piece)) ended = true;
      }
      return;
    }
    if ('children' in n) for (const c of n.children as AnyNode[]) inline(c);
  };
  for (const c of paragraph.children as AnyNode[]) inline(c);
  close();
  return out;
}

/**
 * Positions written on consecutive lines parse as one paragraph of inline
 * elements: lift each to a block element of its own, in place, so every later
 * step sees one <Position> per row. Only a paragraph that holds nothing but
 * positions (and the line breaks between them) is lifted.
 */
export function liftPositions(tree: Root): void {
  const walk = (parent: { children: AnyNode[] }): void => {
    for (let i = 0; i < parent.children.length; i++) {
      const n = parent.children[i]!;
      if (n.type === 'paragraph') {
        const kids = n.children as AnyNode[];
        const positions = kids.filter((c) => isJsx(c) && c.name === 'Position') as MdxJsxTextElement[];
        const onlyPositions = positions.length > 0 && kids.every((c) => positions.includes(c as MdxJsxTextElement) || (c.type === 'text' && c.value.trim() === ''));
        if (onlyPositions) {
          const lifted = positions.map((el) => ({ ...el, type: 'mdxJsxFlowElement' }) as unknown as AnyNode);
          parent.children.splice(i, 1, ...lifted);
          i += lifted.length - 1;
        }
      } else if ('children' in n && !(isJsx(n) && n.name === 'Position')) walk(n as { children: AnyNode[] });
    }
  };
  walk(tree as { children: AnyNode[] });
}

const attr = (el: JsxElement, name: string): string | undefined => {
  const a = el.attributes.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
  return a && typeof a.value === 'string' ? a.value : undefined;
};
const isInBriefHeading = (n: AnyNode): n is Heading => n.type === 'heading' && n.depth === 2 && toString(n).trim() === IN_BRIEF_HEADING;

/** A problem for each sentence of these paragraphs that cites nothing (In brief, and the home page's answer). */
function uncitedSentences(paragraphs: readonly Paragraph[]): SummaryProblem[] {
  return paragraphs.flatMap((p) =>
    sentences(p)
      .filter((s) => !s.cites)
      .map((s) => ({ node: p, label: `"${clip(s.text, 40)}"`, rule: 'in-brief-uncited' as const, message: 'every sentence of the answer cites: add a <Cite> or <Quote> to this sentence' })),
  );
}

/**
 * Checks the In brief section and the positions. `required`: the file is a
 * thesis page, which must open with the section. `sourceIds`: the manifest's.
 */
export function checkSummary(tree: Root, options: { required: boolean; sourceIds: ReadonlySet<string> }): SummaryProblem[] {
  const problems: SummaryProblem[] = [];
  const top = tree.children.filter((n) => n.type !== 'mdxFlowExpression' && n.type !== 'mdxjsEsm'); // comments and (refused) imports aside
  const at = top.findIndex(isInBriefHeading);
  if (options.required && at !== 0) {
    problems.push({
      node: at === -1 ? (top[0] ?? tree) : top[at]!,
      label: at === -1 ? clip(toString(top[0] ?? tree)) : `## ${IN_BRIEF_HEADING}`,
      rule: 'missing-in-brief',
      message: `a thesis opens with "## ${IN_BRIEF_HEADING}": its answer in at most ${IN_BRIEF_MAX_WORDS} words, every sentence cited, then one <Position> per source`,
    });
  }
  const section: AnyNode[] = [];
  if (at !== -1) for (const n of top.slice(at + 1)) {
    if (n.type === 'heading') break;
    section.push(n);
  }
  // The answer: its paragraphs (positions and notes aside).
  const paragraphs = section.filter((n): n is Paragraph => n.type === 'paragraph');
  const words = paragraphs.reduce((sum, p) => sum + renderedWords(p), 0);
  if (at !== -1 && words > IN_BRIEF_MAX_WORDS) {
    problems.push({ node: top[at]!, label: `## ${IN_BRIEF_HEADING}`, rule: 'in-brief-length', message: `the answer runs ${words} words; at most ${IN_BRIEF_MAX_WORDS} (quoted words count, citation markers do not)` });
  }
  if (at !== -1 && paragraphs.length === 0) {
    problems.push({ node: top[at]!, label: `## ${IN_BRIEF_HEADING}`, rule: 'in-brief-length', message: 'the section holds no answer: write it in a paragraph under the heading' });
  }
  problems.push(...uncitedSentences(paragraphs));
  // Positions: only in the In brief section, one per source, short, citing their own source.
  const inSection = new Set(section);
  const seen = new Map<string, JsxElement>();
  const visit = (n: AnyNode): void => {
    if (isJsx(n) && n.name === 'Position') {
      const source = attr(n, 'source');
      const label = `<Position source="${clip(source ?? '', 30)}">`;
      if (!inSection.has(n)) {
        problems.push({ node: n, label, rule: 'position-placement', message: `a <Position> stands on its own line in the "${IN_BRIEF_HEADING}" section, after the answer` });
        return;
      }
      if (source === undefined) return; // missing-attribute, reported by the policy
      if (!options.sourceIds.has(source)) {
        problems.push({ node: n, label, rule: 'position-source', message: `no source "${source}" in seeds/sources.yaml` });
        return;
      }
      const earlier = seen.get(source);
      if (earlier) {
        problems.push({ node: n, label, rule: 'position-duplicate', message: `one position per source: ${source} already has one (line ${earlier.position?.start.line ?? '?'})` });
      } else seen.set(source, n);
      const count = renderedWords(n);
      if (count > POSITION_MAX_WORDS) problems.push({ node: n, label, rule: 'position-length', message: `the position runs ${count} words; at most ${POSITION_MAX_WORDS}` });
      let cites = false;
      const find = (c: AnyNode): void => {
        if (isCiting(c) && isJsx(c) && attr(c, 'source') === source) cites = true;
        else if ('children' in c) (c.children as AnyNode[]).forEach(find);
      };
      find(n);
      if (!cites) problems.push({ node: n, label, rule: 'position-uncited', message: `a position cites the key paragraphs of its own source: add a <Cite source="${source}" …> or <Quote source="${source}">` });
      return;
    }
    if ('children' in n) (n.children as AnyNode[]).forEach(visit);
  };
  visit(tree);
  return problems;
}

/**
 * The home page's overall answer: the whole file is the answer, at most
 * {@link ANSWER_MAX_WORDS} words as rendered, every sentence citing.
 */
export function checkAnswer(tree: Root): SummaryProblem[] {
  const problems: SummaryProblem[] = [];
  const paragraphs: Paragraph[] = [];
  const walk = (n: AnyNode): void => {
    if (n.type === 'paragraph') paragraphs.push(n);
    else if ('children' in n && !isJsx(n)) (n.children as AnyNode[]).forEach(walk);
  };
  walk(tree);
  const words = paragraphs.reduce((sum, p) => sum + renderedWords(p), 0);
  if (words > ANSWER_MAX_WORDS || paragraphs.length === 0) {
    problems.push({ node: paragraphs[0] ?? tree, label: `"${clip(toString(tree), 40)}"`, rule: 'answer-length', message: `the overall answer runs ${words} words; it must have some, and at most ${ANSWER_MAX_WORDS} (quoted words count, citation markers do not)` });
  }
  problems.push(...uncitedSentences(paragraphs));
  return problems;
}

// ---------------------------------------------------------------------------
// Rendering (after the citations are markers)
// ---------------------------------------------------------------------------

const h = (tagName: string, properties: Record<string, unknown>, children: unknown[]): unknown => ({ type: 'element', tagName, properties, children });
const text = (value: string): unknown => ({ type: 'text', value });
const isMarkerNode = (n: AnyNode): boolean => (n as { type: string }).type === 'citation';

/** Who wrote a source, for the table: "Dmitri Trenin, Foreign Affairs"; an unsigned text says so. */
export function whoOf(entry: ManifestEntry): string {
  const who = [entry.author, entry.outlet].filter(Boolean).join(', ');
  return who || 'Unsigned';
}

export { whenOf };

/**
 * Replaces the run of <Position> elements with the positions table (hast via
 * mdast `data`), rows in the order written. The markers inside a position move
 * to its last cell, "Key paragraphs".
 */
export function renderPositions(tree: Root, entries: ReadonlyMap<string, ManifestEntry>): void {
  const positions = tree.children.filter((n): n is MdxJsxFlowElement => n.type === 'mdxJsxFlowElement' && n.name === 'Position');
  if (positions.length === 0) return;
  const byId = new Map([...entries].map(([id, e]) => [id, { ...e, id }]));
  const rows = positions.map((el) => {
    const entry = entries.get(attr(el, 'source') ?? '')!;
    const inline = el.children.length === 1 && el.children[0]!.type === 'paragraph' ? (el.children[0] as Paragraph).children : (el.children as AnyNode[]);
    const markers: unknown[] = [];
    const words: AnyNode[] = [];
    for (const c of inline as AnyNode[]) (isMarkerNode(c) ? markers : words).push(c);
    // Trailing no-break spaces left between a quotation and its marker.
    const last = words.at(-1);
    if (last?.type === 'text') last.value = last.value.replace(/[\s\u00a0]+$/u, '');
    // In the row the source is named once; its markers say only which paragraph ("¶17").
    for (const m of markers as { data?: { hChildren?: { type: string; value: string }[] } }[]) {
      const label = m.data?.hChildren?.[0];
      if (label?.type === 'text') label.value = label.value.slice(label.value.lastIndexOf('¶'));
    }
    const links = markers.flatMap((m, i) => (i === 0 ? [m] : [text(' '), m]));
    return {
      type: 'positionRow',
      data: { hName: 'tr', hProperties: {} },
      children: [
        { type: 'positionCell', data: { hName: 'th', hProperties: { scope: 'row' } }, children: [{ type: 'text', value: whoOf(entry) }] },
        { type: 'positionCell', data: { hName: 'td', hProperties: { className: ['when'] } }, children: [{ type: 'text', value: whenOf(entry) }] },
        { type: 'positionCell', data: { hName: 'td', hProperties: { className: ['kind'] } }, children: [{ type: 'text', value: describeKind({ ...entry }, byId).replace(/:.*$/, '') }] },
        { type: 'positionCell', data: { hName: 'td', hProperties: { className: ['position'] } }, children: words },
        { type: 'positionCell', data: { hName: 'td', hProperties: { className: ['keys'] } }, children: links },
      ],
    };
  });
  const headings = ['Source', 'When', 'Kind of text', 'Position', 'Key paragraphs'].map((t) => h('th', { scope: 'col' }, [text(t)]));
  const table = {
    type: 'positionsTable',
    data: { hName: 'section', hProperties: { className: ['glance'], id: AT_A_GLANCE_ID, ariaLabel: 'Positions at a glance' } },
    children: [
      {
        type: 'positionsInner',
        data: { hName: 'table', hProperties: {} },
        children: [
          { type: 'positionsCaption', data: { hName: 'caption', hChildren: [text('Positions at a glance')] }, children: [] },
          { type: 'positionsHead', data: { hName: 'thead', hChildren: [h('tr', {}, headings)] }, children: [] },
          { type: 'positionsBody', data: { hName: 'tbody', hProperties: {} }, children: rows },
        ],
      },
    ],
  };
  const first = tree.children.indexOf(positions[0]!);
  for (const p of positions) tree.children.splice(tree.children.indexOf(p), 1);
  tree.children.splice(first, 0, table as unknown as RootContent);
}
