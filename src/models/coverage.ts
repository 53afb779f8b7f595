/**
 * Coverage: which article paragraphs of which source the theses cite. Pure;
 * used by `npm run coverage` (an editor's to-do list) and the /about/ page.
 * Subheadings are not paragraphs and are not counted. A derivative (a source
 * with `derivedFrom`) is listed but kept out of the share of originals, since
 * the build sends citations to its original.
 */

export interface CoverageSource {
  id: string;
  title: string;
  derivative: boolean;
  paragraphs: { anchor: string; n: number; kind: string; role: string; text: string }[];
}

export interface CoverageCitation {
  thesis: string;
  source: string;
  anchor: string;
}

export interface ParagraphCoverage {
  anchor: string;
  n: number;
  firstWords: string;
  /** Slugs of the theses that cite the paragraph, in order of first citation. */
  citedBy: string[];
}

export interface SourceCoverage {
  id: string;
  title: string;
  derivative: boolean;
  paragraphs: ParagraphCoverage[];
  cited: number;
  total: number;
  share: number;
}

export interface Coverage {
  sources: SourceCoverage[];
  /** Over original (non-derivative) sources only. */
  originals: { cited: number; total: number; share: number };
}

const firstWords = (text: string, n = 8): string => {
  const words = text.trim().split(/\s+/);
  return words.slice(0, n).join(' ') + (words.length > n ? ' …' : '');
};

export function coverage(sources: readonly CoverageSource[], citations: readonly CoverageCitation[]): Coverage {
  // The citing theses of each paragraph, in citation order, looked up rather than searched for per paragraph.
  const citing = new Map<string, string[]>();
  for (const c of citations) {
    const key = `${c.source}\0${c.anchor}`;
    const list = citing.get(key);
    if (list) list.push(c.thesis);
    else citing.set(key, [c.thesis]);
  }
  const out = sources.map((s) => {
    const paragraphs = s.paragraphs
      .filter((p) => p.kind === 'article' && p.role !== 'heading')
      .map((p) => ({
        anchor: p.anchor,
        n: p.n,
        firstWords: firstWords(p.text),
        citedBy: [...new Set(citing.get(`${s.id}\0${p.anchor}`) ?? [])],
      }));
    const cited = paragraphs.filter((p) => p.citedBy.length > 0).length;
    return { id: s.id, title: s.title, derivative: s.derivative, paragraphs, cited, total: paragraphs.length, share: paragraphs.length ? cited / paragraphs.length : 0 };
  });
  const originals = out.filter((s) => !s.derivative);
  const cited = originals.reduce((n, s) => n + s.cited, 0);
  const total = originals.reduce((n, s) => n + s.total, 0);
  return { sources: out, originals: { cited, total, share: total ? cited / total : 0 } };
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** The plain-text report `npm run coverage` prints. */
export function formatCoverage(c: Coverage): string {
  const lines: string[] = [];
  for (const s of c.sources) {
    lines.push(`${s.id}${s.derivative ? ' (derivative: not counted)' : ''}: ${s.cited} of ${s.total} article paragraphs cited (${pct(s.share)})`);
    for (const p of s.paragraphs) {
      lines.push(`  ¶${String(p.n).padEnd(3)} ${p.citedBy.length ? p.citedBy.join(', ') : 'UNCITED'}  ${p.citedBy.length ? '' : p.firstWords}`.trimEnd());
    }
  }
  lines.push(`Original sources: ${c.originals.cited} of ${c.originals.total} article paragraphs cited (${pct(c.originals.share)})`);
  return lines.join('\n');
}
