/**
 * Manifest overrides: per-source decisions for the cases no classification
 * rule can decide. A source entry in `seeds/sources.yaml` may carry
 *
 * ```yaml
 * overrides:
 *   - { lines: "12-14", kind: article }            # force lines to article text
 *   - { line: 3, kind: furniture, role: editor-note, words: "Editor's note" }
 *   - { lines: "33-157", kind: comment }
 *   - { line: 84, split: "But Putin has also framed" }   # one line → two paragraphs
 * ```
 *
 * Overrides hold across edits of the text above them: a `split` is found by
 * its words, a kind override by its optional `words` (the first words of its
 * first line). `resolveOverrides` moves each to the line now holding its
 * words (the nearest to its number, when several do) and returns a note for
 * each one it moved; words found nowhere are an error naming them.
 *
 * This module holds the schema (validated with zod, strictly: an unknown
 * field in an override is an error) and the pure functions that apply the
 * overrides to the lines of a source. Applying throws an OverrideError that
 * names the override and field; load-sources turns it into a build error
 * naming the file and manifest entry.
 */
import { z } from 'astro/zod';
import type { BlockKind, BlockRole } from './types.ts';
import type { SourceLine } from './split-paragraphs.ts';
import { findOriginal, locateOriginal } from './normalise-text.ts';

export const ARTICLE_ROLES = ['paragraph', 'heading'] as const;
export const FURNITURE_ROLES = ['header', 'standfirst', 'byline', 'dateline', 'editor-note', 'pull-quote', 'bio', 'promo', 'media', 'credit', 'link-list', 'footer'] as const;
const FIELDS = ['line', 'lines', 'kind', 'role', 'split', 'words'] as const;

const lineNumber = z.number().int().positive();
const lineRange = z.union([
  lineNumber,
  z.string().regex(/^\s*\d+\s*(?:[-–]\s*\d+\s*)?$/, 'must be a line number or a range such as "12-14"'),
]);
const words = z.string().refine((s) => s.trim() !== '', 'must not be empty');

/** One override as written in the manifest. */
export const overrideSchema = z
  .object({
    /** One line (1-based, as an editor shows it). */
    line: lineNumber.optional(),
    /** A line or an inclusive range: 12, "12", "12-14". */
    lines: lineRange.optional(),
    /** Force the lines to this kind. */
    kind: z.enum(['article', 'furniture', 'comment']).optional(),
    /** With kind: article → paragraph | heading (default: decided by rule); furniture → required; comment → comment. */
    role: z.enum([...ARTICLE_ROLES, ...FURNITURE_ROLES, 'comment']).optional(),
    /** Split `line` into paragraphs before these words (each must occur once on that line). */
    split: z.union([words, z.array(words).min(1)]).optional(),
    /** With kind: the first words of the (first) line, so the override follows its line when lines above it are added or removed. */
    words: words.optional(),
  })
  // Strict: an unknown field is an error. Checked here rather than with z.strictObject so that the
  // message names the fields of an override, not those of the manifest entry around it.
  .loose()
  .superRefine((o, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    for (const key of Object.keys(o))
      if (!(FIELDS as readonly string[]).includes(key)) issue(key, `is not a field of an override (allowed: ${FIELDS.join(', ')})`);
    if ((o.line === undefined) === (o.lines === undefined)) issue('line', 'an override needs exactly one of "line" or "lines"');
    if ((o.kind === undefined) === (o.split === undefined)) issue('kind', 'an override needs exactly one of "kind" or "split"');
    if (o.split !== undefined && o.line === undefined) issue('split', 'needs a single "line", not "lines"');
    if (o.role !== undefined && o.kind === undefined) issue('role', 'needs "kind"');
    if (o.words !== undefined && o.kind === undefined) issue('words', 'needs "kind" (a split is found by its own words)');
    if (o.lines !== undefined) {
      const r = parseRange(o.lines);
      if (r.from < 1) issue('lines', 'line numbers start at 1');
      if (r.to < r.from) issue('lines', `range ${r.from}-${r.to} runs backwards`);
    }
    if (o.kind === 'furniture' && o.role === undefined)
      issue('role', `is required with kind furniture (one of ${FURNITURE_ROLES.join(', ')})`);
    const allowed: Record<string, readonly string[]> = { article: ARTICLE_ROLES, furniture: FURNITURE_ROLES, comment: ['comment'] };
    if (o.kind && o.role && !allowed[o.kind]!.includes(o.role))
      issue('role', `"${o.role}" is not a role of kind ${o.kind} (allowed: ${allowed[o.kind]!.join(', ')})`);
  });

export const overridesSchema = z.array(overrideSchema);
export type ManifestOverride = z.infer<typeof overrideSchema>;

/** A mistake in applying an override to its source text. */
export class OverrideError extends Error {
  readonly index: number;
  readonly field: string;
  constructor(index: number, field: string, detail: string) {
    super(`overrides[${index}].${field}: ${detail}`);
    this.name = 'OverrideError';
    this.index = index;
    this.field = field;
  }
}

function parseRange(lines: number | string): { from: number; to: number } {
  if (typeof lines === 'number') return { from: lines, to: lines };
  const [a, b] = lines.split(/[-–]/).map((s) => Number(s.trim()));
  return { from: a!, to: b ?? a! };
}

/** A kind override resolved to a line range. */
export interface KindOverride {
  index: number;
  from: number;
  to: number;
  kind: BlockKind;
  role?: BlockRole | undefined;
}

/** The kind overrides of a source, by range, in manifest order. */
export function kindOverrides(overrides: readonly ManifestOverride[] = []): KindOverride[] {
  return overrides.flatMap((o, index) =>
    o.kind ? [{ index, ...parseRange(o.lines ?? o.line!), kind: o.kind, role: o.role }] : []);
}

/** Line numbers whose kind the manifest decides (rules do not, and no warning is raised for them). */
export function linesDecidedByManifest(overrides: readonly ManifestOverride[] = []): Set<number> {
  const out = new Set<number>();
  for (const o of kindOverrides(overrides)) for (let l = o.from; l <= o.to; l++) out.add(l);
  return out;
}

const clip = (text: string, max = 70): string => {
  const t = text.replace(/\s+/gu, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

/** An override found on another line than the manifest says (see `resolveOverrides`). */
export interface MovedOverride {
  index: number;
  /** The line the manifest names, and the line that holds the override's words now. */
  from: number;
  to: number;
  /** "overrides[0]: the words "…" are on line 86 now, not 84; …" */
  message: string;
}

const phrasesOf = (o: ManifestOverride): string[] => (o.split === undefined ? [] : typeof o.split === 'string' ? [o.split] : o.split);

/** Numbers of the lines that hold every phrase (with `atStart`, the first one at the start of the line). */
function linesHolding(lines: readonly SourceLine[], phrases: readonly string[], atStart: boolean): number[] {
  return lines
    .filter((l) =>
      phrases.every((phrase, k) => {
        const at = locateOriginal(l.text, phrase);
        return at !== undefined && !(atStart && k === 0 && l.text.normalize('NFC').slice(0, at.start).trim() !== '');
      }),
    )
    .map((l) => l.line);
}

/**
 * Finds each override's line by its words, so that an edit above it does not
 * break it: a `split` by the words it splits before (all of them on one
 * line), a kind override with `words` by the first words of its first line.
 * When the line the manifest names holds them, nothing changes. Else the
 * override moves to the line that holds them (the nearest to the number, when
 * several do; a range keeps its length) and a note says so. Words found on no
 * line, or on two lines equally near, are an OverrideError naming them. Kind
 * overrides without `words` keep their numbers (kindOverridesByLine checks
 * them). Pure.
 */
export function resolveOverrides(
  lines: readonly SourceLine[],
  overrides: readonly ManifestOverride[] = [],
): { overrides: ManifestOverride[]; moved: MovedOverride[] } {
  const moved: MovedOverride[] = [];
  const out = overrides.map((o, index): ManifestOverride => {
    const split = o.split !== undefined;
    const phrases = split ? phrasesOf(o) : o.words !== undefined ? [o.words] : [];
    if (phrases.length === 0) return o;
    const { from, to } = parseRange(o.lines ?? o.line!);
    const found = linesHolding(lines, phrases, !split);
    if (found.includes(from)) return o;
    const field = split ? 'split' : 'words';
    const what = `the words ${phrases.map((p) => `"${clip(p)}"`).join(' and ')}`;
    const now = lines.find((l) => l.line === from);
    const there = now ? `line ${from} reads "${clip(now.text)}"` : `line ${from} is blank or beyond the end of the file`;
    if (found.length === 0) {
      throw new OverrideError(
        index,
        field,
        `${what} ${split ? 'are on no line of the file' : 'begin no line of the file'} (${there}). ` +
          `The text has changed: find the line the override is meant for and write its ${split ? 'words' : 'first words'} and number here, or remove the override`,
      );
    }
    const dist = (l: number) => Math.abs(l - from);
    const [best, second] = [...found].sort((a, b) => dist(a) - dist(b) || a - b) as [number, number | undefined];
    if (second !== undefined && dist(second) === dist(best)) {
      throw new OverrideError(index, field, `${there}; ${what} are on lines ${best} and ${second}, equally near: write the right line number here`);
    }
    const shift = best - from;
    const key = o.lines !== undefined ? 'lines' : 'line';
    const value = key === 'line' || typeof o.lines === 'number' ? from + shift : `${from + shift}-${to + shift}`;
    moved.push({
      index,
      from,
      to: best,
      message:
        `overrides[${index}] (${key}: ${JSON.stringify(o.lines ?? o.line)}): ${what} are on line ${best} now, not ${from}; ` +
        `the override follows them. Write ${key}: ${JSON.stringify(value)} in the manifest to say so`,
    });
    return { ...o, [key]: value };
  });
  return { overrides: out, moved };
}

/**
 * Applies the split overrides: the named line becomes several lines (same
 * line number and indent), cut just before each given phrase. Matching
 * ignores differences of whitespace and of typographic vs straight quotes,
 * like citations. Every phrase must occur exactly once on its line and not
 * at its start. Lines without a split are returned unchanged.
 */
export function applySplits(lines: readonly SourceLine[], overrides: readonly ManifestOverride[] = []): SourceLine[] {
  const cuts = new Map<number, { index: number; at: number }[]>();
  const byNumber = new Map(lines.map((l) => [l.line, l]));
  overrides.forEach((o, index) => {
    if (o.split === undefined) return;
    const source = byNumber.get(o.line!);
    if (!source) throw new OverrideError(index, 'line', `line ${o.line} is blank or beyond the end of the file`);
    for (const phrase of typeof o.split === 'string' ? [o.split] : o.split) {
      const original = findOriginal(source.text, phrase);
      if (original === undefined)
        throw new OverrideError(index, 'split', `the words "${clip(phrase)}" are not on line ${o.line} (it reads "${clip(source.text)}")`);
      const at = source.text.normalize('NFC').indexOf(original);
      if (source.text.normalize('NFC').indexOf(original, at + 1) !== -1)
        throw new OverrideError(index, 'split', `the words "${clip(phrase)}" occur more than once on line ${o.line}; quote more of them`);
      if (source.text.normalize('NFC').slice(0, at).trim() === '')
        throw new OverrideError(index, 'split', `the words "${clip(phrase)}" begin line ${o.line}: there is nothing before them to split off`);
      const list = cuts.get(o.line!) ?? [];
      if (list.some((c) => c.at === at)) throw new OverrideError(index, 'split', `line ${o.line} is already split before "${clip(phrase)}"`);
      cuts.set(o.line!, [...list, { index, at }]);
    }
  });
  return lines.flatMap((l) => {
    const list = cuts.get(l.line);
    if (!list) return [l];
    const text = l.text.normalize('NFC');
    const at = [0, ...list.map((c) => c.at).sort((a, b) => a - b), text.length];
    return at.slice(1).map((end, k) => ({ ...l, text: text.slice(at[k], end) }));
  });
}

/**
 * For each line, the kind override that covers it. Ranges must cover at
 * least one non-blank line, stay within the file and not overlap.
 */
export function kindOverridesByLine(lines: readonly SourceLine[], overrides: readonly ManifestOverride[] = []): Map<number, KindOverride> {
  const out = new Map<number, KindOverride>();
  const last = lines.at(-1)?.line ?? 0;
  const present = new Set(lines.map((l) => l.line));
  for (const o of kindOverrides(overrides)) {
    const field = overrides[o.index]!.lines !== undefined ? 'lines' : 'line';
    const what = o.from === o.to ? `line ${o.from}` : `lines ${o.from}-${o.to}`;
    const one = o.from === o.to;
    const hint = overrides[o.index]!.words === undefined
      ? '; add words: "<the first words of the line meant>" to the override, so that it finds its line when lines above it change'
      : '';
    if (o.to > last) throw new OverrideError(o.index, field, `${what} ${one ? 'goes' : 'go'} beyond the last line of text (${last})${hint}`);
    let any = false;
    for (let l = o.from; l <= o.to; l++) {
      if (!present.has(l)) continue;
      any = true;
      const other = out.get(l);
      if (other) throw new OverrideError(o.index, field, `line ${l} is already decided by overrides[${other.index}]`);
      out.set(l, o);
    }
    if (!any) throw new OverrideError(o.index, field, `${what} ${one ? 'is' : 'are'} blank${hint}`);
  }
  return out;
}
