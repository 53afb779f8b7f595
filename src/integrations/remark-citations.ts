/**
 * Remark plugin: finds `<Cite>` and `<Quote>` in MDX, resolves each to a
 * source paragraph, renders it as plain HTML (no runtime component) and
 * records the resolved citations on the page's frontmatter for the evidence
 * section and for source-page backlinks. Collects every problem in a file and
 * fails once, naming the file, line and citation.
 */
import { relative } from 'node:path';
import type { Root, RootContent, PhrasingContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { visit, SKIP } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import { sourcesFor } from '../lib/source-index.ts';
import type { Source } from '../pipeline/load-sources.ts';
import {
  buildCitationIndex,
  isProblem,
  resolveCitation,
  type CitationIndex,
  type CitationRequest,
  type ResolvedCitation,
} from '../pipeline/resolve-citations.ts';

/** What each thesis page learns about its citations (frontmatter key `citations`). */
export interface PageCitation extends ResolvedCitation {
  /** Element id of the marker on the thesis page (`cite-3`). */
  id: string;
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;
const NAMES = new Set(['Cite', 'Quote']);

/** Id of the evidence excerpt on the thesis page that previews this paragraph. */
export const evidenceId = (c: { source: string; anchor: string }): string => `ev-${c.source}-${c.anchor}`;

function attributes(node: JsxElement): { values: Record<string, string>; bad: string[] } {
  const values: Record<string, string> = {};
  const bad: string[] = [];
  for (const attr of node.attributes) {
    if (attr.type !== 'mdxJsxAttribute' || typeof attr.value !== 'string') bad.push(attr.type === 'mdxJsxAttribute' ? attr.name : '{…}');
    else values[attr.name] = attr.value;
  }
  return { values, bad };
}

function describe(node: JsxElement, values: Record<string, string>): string {
  const shown = Object.entries(values).map(([k, v]) => `${k}="${v.length > 50 ? v.slice(0, 49) + '…' : v}"`);
  return `<${node.name} ${shown.join(' ')}>`;
}

/** The marker link after a claim: "Trenin ¶12". */
function marker(c: PageCitation): PhrasingContent {
  return {
    type: 'citation',
    data: {
      hName: 'a',
      hProperties: {
        href: c.href,
        id: c.id,
        className: ['cite'],
        dataPreview: evidenceId(c),
      },
      hChildren: [{ type: 'text', value: `${c.label} ¶${c.n}` }],
    },
  } as unknown as PhrasingContent;
}

function quoteNode(c: PageCitation, block: boolean): RootContent {
  const text = { type: 'text', value: c.exact };
  const children = block
    ? [{ type: 'element', tagName: 'p', properties: {}, children: [text] }]
    : [text];
  return {
    type: 'citedQuote',
    data: { hName: block ? 'blockquote' : 'q', hProperties: { cite: c.href }, hChildren: children },
  } as unknown as RootContent;
}

/** The citation index of the current sources (shared with the loader; rebuilt only when seeds change). */
const indexes = new WeakMap<Source[], CitationIndex>();
function indexFor(seedsDir: string): CitationIndex {
  const sources = sourcesFor(seedsDir);
  let index = indexes.get(sources);
  if (!index) indexes.set(sources, (index = buildCitationIndex(sources)));
  return index;
}

/** Error thrown when any citation of a file fails; the message lists them all. */
export class CitationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CitationError';
  }
}

export interface RemarkCitationsOptions {
  /** Absolute path of `seeds/`. */
  seedsDir: string;
  /** Project root, for relative file names in messages. */
  root?: string;
}

export default function remarkCitations(options: RemarkCitationsOptions) {
  return (tree: Root, file: VFile): void => {
    const index = indexFor(options.seedsDir);
    const name = relative(options.root ?? process.cwd(), file.path || '(unknown file)');
    const problems: string[] = [];
    const resolved: PageCitation[] = [];

    visit(tree, (node, position, parent) => {
      if ((node.type !== 'mdxJsxTextElement' && node.type !== 'mdxJsxFlowElement') || !NAMES.has(node.name ?? '')) return;
      if (!parent || position === undefined) return;
      const el = node as JsxElement;
      const at = `${name}:${el.position?.start.line ?? '?'}:${el.position?.start.column ?? '?'}`;
      const { values, bad } = attributes(el);
      const kind = el.name === 'Quote' ? 'quote' : 'cite';
      const quote = kind === 'quote' ? toString(el) : values.quote ?? '';
      const req: CitationRequest = { kind, source: values.source ?? '', quote, para: values.para };
      const label = describe(el, kind === 'quote' ? { ...values, quote } : values);
      if (bad.length) {
        problems.push(`  ${at}  ${label}  bad-attribute: ${bad.join(', ')} must be plain "string" attributes`);
        return SKIP;
      }
      const result = resolveCitation(req, index);
      if (isProblem(result)) {
        problems.push(`  ${at}  ${label}  ${result.rule}: ${result.message}`);
        return SKIP;
      }
      const cite: PageCitation = { ...result, id: `cite-${resolved.length + 1}` };
      resolved.push(cite);
      const replacement =
        kind === 'cite'
          ? [marker(cite)]
          : el.type === 'mdxJsxFlowElement'
            ? [quoteNode(cite, true), { type: 'paragraph', children: [marker(cite)] } as RootContent]
            : [quoteNode(cite, false), { type: 'text', value: '\u00a0' } as PhrasingContent, marker(cite)];
      (parent.children as RootContent[]).splice(position, 1, ...(replacement as RootContent[]));
      return [SKIP, position + replacement.length];
    });

    if (problems.length) {
      throw new CitationError(
        `Citation check failed: ${problems.length} problem${problems.length > 1 ? 's' : ''} in ${name}\n${problems.join('\n')}`,
      );
    }
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.citations = resolved;
  };
}
