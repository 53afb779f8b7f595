/**
 * What classification did to one source, for the build log: how many lines
 * became article, furniture and reader comments, and a warning for every run
 * of long prose (≥ LONG_PROSE_WORDS words of sentences) that was classified
 * as anything but article: that is where a rule may have swallowed article
 * text. Lines whose kind the manifest decides (`overrides`) raise no warning:
 * someone has looked at them. Pure.
 */
import type { Block, BlockKind, BlockRole } from './types.ts';
import { isLongProse, proseWords, readsAsSentence } from './prose.ts';

/** One run of consecutive long-prose blocks of the same kind and role outside the article. */
export interface ProseWarning {
  kind: Exclude<BlockKind, 'article'>;
  role: BlockRole;
  /** First and last line of the run. */
  from: number;
  to: number;
  /** The long-prose blocks of the run, each clipped, in order. */
  quotes: { line: number; words: number; text: string }[];
}

/**
 * A run of NON_SENTENCE_RUN or more consecutive article lines that do not read
 * as sentences, with article sentences before and after it: furniture (a box,
 * a credit, a list of links) that no rule recognised may sit there.
 */
export interface ShortRun {
  from: number;
  to: number;
  /** The lines of the run, clipped. */
  texts: string[];
}
/** A run of non-sentences inside the article is named from this many lines on (one is a subheading). */
export const NON_SENTENCE_RUN = 2;

export interface ClassificationSummary {
  /** Non-blank lines, by the kind of their blocks (a line with any article block counts as article). */
  lines: { total: number; article: number; furniture: number; comment: number };
  /** Blocks: article paragraphs (¶), subheadings, furniture, comment lines. */
  blocks: { paragraphs: number; headings: number; furniture: number; comments: number };
  warnings: ProseWarning[];
  /** Runs of short non-sentences inside the article text. */
  runs: ShortRun[];
}

/** Quotes are clipped to this many characters. */
export const CLIP = 90;
const clip = (text: string, max = CLIP): string => {
  const t = text.replace(/\s+/gu, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

/**
 * Counts and warnings for the blocks of one source. `decidedLines`: line
 * numbers whose kind the manifest forces (no warning for those).
 */
export function summariseClassification(
  blocks: readonly Block[],
  decidedLines: ReadonlySet<number> = new Set(),
): ClassificationSummary {
  const kindOfLine = new Map<number, BlockKind>();
  for (const b of blocks) {
    const was = kindOfLine.get(b.line);
    if (was === undefined || b.kind === 'article') kindOfLine.set(b.line, b.kind);
  }
  const lines = { total: kindOfLine.size, article: 0, furniture: 0, comment: 0 };
  for (const kind of kindOfLine.values()) lines[kind]++;
  const counts = { paragraphs: 0, headings: 0, furniture: 0, comments: 0 };
  for (const b of blocks) {
    if (b.kind === 'article') counts[b.role === 'heading' ? 'headings' : 'paragraphs']++;
    else counts[b.kind === 'furniture' ? 'furniture' : 'comments']++;
  }
  const warnings: ProseWarning[] = [];
  let last: ProseWarning | undefined;
  for (const b of blocks) {
    const flagged = b.kind !== 'article' && !decidedLines.has(b.line) && isLongProse(b.text);
    if (!flagged) {
      // A run ends at any block that is not of its kind and role.
      if (last && (b.kind !== last.kind || b.role !== last.role)) last = undefined;
      continue;
    }
    const quote = { line: b.line, words: proseWords(b.text), text: clip(b.text) };
    if (last && last.kind === b.kind && last.role === b.role) {
      last.quotes.push(quote);
      last.to = b.line;
    } else {
      last = { kind: b.kind as ProseWarning['kind'], role: b.role, from: b.line, to: b.line, quotes: [quote] };
      warnings.push(last);
    }
  }
  return { lines, blocks: counts, warnings, runs: shortRuns(blocks) };
}

/** Runs of article lines without sentences between article lines with sentences (see ShortRun). Linear. */
export function shortRuns(blocks: readonly Block[]): ShortRun[] {
  const article = blocks.filter((b) => b.kind === 'article');
  // One entry per line: a line reads as a sentence if any of its article blocks does.
  const lines: { line: number; text: string; sentence: boolean }[] = [];
  for (const b of article) {
    const last = lines.at(-1);
    if (last && last.line === b.line) last.sentence ||= readsAsSentence(b.text);
    else lines.push({ line: b.line, text: b.text, sentence: readsAsSentence(b.text) });
  }
  const runs: ShortRun[] = [];
  let start = -1;
  let seenSentence = false;
  lines.forEach((l, i) => {
    if (!l.sentence) {
      if (start < 0) start = i;
      return;
    }
    if (start >= 0 && seenSentence && i - start >= NON_SENTENCE_RUN) {
      runs.push({ from: lines[start]!.line, to: lines[i - 1]!.line, texts: lines.slice(start, i).map((x) => clip(x.text, 40)) });
    }
    start = -1;
    seenSentence = true;
  });
  return runs;
}

/** "kottasova-cnn-2025: 56 lines → 49 article (44 ¶, 2 headings), 7 furniture, 0 comment" */
export function formatSummary(id: string, s: ClassificationSummary): string {
  return `${id}: ${s.lines.total} lines → ${s.lines.article} article (${s.blocks.paragraphs} ¶, ${s.blocks.headings} heading${
    s.blocks.headings === 1 ? '' : 's'}), ${s.lines.furniture} furniture, ${s.lines.comment} comment${
    s.warnings.length ? `; ${s.warnings.length} warning${s.warnings.length === 1 ? '' : 's'}` : ''}${
    s.runs.length ? `; short non-sentences inside the article at ${s.runs.map((r) => (r.from === r.to ? `line ${r.from}` : `lines ${r.from}–${r.to}`)).join(', ')}` : ''}`;
}

/** "trenin-2021: lines 40–42 look like furniture inside the article (3 short lines without sentences): “…”, …" */
export function formatRun(id: string, r: ShortRun): string {
  const where = r.from === r.to ? `line ${r.from}` : `lines ${r.from}–${r.to}`;
  return `${id}: ${where} look like furniture inside the article (${r.texts.length} short lines without sentences): ${r.texts.map((x) => `“${x}”`).join(', ')}. ` +
    'If they are furniture, add an override to the manifest entry; if they are article text (a list, a table), nothing needs doing.';
}

/** A warning as one log message: where, what it became, and the lines (clipped; at most `max` quoted). */
export function formatWarning(id: string, w: ProseWarning, max = 3): string {
  const where = w.from === w.to ? `line ${w.from}` : `lines ${w.from}–${w.to}`;
  const what = w.kind === 'comment' ? 'reader comments' : `furniture (${w.role})`;
  const n = w.quotes.length;
  const head = `${id}: ${where}: ${n === 1 ? 'a long prose block was' : `${n} long prose blocks were`} classified as ${what}, not article. If that is wrong, add an override to the manifest entry; if it is right, confirm it with one (e.g. { ${w.from === w.to ? `line: ${w.from}` : `lines: "${w.from}-${w.to}"`}, kind: ${w.kind}${w.kind === 'furniture' ? `, role: ${w.role}` : ''} }).`;
  const quoted = w.quotes.slice(0, max).map((q) => `\n  line ${q.line} (${q.words} words): “${q.text}”`).join('');
  return head + quoted + (n > max ? `\n  … and ${n - max} more` : '');
}
