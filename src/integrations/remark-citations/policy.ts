/**
 * Content policy of a thesis (and of the home page's answer): Markdown plus the
 * citation components below and a few inline HTML elements; no import/export,
 * no {expressions}, no other HTML, no unsafe link. checkPolicy collects every
 * problem of a tree without changing it and returns the citation elements that
 * can be resolved. Part of remark-citations (../remark-citations.ts).
 */
import type { Root } from 'mdast';
import { visitParents, SKIP } from 'unist-util-visit-parents';
import { toString } from 'mdast-util-to-string';
import { clipLine as clip, closestName } from '../../pipeline/normalise-text.ts';
import type { CitationRequest } from '../../lib/citation-model.ts';
import { reasonTooShort } from '../../checks/check-derivative.ts';
import { isJsx, list, type AnyNode, type Candidate, type JsxElement, type Problem } from './tree.ts';

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
export const CITING = new Set<string>(['Cite', 'Quote']);
export type ComponentName = keyof typeof COMPONENTS;
export const isComponent = (name: string | null): name is ComponentName => name !== null && Object.hasOwn(COMPONENTS, name);


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
export const isExternal = (url: string): boolean => /^(?:https?:)?\/\//i.test(asBrowserReads(url));

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
export function checkPolicy(tree: Root, problems: Problem[]): Candidate[] {
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
    if (values?.derivative !== undefined && reasonTooShort(values.derivative)) {
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
