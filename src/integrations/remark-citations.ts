/**
 * Remark plugin: enforces the thesis content policy (Markdown plus <Cite>,
 * <Quote> and a few inline HTML elements; no import/export, no {expressions},
 * no other HTML), then resolves each `<Cite>` and `<Quote>` to a source
 * paragraph, renders it as plain HTML (no runtime component) and records the
 * resolved citations on the page's frontmatter for the evidence section and
 * for source-page backlinks.
 *
 * Every problem is attached to its node as a vfile message (with a rule id,
 * source `remark-citations`, real line and column); the plugin then fails once,
 * listing every problem of the file as
 * `file:line:column  <Element …>  rule-id: message`.
 */
import { basename, extname, relative } from 'node:path';
import type { Root, RootContent, PhrasingContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { visitParents, SKIP } from 'unist-util-visit-parents';
import { toString } from 'mdast-util-to-string';
import { sourcesFor } from '../lib/source-index.ts';
import { citationVerifier, isCitationFailure, type VerifiedCitation } from '../lib/verify-citation.ts';
import { clipLine as clip, closestName } from '../pipeline/normalise-text.ts';
import { formatDate } from '../lib/format.ts';
import { recordSiteLinks, underBase, type SiteLink } from '../lib/site-links.ts';
import { urls } from '../lib/urls.ts';
import { ATTRIBUTION_RULES, type AttributionRule } from '../pipeline/check-attribution.ts';
import { checkAnswer, checkSummary, liftPositions, renderedWords, renderPositions, SUMMARY_RULES, type SummaryRule } from './thesis-summary.ts';
import { checkVersion, VERSION_RULES, type VersionRule } from './thesis-version.ts';
import { CITATION_RULES, type CitationRequest, type CitationRule } from '../pipeline/resolve-citations.ts';

/** What each thesis page learns about its citations (frontmatter key `citations`): the checked citation and its marker. */
export interface PageCitation extends VerifiedCitation {
  /** Element id of the marker on the thesis page (`cite-3`). */
  id: string;
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;
type AnyNode = Root | RootContent;


// ---------------------------------------------------------------------------
// Content policy. A thesis is Markdown plus the citation components below and
// a few inline HTML elements; nothing in it runs at build time.
// ---------------------------------------------------------------------------

/** One attribute a component accepts. */
export interface AttributeSpec {
  required: boolean;
  /** What it means, for messages and documentation. */
  doc: string;
}

/** A citation component: the attributes it takes and what it may contain. */
export interface ComponentSpec {
  attributes: Readonly<Record<string, AttributeSpec>>;
  /**
   * `none`: self-closing only; `text`: the quoted words as plain text; `markdown`: paragraphs (Note);
   * `phrasing`: one line of prose with its citations (Position).
   */
  children: 'none' | 'text' | 'markdown' | 'phrasing';
}

/**
 * The citation components and their attributes. To add an attribute, add a
 * row here (and read it where the request is built, below); every other
 * attribute is rejected with a "did you mean" hint.
 */
export const COMPONENTS = {
  Cite: {
    children: 'none',
    attributes: {
      source: { required: true, doc: 'source id from seeds/sources.yaml' },
      quote: { required: true, doc: 'words copied verbatim from one article paragraph' },
      para: { required: false, doc: 'anchor of the paragraph, when the words occur in several' },
      by: { required: false, doc: 'whose view the claim reports: the words must be in that person’s direct or reported speech' },
      derivative: { required: false, doc: 'why a rewrite or republication is cited rather than its original' },
    },
  },
  Quote: {
    children: 'text',
    attributes: {
      source: { required: true, doc: 'source id from seeds/sources.yaml' },
      para: { required: false, doc: 'anchor of the paragraph, when the words occur in several' },
      by: { required: false, doc: 'who said the words: required when they are someone’s direct quotation' },
      derivative: { required: false, doc: 'why a rewrite or republication is cited rather than its original' },
    },
  },
  Note: {
    children: 'markdown',
    attributes: {
      date: { required: true, doc: 'when the site wrote the note, YYYY-MM-DD' },
    },
  },
  Position: {
    children: 'phrasing',
    attributes: {
      source: { required: true, doc: 'source id from seeds/sources.yaml: the source whose position this row states (src/integrations/thesis-summary.ts)' },
    },
  },
} as const satisfies Record<string, ComponentSpec>;
/** Components that cite (the others, like Note, hold prose). */
const CITING = new Set<string>(['Cite', 'Quote']);
export type ComponentName = keyof typeof COMPONENTS;
const isComponent = (name: string | null): name is ComponentName => name !== null && Object.hasOwn(COMPONENTS, name);

/**
 * The only HTML a thesis may contain: inline elements and the attributes each
 * may carry. Never script, style, meta, iframe, object, embed, link, base,
 * form or the like; never event handlers (`on…`) or `style`.
 */
export const INLINE_HTML: Readonly<Record<string, readonly string[]>> = {
  abbr: ['title', 'lang'],
  br: [],
  em: ['lang'],
  i: ['lang'],
  span: ['lang'],
  strong: ['lang'],
  sub: [],
  sup: [],
};
const VOID_HTML = new Set(['br']);

/** URL schemes a link may use; anything else (javascript:, data:, …) is rejected. Images must be on this site. */
const LINK_SCHEMES = new Set(['http', 'https', 'mailto']);

/** Rule ids of the content policy (the citation rules are in resolve-citations.ts). */
export const POLICY_RULES = [
  'esm',
  'expression',
  'raw-html',
  'wrong-case',
  'unknown-component',
  'children',
  'nested',
  'bad-attribute',
  'unknown-attribute',
  'duplicate-attribute',
  'missing-attribute',
  'unsafe-attribute',
  'unsafe-url',
  'uncited-paragraph',
  'derivative-cited',
] as const;
export type PolicyRule = (typeof POLICY_RULES)[number];
/** Every rule id this plugin can report. */
export const RULES: readonly (PolicyRule | CitationRule | AttributionRule | SummaryRule | VersionRule)[] = [...POLICY_RULES, ...CITATION_RULES, ...ATTRIBUTION_RULES, ...SUMMARY_RULES, ...VERSION_RULES];

const list = (names: Iterable<string>): string => [...names].join(', ') || 'none';
const hint = (name: string, candidates: Iterable<string>): string => {
  const near = closestName(name, candidates);
  return near ? `; did you mean "${near}"?` : '';
};

/** How an element is shown in messages: `<Cite source="x" quote="…">`. */
function describe(node: JsxElement, extra: Record<string, string> = {}): string {
  const shown = node.attributes.map((a) => {
    if (a.type === 'mdxJsxExpressionAttribute') return `{${clip(a.value, 20)}}`;
    if (a.value === null || a.value === undefined) return a.name;
    if (typeof a.value !== 'string') return `${a.name}={${clip(a.value.value, 20)}}`;
    return `${a.name}="${clip(a.value)}"`;
  });
  for (const [k, v] of Object.entries(extra)) shown.push(`${k}="${clip(v)}"`);
  return node.name === null ? '<>' : `<${[node.name, ...shown].join(' ')}>`;
}

/** A problem attached to a node of the tree. */
interface Problem {
  node: AnyNode | JsxElement['attributes'][number];
  label: string;
  rule: PolicyRule | CitationRule | AttributionRule | SummaryRule | VersionRule;
  message: string;
}

/** A citation element that passed the policy, with what it asks for. */
interface Candidate {
  node: JsxElement;
  label: string;
  request: CitationRequest;
  /** Whose words or view the thesis says these are (`by`). */
  by?: string | undefined;
  /** Why a derivative is cited in place of its original (`derivative`). */
  derivative?: string | undefined;
}

const isJsx = (node: AnyNode): node is JsxElement => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

/** An `{…}` expression that holds only comments (`{/* … *\/}`), which MDX drops. */
function isCommentOnly(node: { value: string; data?: { estree?: { body: unknown[] } | null | undefined } | undefined }): boolean {
  const estree = node.data?.estree;
  if (estree) return estree.body.length === 0;
  return node.value.replace(/\/\*[\s\S]*?\*\//g, '').trim() === '';
}

/**
 * A link's address as a browser reads it: a backslash is a slash (`\\evil.example/x` is `//evil.example/x`),
 * and leading and trailing white space is dropped.
 */
export const asBrowserReads = (url: string): string => url.trim().replaceAll('\\', '/');
/** A link that leaves the site: an http(s) address, or a protocol-relative one (`//evil.example`). */
const isExternal = (url: string): boolean => /^(?:https?:)?\/\//i.test(asBrowserReads(url));

function urlProblem(url: string, image: boolean): string | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim())?.[1]?.toLowerCase();
  if (image) return scheme || asBrowserReads(url).startsWith('//') ? `images must be files of this site, not "${clip(url)}"` : undefined;
  if (scheme && !LINK_SCHEMES.has(scheme)) return `links may use ${list([...LINK_SCHEMES].map((s) => `${s}:`))} or a path of this site, not "${clip(url)}"`;
  return undefined;
}

/** Checks attributes against a table of accepted names; returns the string values when all is well. */
function checkAttributes(
  el: JsxElement,
  label: string,
  accepted: readonly string[],
  required: readonly string[],
  problems: Problem[],
): Record<string, string> | undefined {
  const values: Record<string, string> = {};
  const seen = new Set<string>();
  const suggested = new Set<string>();
  let ok = true;
  const what = `<${el.name}>`;
  const takes = `${what} takes ${accepted.length ? list(accepted) : 'no attributes'}`;
  for (const attr of el.attributes) {
    if (attr.type === 'mdxJsxExpressionAttribute') {
      problems.push({ node: attr, label, rule: 'bad-attribute', message: `{${clip(attr.value, 30)}}: attributes must be plain name="string" pairs, not {expressions}` });
      ok = false;
      continue;
    }
    const name = attr.name;
    if (/^on/i.test(name) || name.toLowerCase() === 'style') {
      problems.push({ node: attr, label, rule: 'unsafe-attribute', message: `${name}: event handlers and style attributes are never allowed (${takes})` });
      ok = false;
      continue;
    }
    if (!accepted.includes(name)) {
      const near = closestName(name, accepted);
      if (near) suggested.add(near);
      problems.push({ node: attr, label, rule: 'unknown-attribute', message: `unknown attribute "${name}" of ${what}${near ? `; did you mean "${near}"?` : ''} (${takes})` });
      ok = false;
      continue;
    }
    if (seen.has(name)) {
      problems.push({ node: attr, label, rule: 'duplicate-attribute', message: `"${name}" is given more than once` });
      ok = false;
      continue;
    }
    seen.add(name);
    if (typeof attr.value !== 'string') {
      const given = attr.value === null || attr.value === undefined ? 'a name without a value' : `an {expression}`;
      problems.push({ node: attr, label, rule: 'bad-attribute', message: `${name} must be a plain "string" attribute, not ${given}` });
      ok = false;
      continue;
    }
    values[name] = attr.value;
  }
  const missing = required.filter((r) => !seen.has(r) && !suggested.has(r));
  if (missing.length) {
    problems.push({ node: el, label, rule: 'missing-attribute', message: `${what} needs ${missing.map((m) => `${m}="…"`).join(' and ')}` });
    ok = false;
  }
  return ok ? values : undefined;
}

/** Readable name of a Markdown construct, for "found …" messages. */
const CONSTRUCT: Record<string, string> = {
  emphasis: '*emphasis*',
  strong: '**strong emphasis**',
  delete: '~~strikethrough~~',
  inlineCode: '`code`',
  link: 'a link',
  linkReference: 'a link',
  image: 'an image',
  imageReference: 'an image',
  break: 'a line break',
  paragraph: 'several paragraphs',
};

/**
 * Applies the content policy to a whole tree: every problem is collected,
 * nothing is changed. Returns the citation elements that can be resolved.
 */
function checkPolicy(tree: Root, problems: Problem[]): Candidate[] {
  const candidates: Candidate[] = [];
  visitParents(tree, (node: AnyNode, ancestors: AnyNode[]) => {
    switch (node.type) {
      case 'mdxjsEsm':
        problems.push({ node, label: clip(node.value.split('\n')[0]!), rule: 'esm', message: 'import and export are not allowed: a thesis is Markdown plus <Cite> and <Quote>, and nothing in it runs at build time' });
        return SKIP;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isCommentOnly(node)) {
          problems.push({ node, label: `{${clip(node.value)}}`, rule: 'expression', message: 'JavaScript expressions are not allowed (only comments: {/* … */}); write the text itself' });
        }
        return SKIP;
      case 'html':
        problems.push({ node, label: clip(node.value), rule: 'raw-html', message: `raw HTML is not allowed; allowed inline elements: ${list(Object.keys(INLINE_HTML))}` });
        return SKIP;
      case 'link':
      case 'image':
      case 'definition': {
        const problem = urlProblem(node.url, node.type === 'image');
        const label = node.type === 'definition' ? `[${clip(node.label ?? node.identifier, 20)}]: ${clip(node.url, 40)}` : `${node.type === 'image' ? '!' : ''}[…](${clip(node.url, 40)})`;
        if (problem) problems.push({ node, label, rule: 'unsafe-url', message: problem });
        return;
      }
    }
    if (!isJsx(node)) return;
    const name = node.name;
    if (name !== null && isComponent(name)) return checkComponent(node, name, ancestors);
    const label = describe(node);
    if (name === null || !/^[a-z][a-z0-9]*$/i.test(name)) {
      problems.push({ node, label, rule: 'raw-html', message: `${name === null ? 'fragments (<>…</>) are' : `<${name}> is`} not allowed; allowed inline elements: ${list(Object.keys(INLINE_HTML))}` });
      return;
    }
    const proper = Object.keys(COMPONENTS).find((c) => c.toLowerCase() === name.toLowerCase());
    if (proper) {
      problems.push({ node, label, rule: 'wrong-case', message: `<${name}> is not the citation component: names are case-sensitive, write <${proper}>` });
      return;
    }
    if (/^[A-Z]/.test(name)) {
      problems.push({ node, label, rule: 'unknown-component', message: `unknown component <${name}>${hint(name, Object.keys(COMPONENTS))} (components: ${list(Object.keys(COMPONENTS))})` });
      return;
    }
    if (!Object.hasOwn(INLINE_HTML, name)) {
      problems.push({ node, label, rule: 'raw-html', message: `<${name}> is not allowed${hint(name, Object.keys(INLINE_HTML))}; allowed inline elements: ${list(Object.keys(INLINE_HTML))}` });
      return;
    }
    checkAttributes(node, label, INLINE_HTML[name]!, [], problems);
    if (VOID_HTML.has(name) && node.children.length > 0) problems.push({ node, label, rule: 'children', message: `<${name}> takes no content` });
    return;
  });
  return candidates;

  function checkComponent(el: JsxElement, name: ComponentName, ancestors: AnyNode[]): void {
    const spec: ComponentSpec = COMPONENTS[name];
    const quote = spec.children === 'text' ? toString(el) : undefined;
    const label = describe(el, quote === undefined ? {} : { quote });
    const before = problems.length;
    // Citations may stand inside a Note; nothing may stand inside a citation, and a Note is not nested.
    const outer = ancestors.filter(isJsx).find((a) => isComponent(a.name) && (CITING.has(a.name!) || !CITING.has(name)));
    if (outer) {
      problems.push({ node: el, label, rule: 'nested', message: `<${name}> cannot stand inside <${outer.name}> (line ${outer.position?.start.line ?? '?'}); put it after the closing tag` });
    }
    if (spec.children === 'none' && el.children.length > 0) {
      problems.push({ node: el, label, rule: 'children', message: `<${name}> takes no content: write <${name} … /> after the claim; its content "${clip(toString(el), 40)}" would be lost` });
    }
    if (spec.children === 'text') {
      const flowParagraph = el.type === 'mdxJsxFlowElement' && el.children.length === 1 && el.children[0]!.type === 'paragraph';
      let found: string | undefined;
      visitParents(el, (inner: AnyNode) => {
        if (inner === el || inner.type === 'text' || (flowParagraph && inner === el.children[0])) return;
        if (isJsx(inner) && !isComponent(inner.name)) {
          found ??= `<${inner.name ?? ''}>`;
          return SKIP;
        }
        if (isJsx(inner) || inner.type === 'mdxTextExpression' || inner.type === 'mdxFlowExpression') return SKIP; // their own rules
        found ??= CONSTRUCT[inner.type] ?? inner.type;
        return SKIP;
      });
      if (found) problems.push({ node: el, label, rule: 'children', message: `<${name}> holds only the quoted words as plain text; found ${found}` });
    }
    const entries = Object.entries(spec.attributes);
    const values = checkAttributes(el, label, entries.map(([k]) => k), entries.filter(([, a]) => a.required).map(([k]) => k), problems);
    if (spec.children === 'phrasing') {
      const wrapped = el.children.length === 1 && el.children[0]!.type === 'paragraph';
      if (el.type !== 'mdxJsxFlowElement' || !(wrapped || el.children.every((c) => c.type !== 'paragraph'))) {
        problems.push({ node: el, label, rule: 'children', message: `<${name}> holds one line of prose with its citations: put <${name} …>, the words and </${name}> on a line of its own` });
      }
      return;
    }
    // A derivative is cited for a reason the reader is shown: "derivative" or "derivative=' '" says nothing.
    if (values?.derivative !== undefined && (values.derivative.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length < 3) {
      problems.push({ node: el, label, rule: 'bad-attribute', message: `derivative must say in at least three words why the rewrite or republication is cited rather than its original (got "${clip(values.derivative, 40)}")` });
    }
    if (name === 'Note') {
      if (el.type !== 'mdxJsxFlowElement') {
        problems.push({ node: el, label, rule: 'children', message: '<Note> holds whole paragraphs: put <Note date="…"> and </Note> on lines of their own' });
      }
      if (values?.date !== undefined && !isCalendarDate(values.date)) {
        problems.push({ node: el, label, rule: 'bad-attribute', message: `date must be a real date written YYYY-MM-DD, not "${clip(values.date, 20)}"` });
      }
      return;
    }
    // An element with a problem of its own is not resolved: the fix may change what it asks for.
    if (!values || problems.length > before) return;
    const request: CitationRequest = {
      kind: name === 'Quote' ? 'quote' : 'cite',
      source: values.source ?? '',
      quote: quote ?? values.quote ?? '',
      para: values.para,
    };
    candidates.push({ node: el, label, request, by: values.by, derivative: values.derivative });
  }
}

/** A real calendar date written YYYY-MM-DD ("2025-13-45" is not one; never throws). */
const isCalendarDate = (s: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
};

/**
 * Links, once the file passed its checks: an external one (http:, https:, or protocol-relative, written out
 * as https:) gets rel="noopener noreferrer" and a mark that it leaves the site; a link to this site (a path
 * or #fragment, backslashes read as slashes, as browsers do) is written as the browser would read it and
 * collected, with its file, line and column, for the check at the end of the build that it names a page and
 * an anchor the build produced (src/integrations/thesis-links.ts). A path from the site's root (`/sources/x/`)
 * is written under `base` (`/explainer/sources/x/`), so a thesis links the same pages wherever the site is
 * deployed; relative paths and fragments need nothing.
 */
function renderLinks(tree: Root, name: string, page: string | undefined, base: string): void {
  const links: SiteLink[] = [];
  const definitions = new Map<string, string>();
  visitParents(tree, (node: AnyNode) => {
    if (node.type === 'definition') definitions.set(node.identifier, node.url);
  });
  visitParents(tree, (node: AnyNode) => {
    if (node.type !== 'link' && node.type !== 'linkReference' && node.type !== 'definition') return;
    const raw = node.type === 'linkReference' ? definitions.get(node.identifier) : node.url;
    if (raw === undefined) return;
    const at = node.position?.start;
    if (isExternal(raw)) {
      if (node.type === 'definition') node.url = asBrowserReads(raw).replace(/^\/\//, 'https://');
      if (node.type === 'link') node.url = asBrowserReads(raw).replace(/^\/\//, 'https://');
      if (node.type !== 'definition') {
        node.data = { ...node.data, hProperties: { ...(node.data as { hProperties?: object } | undefined)?.hProperties, rel: 'noopener noreferrer', className: ['external'] } };
        node.children.push({
          type: 'externalMark',
          // The arrow is seen, not read ("north east arrow"); screen readers read the words instead (CSS: .external-mark).
          data: {
            hName: 'span',
            hProperties: { className: ['external-mark'] },
            hChildren: [
              { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '\u00a0↗' }] },
              { type: 'element', tagName: 'span', properties: { className: ['visually-hidden'] }, children: [{ type: 'text', value: ' (another site)' }] },
            ],
          },
        } as unknown as PhrasingContent);
      }
      return;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(raw.trim())) return; // mailto: (other schemes failed the policy)
    const url = underBase(asBrowserReads(raw), base);
    if (node.type !== 'linkReference') node.url = url;
    if (node.type !== 'definition') links.push({ file: name, line: at?.line ?? 0, column: at?.column ?? 0, url: raw, page });
  });
  recordSiteLinks(name, links);
}

/**
 * Every prose paragraph (in list items too) must cite: it holds a <Cite> or
 * <Quote>, or, ending in a colon, introduces a quotation that stands on its
 * own right after it. Paragraphs inside a
 * <Note> (the site's own editorial voice, shown as such) and the quoted words
 * of a block <Quote> are exempt; headings and tables are not paragraphs.
 */
function checkCoverage(tree: Root, problems: Problem[]): void {
  visitParents(tree, (node: AnyNode, ancestors: AnyNode[]) => {
    if (isJsx(node) && isComponent(node.name)) return SKIP; // quoted words and Notes are exempt
    if (node.type !== 'paragraph') return;
    let cites = false;
    visitParents(node, (inner: AnyNode) => {
      if (isJsx(inner) && CITING.has(inner.name ?? '')) cites = true;
    });
    const parent = ancestors.at(-1) as { children: AnyNode[] } | undefined;
    const next = parent?.children[parent.children.indexOf(node) + 1];
    // An introduction ("Trenin put it this way:") to a quotation standing on its own is covered by it.
    const standsAlone = (n: AnyNode | undefined): boolean =>
      n !== undefined &&
      ((isJsx(n) && n.type === 'mdxJsxFlowElement' && CITING.has(n.name ?? '')) ||
        (n.type === 'paragraph' && n.children.filter((c) => !(c.type === 'text' && c.value.trim() === '')).every((c) => isJsx(c as AnyNode) && CITING.has((c as JsxElement).name ?? ''))));
    if (!cites && /:\s*$/.test(toString(node)) && standsAlone(next)) cites = true;
    if (cites) return SKIP;
    const text = toString(node).trim();
    if (text === '') return SKIP;
    problems.push({
      node,
      label: `"${clip(text, 40)}"`,
      rule: 'uncited-paragraph',
      message: 'this paragraph cites no source: add a <Cite> or <Quote> for its claims, or, if it is the site’s own editorial note, put it in <Note date="YYYY-MM-DD">',
    });
    return SKIP;
  });
}

/** Words that state someone's view, and numbers: a sentence with one after its paragraph's last citation is reported. */
const VIEW_OR_NUMBER = /\b(says?|said|argues?|argued|writes?|wrote|believes?|believed|claims?|claimed|thinks?|thought|insists?|insisted|told|according to|warns?|warned)\b|\d/i;

/**
 * Warnings (the build goes on): a sentence that states a view or a number
 * after the last citation of its paragraph, so no citation covers it. A simple
 * rule: sentences end at . ! ? followed by a space.
 */
function uncoveredClaims(tree: Root): { node: AnyNode; sentence: string }[] {
  const out: { node: AnyNode; sentence: string }[] = [];
  visitParents(tree, (node: AnyNode) => {
    if (isJsx(node) && node.name === 'Note') return SKIP;
    if (node.type !== 'paragraph') return;
    const children = node.children as AnyNode[];
    const last = children.findLastIndex((c) => isJsx(c) && CITING.has(c.name ?? ''));
    if (last === -1) return SKIP;
    const tail = children.slice(last + 1).map((c) => (isJsx(c) ? '' : toString(c))).join('');
    for (const sentence of tail.split(/(?<=[.!?])\s+/)) {
      if (/[\p{L}]/u.test(sentence) && VIEW_OR_NUMBER.test(sentence)) out.push({ node, sentence: sentence.trim() });
    }
    return SKIP;
  });
  return out;
}

/** Renders <Note date> as a visibly labelled editorial note (a div with role="note"). */
function renderNotes(tree: Root): void {
  visitParents(tree, (node: AnyNode, ancestors: AnyNode[]) => {
    if (!isJsx(node) || node.name !== 'Note') return;
    const date = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'date')?.value as string;
    const label = {
      type: 'paragraph',
      data: { hProperties: { className: ['note-label'] } },
      children: [{ type: 'strong', children: [{ type: 'text', value: 'Editorial note' }] }, { type: 'text', value: ` by this site, ${formatDate(date)}:` }],
    };
    const note = {
      type: 'editorialNote',
      data: { hName: 'div', hProperties: { className: ['editorial-note'], role: 'note' } },
      children: [label, ...node.children],
    };
    const parent = ancestors.at(-1) as { children: AnyNode[] };
    parent.children.splice(parent.children.indexOf(node), 1, note as unknown as AnyNode);
    return SKIP;
  });
}

/** "Trenin ¶12"; with `by`, the speaker too: "Galeotti in Kottasová (CNN) ¶18". */
export const markerLabel = (c: { label: string; n: number; by?: string | undefined; derivation?: string | undefined }): string =>
  `${c.by ? `${c.by} in ` : ''}${c.label} ¶${c.n}${c.derivation ? ` (${c.derivation})` : ''}`;

/** The marker link after a claim: "Trenin ¶12". */
function marker(c: PageCitation): PhrasingContent {
  return {
    type: 'citation',
    data: {
      hName: 'a',
      hProperties: {
        href: c.href,
        id: c.id,
        className: c.derivation ? ['cite', 'cite-derivative'] : ['cite'],
        ...(c.derivation ? { dataDerivative: c.derivativeReason ?? 'added' } : {}),
      },
      hChildren: [{ type: 'text', value: markerLabel(c) }],
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

/** Error thrown when a file breaks the policy or any citation fails; the message lists every problem. */
export class CitationError extends Error {
  /** Where the first problem is (Astro's error overlay shows it). */
  line: number | undefined;
  column: number | undefined;
  /** One vfile message per problem, in document order. */
  readonly messages: VFileMessage[];
  constructor(message: string, messages: VFileMessage[] = []) {
    super(message);
    this.messages = messages;
    this.name = 'CitationError';
    this.line = messages[0]?.line;
    this.column = messages[0]?.column;
  }
}

export interface RemarkCitationsOptions {
  /** Absolute path of `seeds/`. */
  seedsDir: string;
  /** Optional `content/people.yaml`: aliases a `by` may use ("the Russian president" → "Vladimir Putin"). */
  peopleFile?: string;
  /** Project root, for relative file names in messages. */
  root?: string;
  /** Absolute path of `content/theses/`: files there are thesis pages, which must open with "In brief". */
  thesesDir?: string;
  /** Absolute path of `content/home/`: files there are the home page's overall answer (short, every sentence cited). */
  answerDir?: string;
  /**
   * The base path the site is built for (`/` or `/explainer/`): a link written `/sources/x/` in a thesis names
   * a page from the site's root, and is rendered (and checked) as `<base>sources/x/`. Default: the site's
   * (src/lib/urls.ts, BASE_PATH), as citation markers use.
   */
  base?: string;
}

const startOf = (node: Problem['node']): { line: number; column: number } => node.position?.start ?? { line: 0, column: 0 };

export default function remarkCitations(options: RemarkCitationsOptions) {
  return (tree: Root, file: VFile): void => {
    const name = relative(options.root ?? process.cwd(), file.path || '(unknown file)');
    const problems: Problem[] = [];
    liftPositions(tree);
    const candidates = checkPolicy(tree, problems);
    checkCoverage(tree, problems);
    const inside = (dir: string | undefined): boolean => dir !== undefined && file.path !== undefined && !relative(dir, file.path).startsWith('..');
    const isThesis = inside(options.thesesDir);
    const entries = new Map((candidates.length > 0 || isThesis ? sourcesFor(options.seedsDir) : []).map((s) => [s.entry.id as string, s.entry]));
    problems.push(...checkSummary(tree, { required: isThesis, sourceIds: new Set(entries.keys()) }));
    // The page's version: its reader-visible text against the newest entry of its change log; and its length.
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    if (isThesis) {
      const { problem } = checkVersion(tree, data.astro.frontmatter, file.path);
      if (problem) problems.push({ node: { type: 'text', value: '', position: { start: { line: problem.line, column: 1 }, end: { line: problem.line, column: 1 } } } as AnyNode, label: problem.label, rule: problem.rule, message: problem.message });
      data.astro.frontmatter.words = renderedWords(tree);
    }
    if (inside(options.answerDir)) problems.push(...checkAnswer(tree));

    // Each citation checked as every citation of the site is (src/lib/verify-citation.ts).
    const verify = candidates.length > 0 ? citationVerifier({ seedsDir: options.seedsDir, peopleFile: options.peopleFile, root: options.root }) : undefined;
    const resolved: { candidate: Candidate; cite: PageCitation }[] = [];
    for (const candidate of candidates) {
      const result = verify!(candidate);
      if (isCitationFailure(result)) {
        problems.push({ node: candidate.node, label: candidate.label, rule: result.rule, message: result.message });
        continue;
      }
      resolved.push({ candidate, cite: { ...result, id: `cite-${resolved.length + 1}` } });
    }

    if (problems.length) {
      problems.sort((a, b) => startOf(a.node).line - startOf(b.node).line || startOf(a.node).column - startOf(b.node).column);
      const messages = problems.map((p) =>
        file.message(p.message, { place: p.node.position, ruleId: p.rule, source: 'remark-citations' }),
      );
      const lines = problems.map((p, i) => `  ${name}:${messages[i]!.line ?? '?'}:${messages[i]!.column ?? '?'}  ${p.label}  ${p.rule}: ${p.message}`);
      throw new CitationError(
        `Citation check failed: ${problems.length} problem${problems.length > 1 ? 's' : ''} in ${name}\n${lines.join('\n')}`,
        messages,
      );
    }

    for (const { node, sentence } of uncoveredClaims(tree)) {
      const at = node.position?.start;
      console.warn(`${name}:${at?.line ?? '?'}:${at?.column ?? '?'}  warning uncovered-claim: "${clip(sentence, 60)}" states a view or a number after the last citation of its paragraph`);
    }
    for (const { candidate, cite } of resolved) {
      const el = candidate.node;
      const replacement =
        cite.kind === 'cite'
          ? [marker(cite)]
          : el.type === 'mdxJsxFlowElement'
            ? [quoteNode(cite, true), { type: 'paragraph', children: [marker(cite)] } as RootContent]
            : [quoteNode(cite, false), { type: 'text', value: '\u00a0' } as PhrasingContent, marker(cite)];
      const parent = findParent(tree, el);
      parent.children.splice(parent.children.indexOf(el as never), 1, ...(replacement as never[]));
    }
    renderNotes(tree);
    renderPositions(tree, entries);
    renderLinks(tree, name, isThesis ? `/theses/${basename(file.path, extname(file.path))}/` : inside(options.answerDir) ? '/' : undefined, options.base ?? urls.base);
    data.astro.frontmatter.citations = resolved.map((r) => r.cite);
  };
}

/** The node whose children include `child`. */
function findParent(tree: Root, child: JsxElement): { children: RootContent[] } {
  let found: { children: RootContent[] } | undefined;
  visitParents(tree, (node: AnyNode, ancestors: AnyNode[]) => {
    if (node !== child) return;
    found = ancestors.at(-1) as { children: RootContent[] };
    return false;
  });
  if (!found) throw new Error('remark-citations: a citation element lost its parent');
  return found;
}
