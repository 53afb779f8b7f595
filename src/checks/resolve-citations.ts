/**
 * Stage 5: resolve a citation (source id + exact words) to the one article
 * paragraph that contains those words, as whole words: the quotation must
 * begin and end at word boundaries of the source ("likely" is not quoted from
 * "unlikely"). Whitespace and typographic vs straight quotes are ignored.
 * Pure: the index is built from loaded
 * sources; problems are returned, never thrown, so a caller can report all
 * of them at once.
 */
import { sourceLabel as labelOf, urls } from '../lib/urls.ts';
import type { Anchor, Paragraph, SourceId } from '../pipeline/types.ts';
import type { Source } from '../pipeline/load-sources.ts';
import { closestName, locateOriginal, normaliseForMatch, occurrences, wordsAsWritten } from '../pipeline/normalise-text.ts';

/** What an author wrote: `<Cite source quote para? />` or `<Quote source para?>quote</Quote>`. */
export interface CitationRequest {
  kind: 'cite' | 'quote';
  source: string;
  quote: string;
  /** Optional disambiguator: the anchor of the intended paragraph. */
  para?: string | undefined;
}

/** A citation pinned to a paragraph. */
export interface ResolvedCitation extends CitationRequest {
  source: SourceId;
  anchor: Anchor;
  /** ¶ number of the paragraph. */
  n: number;
  /** `/sources/<id>/#<anchor>` */
  href: string;
  /** Short label of the source, for the marker ("Trenin ¶12"). */
  label: string;
  /** The quoted words exactly as the source writes them (quotes, spacing). */
  exact: string;
  /** Where those words are in the paragraph text: [start, end) (for the attribution check). */
  start: number;
  end: number;
}

/** Rule ids of the problems resolveCitation reports. */
export const CITATION_RULES = ['unknown-source', 'empty-quote', 'not-found', 'partial-word', 'not-article', 'ambiguous', 'bad-para'] as const;
export type CitationRule = (typeof CITATION_RULES)[number];

export interface CitationProblem {
  /** Stable rule id, for tests and for grepping. */
  rule: CitationRule;
  message: string;
}

interface IndexedParagraph {
  paragraph: Paragraph;
  normalised: string;
}

/** Everything citations are checked against. */
export interface CitationIndex {
  sources: Map<string, { label: string; paragraphs: IndexedParagraph[] }>;
}

/** The link to one paragraph of a source page. */
export function paragraphHref(source: string, anchor: string): string {
  return urls.paragraph(source, anchor);
}

/** Short label for citation markers: manifest `short`, else author, else title. */
export function sourceLabel(source: Source): string {
  return labelOf(source.entry);
}

/**
 * The index of `sources`. A source's paragraphs are normalised when a
 * citation first names it: theses cite a few sources of a corpus that may
 * hold thousands, and the normalised copies would double its text in memory.
 */
export function buildCitationIndex(sources: Source[]): CitationIndex {
  return {
    sources: new Map(
      sources.map((s) => {
        let paragraphs: IndexedParagraph[] | undefined;
        return [
          s.entry.id,
          {
            label: sourceLabel(s),
            get paragraphs(): IndexedParagraph[] {
              return (paragraphs ??= s.paragraphs.map((paragraph) => ({ paragraph, normalised: normaliseForMatch(paragraph.text) })));
            },
          },
        ];
      }),
    ),
  };
}

const clip = (text: string, max = 60): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const quoted = (words: string[]): string => words.map((w) => `"${w}"`).join(' and ');

/**
 * Why `quote` is in none of `paragraphs`, as precisely as can be said: the
 * paragraph sharing the longest run of consecutive words with it, and the
 * first word that differs once the two are lined up on that run.
 */
function closestParagraph(quote: string, paragraphs: IndexedParagraph[]): string | undefined {
  const q = wordsAsWritten(quote);
  if (q.length === 0) return undefined;
  let best: { p: IndexedParagraph; words: string[]; run: number; qi: number; pi: number } | undefined;
  for (const candidate of paragraphs) {
    const words = wordsAsWritten(candidate.paragraph.text);
    // Longest common run of consecutive words (dynamic programming over word pairs).
    let prev = new Array<number>(words.length + 1).fill(0);
    for (let i = 1; i <= q.length; i++) {
      const row = new Array<number>(words.length + 1).fill(0);
      for (let j = 1; j <= words.length; j++) {
        if (q[i - 1] !== words[j - 1]) continue;
        row[j] = prev[j - 1]! + 1;
        if (!best || row[j]! > best.run) best = { p: candidate, words, run: row[j]!, qi: i - row[j]!, pi: j - row[j]! };
      }
      prev = row;
    }
  }
  if (!best || best.run < Math.min(2, q.length)) return undefined;
  const { paragraph } = best.p;
  const where = `¶${paragraph.n} (${paragraph.anchor}), which shares "${best.words.slice(best.pi, best.pi + best.run).join(' ')}"`;
  const offset = best.pi - best.qi;
  for (let k = 0; k < q.length; k++) {
    const theirs = best.words[k + offset];
    if (theirs === q[k]) continue;
    const has = theirs === undefined ? (k + offset < 0 ? 'nothing before it' : 'nothing after it') : `"${theirs}"`;
    return `closest is ${where}: the first word that differs is "${q[k]}", where ¶${paragraph.n} has ${has}`;
  }
  return `closest is ¶${paragraph.n} (${paragraph.anchor}), which has these words but other punctuation between them`;
}

/** Resolves one citation, or says precisely why it cannot be resolved. */
export function resolveCitation(req: CitationRequest, index: CitationIndex): ResolvedCitation | CitationProblem {
  const source = index.sources.get(req.source);
  if (!source) {
    const near = closestName(req.source, index.sources.keys());
    return {
      rule: 'unknown-source',
      message: `unknown source id "${req.source}" (known: ${[...index.sources.keys()].join(', ')})${near ? `; did you mean "${near}"?` : ''}`,
    };
  }
  const needle = normaliseForMatch(req.quote);
  if (needle === '') return { rule: 'empty-quote', message: `the quoted words are empty` };
  const found = source.paragraphs
    .map((p) => ({ p, occ: occurrences(p.normalised, needle) }))
    .filter((f) => f.occ.length > 0);
  const hits = found.filter((f) => f.occ.some((o) => o.cuts.length === 0)).map((f) => f.p);
  const article = hits.filter((h) => h.paragraph.kind === 'article');
  if (article.length === 0) {
    const cut = found.find((f) => f.p.paragraph.kind === 'article');
    if (cut) {
      const cuts = [...new Set(cut.occ.flatMap((o) => o.cuts))];
      return {
        rule: 'partial-word',
        message: `"${clip(req.quote)}" cuts the word${cuts.length > 1 ? 's' : ''} ${quoted(cuts)} in ${req.source} ¶${cut.p.paragraph.n} (${cut.p.paragraph.anchor}); a quotation must begin and end with whole words`,
      };
    }
    const elsewhere = hits.length > 0 ? hits : found.map((f) => f.p);
    if (elsewhere.length > 0) {
      const where = [...new Set(elsewhere.map((h) => (h.paragraph.kind === 'comment' ? 'reader comments' : 'page furniture')))];
      return {
        rule: 'not-article',
        message: `"${clip(req.quote)}" occurs in ${req.source} only in ${where.join(' and ')}, which are never evidence`,
      };
    }
    const closest = closestParagraph(req.quote, source.paragraphs.filter((p) => p.paragraph.kind === 'article'));
    return { rule: 'not-found', message: `"${clip(req.quote)}" is not found verbatim in ${req.source}${closest ? `; ${closest}` : ''}` };
  }
  let chosen = article;
  if (req.para !== undefined) {
    chosen = article.filter((h) => h.paragraph.anchor === req.para);
    if (chosen.length === 0) {
      return {
        rule: 'bad-para',
        message: `para="${req.para}" is not a paragraph of ${req.source} containing "${clip(req.quote)}" (candidates: ${article.map((h) => h.paragraph.anchor).join(', ')})`,
      };
    }
  }
  if (chosen.length > 1) {
    return {
      rule: 'ambiguous',
      message: `"${clip(req.quote)}" matches ${chosen.length} paragraphs of ${req.source} (${chosen.map((h) => `¶${h.paragraph.n} ${h.paragraph.anchor}`).join(', ')}); quote more words or add para="<anchor>"`,
    };
  }
  const { paragraph } = chosen[0]!;
  const range = locateOriginal(paragraph.text, req.quote)!;
  return {
    ...req,
    source: req.source as SourceId,
    anchor: paragraph.anchor,
    n: paragraph.n,
    href: paragraphHref(req.source, paragraph.anchor),
    label: source.label,
    exact: paragraph.text.normalize('NFC').slice(range.start, range.end),
    start: range.start,
    end: range.end,
  };
}

export const isProblem = (r: ResolvedCitation | CitationProblem): r is CitationProblem => 'rule' in r;
