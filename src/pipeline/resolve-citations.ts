/**
 * Stage 5: resolve a citation (source id + exact words) to the one article
 * paragraph that contains those words. Pure: the index is built from loaded
 * sources; problems are returned, never thrown, so a caller can report all
 * of them at once.
 */
import type { Anchor, Paragraph, SourceId } from './types.ts';
import type { Source } from './load-sources.ts';
import { findOriginal, normaliseForMatch } from './normalise-text.ts';

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
}

export interface CitationProblem {
  /** Stable rule id, for tests and for grepping. */
  rule: 'unknown-source' | 'empty-quote' | 'not-found' | 'not-article' | 'ambiguous' | 'bad-para';
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
  return `/sources/${source}/#${anchor}`;
}

/** Short label for citation markers: manifest `short`, else author, else title. */
export function sourceLabel(source: Source): string {
  return source.entry.short ?? source.entry.author ?? source.entry.title;
}

export function buildCitationIndex(sources: Source[]): CitationIndex {
  return {
    sources: new Map(
      sources.map((s) => [
        s.entry.id,
        {
          label: sourceLabel(s),
          paragraphs: s.paragraphs.map((paragraph) => ({ paragraph, normalised: normaliseForMatch(paragraph.text) })),
        },
      ]),
    ),
  };
}

const clip = (text: string, max = 60): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Resolves one citation, or says precisely why it cannot be resolved. */
export function resolveCitation(req: CitationRequest, index: CitationIndex): ResolvedCitation | CitationProblem {
  const source = index.sources.get(req.source);
  if (!source) {
    return {
      rule: 'unknown-source',
      message: `unknown source id "${req.source}" (known: ${[...index.sources.keys()].join(', ')})`,
    };
  }
  const needle = normaliseForMatch(req.quote);
  if (needle === '') return { rule: 'empty-quote', message: `the quoted words are empty` };
  const hits = source.paragraphs.filter((p) => p.normalised.includes(needle));
  const article = hits.filter((h) => h.paragraph.kind === 'article');
  if (article.length === 0) {
    if (hits.length > 0) {
      const where = [...new Set(hits.map((h) => (h.paragraph.kind === 'comment' ? 'reader comments' : 'page furniture')))];
      return {
        rule: 'not-article',
        message: `"${clip(req.quote)}" occurs in ${req.source} only in ${where.join(' and ')}, which are never evidence`,
      };
    }
    return { rule: 'not-found', message: `"${clip(req.quote)}" is not found verbatim in ${req.source}` };
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
  return {
    ...req,
    source: req.source as SourceId,
    anchor: paragraph.anchor,
    n: paragraph.n,
    href: paragraphHref(req.source, paragraph.anchor),
    label: source.label,
    exact: findOriginal(paragraph.text, req.quote)!,
  };
}

export const isProblem = (r: ResolvedCitation | CitationProblem): r is CitationProblem => 'rule' in r;
