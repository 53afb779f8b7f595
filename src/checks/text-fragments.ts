/**
 * Text fragments (https://wicg.github.io/scroll-to-text-fragment/) for citation
 * links: `/sources/<id>/#<anchor>:~:text=[prefix-,]start[,end][,-suffix]`.
 * Browsers that support them scroll to and highlight the quoted words with no
 * script; the others ignore the directive and land on the paragraph.
 *
 * A browser highlights the first place in the page the directive matches, so
 * the build chooses a directive that matches exactly once, in the cited
 * paragraph at the quoted words, and adds a prefix or a suffix (up to three
 * words of the paragraph) only where the words alone occur elsewhere on the
 * page; where even that recurs later on the page (a citing sentence quoting
 * the whole paragraph), one whose first match is the cited words. Matching is modelled as browsers do it: case-insensitive, whitespace
 * runs as one space, terms starting and ending at word boundaries, each term
 * within one block of text (a paragraph). Quotations of more than
 * SHORT_QUOTE words use `start,end` (their first and last four words) rather
 * than the whole text. Pure.
 */

export interface TextDirective {
  prefix?: string | undefined;
  start: string;
  end?: string | undefined;
  suffix?: string | undefined;
}

/** Quotations up to this many words are given whole as the directive's start. */
export const SHORT_QUOTE = 8;
/** Words of start and end for longer quotations. */
const EDGE_WORDS = 4;
/** At most this many words of context as prefix or suffix. */
const MAX_CONTEXT = 3;

const isWord = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}\p{M}]/u.test(ch);
const boundary = (text: string, i: number): boolean => !(isWord(text[i - 1]) && isWord(text[i]));
const collapse = (s: string): string => s.replace(/\s+/gu, ' ');

/** Lower case where that keeps the length (so offsets stay aligned); whitespace runs as one space. */
function fold(text: string): { text: string; origin: number[] } {
  let out = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/u.test(ch)) {
      if (out.endsWith(' ')) continue;
      out += ' ';
      origin.push(i);
      continue;
    }
    const lower = ch.toLowerCase();
    out += lower.length === 1 ? lower : ch;
    origin.push(i);
  }
  origin.push(text.length);
  return { text: out, origin };
}
const foldTerm = (s: string): string => fold(collapse(s).trim()).text;

/**
 * The folded blocks of a page, kept per blocks array: directiveFor tries up to
 * dozens of directives on the same page and citationHrefs every citation of
 * a page, and folding is the costly part. A hit is checked block by block
 * (same strings), so an array changed in place is folded again.
 */
const foldCache = new WeakMap<readonly string[], { raw: string[]; folded: ReturnType<typeof fold>[] }>();
function foldedBlocks(blocks: readonly string[]): ReturnType<typeof fold>[] {
  const hit = foldCache.get(blocks);
  if (hit && hit.raw.length === blocks.length && hit.raw.every((t, i) => t === blocks[i])) return hit.folded;
  const entry = { raw: [...blocks], folded: blocks.map(fold) };
  foldCache.set(blocks, entry);
  return entry.folded;
}

/** Where a directive matches in one block: offsets [start, end) in the block's own text. */
export interface DirectiveMatch {
  block: number;
  start: number;
  end: number;
}

/** Every match of a directive in a page given as its blocks of text, in page order. */
export function findDirective(blocks: readonly string[], d: TextDirective): DirectiveMatch[] {
  const start = foldTerm(d.start);
  const end = d.end === undefined ? undefined : foldTerm(d.end);
  const prefix = d.prefix === undefined ? undefined : foldTerm(d.prefix);
  const suffix = d.suffix === undefined ? undefined : foldTerm(d.suffix);
  const out: DirectiveMatch[] = [];
  if (start === '') return out;
  foldedBlocks(blocks).forEach(({ text, origin }, b) => {
    for (let i = text.indexOf(start); i !== -1; i = text.indexOf(start, i + 1)) {
      if (prefix !== undefined) {
        const before = text.slice(0, i).trimEnd();
        if (!before.endsWith(prefix) || !boundary(before, before.length - prefix.length)) continue;
      } else if (!boundary(text, i)) continue;
      let matchEnd = i + start.length;
      if (end === undefined) {
        if (!boundary(text, matchEnd)) continue;
      } else {
        let j = text.indexOf(end, matchEnd);
        while (j !== -1 && !(boundary(text, j) && boundary(text, j + end.length))) j = text.indexOf(end, j + 1);
        if (j === -1) continue;
        matchEnd = j + end.length;
      }
      if (suffix !== undefined) {
        const rest = text.slice(matchEnd);
        const after = rest.trimStart();
        const at = matchEnd + rest.length - after.length;
        if (!after.startsWith(suffix) || !boundary(text, at + suffix.length)) continue;
      }
      out.push({ block: b, start: origin[i]!, end: origin[matchEnd - 1]! + 1 });
    }
  });
  return out;
}

/**
 * The directive for words [start, end) of block `block` of a page: the
 * simplest that matches exactly once, there. Undefined when none does (the
 * link then lands on the paragraph only).
 */
export function directiveFor(blocks: readonly string[], block: number, start: number, end: number): TextDirective | undefined {
  const text = blocks[block];
  if (text === undefined || start < 0 || end > text.length || start >= end) return undefined;
  const quote = collapse(text.slice(start, end)).trim();
  const words = quote.split(' ');
  const bases: TextDirective[] =
    words.length > SHORT_QUOTE
      ? [{ start: words.slice(0, EDGE_WORDS).join(' '), end: words.slice(-EDGE_WORDS).join(' ') }, { start: quote }]
      : [{ start: quote }];
  const before = collapse(text.slice(0, start)).trim().split(' ').filter(Boolean);
  const after = collapse(text.slice(end)).trim().split(' ').filter(Boolean);
  const contexts: Pick<TextDirective, 'prefix' | 'suffix'>[] = [{}];
  for (let k = 1; k <= MAX_CONTEXT; k++) {
    if (before.length >= k) contexts.push({ prefix: before.slice(-k).join(' ') });
    if (after.length >= k) contexts.push({ suffix: after.slice(0, k).join(' ') });
  }
  for (let k = 1; k <= MAX_CONTEXT; k++) if (before.length >= k && after.length >= k) contexts.push({ prefix: before.slice(-k).join(' '), suffix: after.slice(0, k).join(' ') });
  const wantStart = start + (text.slice(start, end).length - text.slice(start, end).trimStart().length);
  const wantEnd = end - (text.slice(start, end).length - text.slice(start, end).trimEnd().length);
  const isWanted = (m: DirectiveMatch | undefined) => m !== undefined && m.block === block && m.start === wantStart && m.end === wantEnd;
  // First the simplest directive that matches only there; failing that (the words and all their context
  // recur later on the page, say in a citing sentence), one whose first match is there: browsers use the first.
  for (const firstOnly of [false, true]) {
    for (const context of contexts) {
      for (const base of bases) {
        const d: TextDirective = { ...base, ...context };
        const found = findDirective(blocks, d);
        if (isWanted(found[0]) && (firstOnly || found.length === 1)) return clean(d);
      }
    }
  }
  return undefined;
}

const clean = (d: TextDirective): TextDirective => Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) as unknown as TextDirective;

/** Percent-encodes a term: everything encodeURIComponent does, plus `-` (the directive's own syntax). */
const encodeTerm = (s: string): string => encodeURIComponent(s).replace(/-/g, '%2D');

/** `text=…` for a directive, percent-encoded. */
export function encodeDirective(d: TextDirective): string {
  const parts = [d.prefix !== undefined ? `${encodeTerm(d.prefix)}-` : undefined, encodeTerm(d.start), d.end !== undefined ? encodeTerm(d.end) : undefined, d.suffix !== undefined ? `-${encodeTerm(d.suffix)}` : undefined];
  return `text=${parts.filter((p) => p !== undefined).join(',')}`;
}

/** A fragment (without `#`) split into its element id and its text directives. Undefined for a malformed directive. */
export function parseFragment(fragment: string): { id: string; directives: TextDirective[] } | undefined {
  const at = fragment.indexOf(':~:');
  if (at === -1) return { id: fragment, directives: [] };
  const directives: TextDirective[] = [];
  for (const part of fragment.slice(at + 3).split('&')) {
    if (!part.startsWith('text=')) continue;
    const items = part.slice(5).split(',');
    const d: Partial<TextDirective> = {};
    try {
      if (items[0]?.endsWith('-')) d.prefix = decodeURIComponent(items.shift()!.slice(0, -1));
      if (items.at(-1)?.startsWith('-')) d.suffix = decodeURIComponent(items.pop()!.slice(1));
      if (items.length < 1 || items.length > 2) return undefined;
      d.start = decodeURIComponent(items[0]!);
      if (items[1] !== undefined) d.end = decodeURIComponent(items[1]);
    } catch {
      return undefined;
    }
    directives.push(clean(d as TextDirective));
  }
  return { id: fragment.slice(0, at), directives };
}

/** A block of a page's text for checking directives, with the id of the element it belongs to (if any). */
export interface PageBlock {
  text: string;
  id?: string | undefined;
}

/**
 * Checks links with text directives against the page they point to: a
 * browser highlights the first match, which must lie in the element the
 * link's id names. Returns one message per link that fails (no match, or a
 * first match elsewhere).
 */
export function directiveProblems(blocks: readonly PageBlock[], links: readonly { href: string; label: string }[]): string[] {
  const texts = blocks.map((b) => b.text);
  const out: string[] = [];
  for (const link of links) {
    const hash = link.href.includes('#') ? link.href.slice(link.href.indexOf('#') + 1) : '';
    const parsed = parseFragment(hash);
    if (!parsed) {
      out.push(`${link.label}: malformed text directive in ${link.href}`);
      continue;
    }
    for (const d of parsed.directives) {
      const first = findDirective(texts, d)[0];
      if (!first) out.push(`${link.label}: the text directive of ${link.href} matches nothing on the page`);
      else if (blocks[first.block]!.id !== parsed.id) {
        out.push(`${link.label}: the text directive of ${link.href} first matches "${texts[first.block]!.slice(first.start, first.end)}" outside #${parsed.id} (in ${blocks[first.block]!.id ? `#${blocks[first.block]!.id}` : 'other text of the page'}), so browsers would highlight that`);
      }
    }
  }
  return out;
}
