/**
 * Measures the speech stage against the hand annotation of the five seeds
 * (tests/fixtures/speech/seeds-annotation.yaml), corrections off.
 *
 *   npm run speech:accuracy            prints the table
 *   npm run speech:accuracy -- --json  prints the figures as JSON
 *   npm run speech:accuracy -- --misses  also lists every miss and false hit
 *   npm run speech:accuracy -- --holders also prints agreement with the annotation's
 *                                        optional holder / inferred / cue fields
 *
 * Figures:
 * - direct-quote speakers: precision = direct spans given a speaker whose speaker
 *   is right / direct spans given a speaker; recall = annotated direct quotes found
 *   as direct spans with the right speaker / annotated direct quotes.
 * - reported speech: statements (reported spans grouped by `statement`) matched
 *   one-to-one to annotated ones in the same paragraph with the same speaker and
 *   a cue containing the annotated cue word; precision over extracted statements,
 *   recall over annotated ones.
 * - scare quotes: the same over quotes extracted/annotated as scare.
 * - narration words (`narration:` in the annotation): each one that an extracted
 *   direct, reported or scare span covers counts as one more false hit of that
 *   kind (predicted + 1, correct + 0), so it lowers that kind's precision — unless
 *   that span is already a false hit (a statement or quote matching nothing).
 * - with --holders: of the annotated items found, how many agree on `holder`
 *   (where annotated), on `inferred` (annotated true ⇔ span inferred) and on a
 *   direct item's `cue` (annotated null ⇔ the span has no cue). Not part of the
 *   three figures above.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadSources } from '../../src/pipeline/load-sources.ts';
import { extractSpeech, type HolderType, type SpeechSpan } from '../../src/pipeline/speech.ts';
import { normaliseLoose } from '../../src/pipeline/speech/text.ts';
import { FIXTURES, ROOT, SEEDS } from '../support/paths.ts';

/** A speaker's name or its accepted variants; null = a holder the text does not name. */
type Names = string | null | (string | null)[];
const HOLDERS: readonly HolderType[] = ['person', 'group', 'body', 'outlet'];
interface GoldItemFields {
  holder?: HolderType;
  inferred?: boolean;
}
interface GoldParagraph {
  para: string;
  /** `cue` on a direct item: the tag the text gives it; null = none (a cue on the span is invented). */
  direct?: ({ words: string; speaker: Names; cue?: string | null } & GoldItemFields)[];
  /** cue null: an untagged statement, matched by speaker and `words` (a phrase inside it). */
  reported?: ({ speaker: Names; cue: string | null; words?: string } & GoldItemFields)[];
  scare?: { words: string }[];
  /** Words (exact substring of the paragraph) that must stay narration. */
  narration?: { words: string }[];
}
export type Annotation = Record<string, GoldParagraph[]>;

export interface Score {
  correct: number;
  predicted: number;
  gold: number;
  found: number;
  precision: number;
  recall: number;
}
export interface Agreement {
  agree: number;
  total: number;
}
export interface Accuracy {
  direct: Score;
  reported: Score;
  scare: Score;
  /** Annotated narration words, and how many of them an extracted span wrongly covers (each counted once as a false hit, see above). */
  narration: { gold: number; violated: number; counted: number };
  /** Agreement with the optional holder / inferred / cue fields on annotated items that were found. */
  fields: { holder: Agreement; inferred: Agreement; cue: Agreement };
  /** Annotation keys that matched no paragraph or several, and malformed optional fields. */
  badKeys: string[];
  misses: string[];
  /** Disagreements on the optional fields (printed with --holders --misses). */
  fieldMisses: string[];
}

export const ANNOTATION_FILE = join(FIXTURES, 'speech', 'seeds-annotation.yaml');

export function loadAnnotation(file = ANNOTATION_FILE): Annotation {
  return parse(readFileSync(file, 'utf8')) as Annotation;
}

const names = (n: Names): (string | null)[] => (Array.isArray(n) ? n : [n]);
export function normaliseSpeaker(s: string | null): string {
  return normaliseLoose(s ?? '')
    .replace(/^the /u, '')
    .replace(/'s$/u, '');
}
const sameSpeaker = (gold: Names, got: string | null) =>
  names(gold).some((g) => (g === null ? got === null : got !== null && normaliseSpeaker(g) === normaliseSpeaker(got)));
const nameOf = (n: Names) => names(n)[0] ?? '(unnamed)';

/**
 * Narration words a span other than narration covers: for each annotated phrase
 * (an exact substring of `text`), the first non-narration span overlapping it, or
 * null when it stays narration; undefined when the phrase is not in the text.
 */
export function narrationViolations(
  text: string,
  spans: readonly Pick<SpeechSpan, 'kind' | 'start' | 'end'>[],
  words: readonly string[],
) {
  return words.map((w) => {
    const at = text.indexOf(w);
    if (at < 0) return undefined;
    return spans.find((s) => s.kind !== 'narration' && s.start < at + w.length && s.end > at) ?? null;
  });
}
const inner = (s: SpeechSpan) => normaliseLoose(s.text.replace(/^[\s"“„«‘'’]+|[\s"”»’'.,]+$/gu, ''));
const score = (correct: number, predicted: number, found: number, gold: number): Score => ({
  correct,
  predicted,
  found,
  gold,
  precision: predicted === 0 ? 1 : correct / predicted,
  recall: gold === 0 ? 1 : found / gold,
});

export function measureSpeechAccuracy(annotation: Annotation = loadAnnotation()): Accuracy {
  const sources = loadSources(SEEDS, ROOT);
  const badKeys: string[] = [];
  const misses: string[] = [];
  const fieldMisses: string[] = [];
  const t = { dC: 0, dP: 0, dF: 0, dG: 0, rC: 0, rP: 0, rF: 0, rG: 0, sC: 0, sP: 0, sF: 0, sG: 0, nG: 0, nV: 0, nC: 0 };
  const fields = { holder: { agree: 0, total: 0 }, inferred: { agree: 0, total: 0 }, cue: { agree: 0, total: 0 } };
  // Agreement of one found span with the optional fields of its annotated item.
  const compareFields = (
    where: string,
    g: GoldItemFields & { cue?: string | null },
    s: SpeechSpan,
    directCue: boolean,
  ) => {
    if (g.holder !== undefined) {
      fields.holder.total++;
      if (s.holder === g.holder) fields.holder.agree++;
      else fieldMisses.push(`holder   ${where}: ${s.speaker} is ${g.holder} — got ${s.holder ?? 'none'}`);
    }
    fields.inferred.total++;
    if (!!s.inferred === !!g.inferred) fields.inferred.agree++;
    else
      fieldMisses.push(
        `inferred ${where}: ${s.speaker} ${g.inferred ? 'is inferred — got named' : 'is named — got inferred'}`,
      );
    if (directCue && g.cue !== undefined) {
      fields.cue.total++;
      const ok =
        g.cue === null ? s.cue === null : s.cue !== null && normaliseLoose(s.cue).includes(normaliseLoose(g.cue));
      if (ok) fields.cue.agree++;
      else
        fieldMisses.push(`cue      ${where}: ${s.speaker} — annotated ${g.cue ?? 'no cue'}, got ${s.cue ?? 'no cue'}`);
    }
  };
  for (const src of sources) {
    const id = src.entry.id;
    // Only annotated sources are scored: a source added to seeds/ later has no annotation to be wrong against.
    if (!(id in annotation)) continue;
    // As the build runs it: every block of the source in order (furniture included), corrections off.
    const all = extractSpeech(src.paragraphs, { author: src.entry.author, outlet: src.entry.outlet });
    const articleAt = src.paragraphs.flatMap((p, i) => (p.kind === 'article' ? [i] : []));
    const paras = articleAt.map((i) => src.paragraphs[i]!);
    const spans = articleAt.map((i) => all[i]!);
    const gold = new Map<number, GoldParagraph>();
    for (const g of annotation[id] ?? []) {
      const key = normaliseLoose(g.para);
      const hits = paras.map((p, i) => (normaliseLoose(p.text).startsWith(key) ? i : -1)).filter((i) => i >= 0);
      if (hits.length !== 1) badKeys.push(`${id}: "${g.para}" matches ${hits.length} paragraphs`);
      else gold.set(hits[0]!, g);
      for (const item of [...(g.direct ?? []), ...(g.reported ?? [])]) {
        if (item.holder !== undefined && !HOLDERS.includes(item.holder))
          badKeys.push(`${id}: "${g.para}" has holder ${String(item.holder)}`);
        if (item.inferred !== undefined && typeof item.inferred !== 'boolean')
          badKeys.push(`${id}: "${g.para}" has inferred ${String(item.inferred)}`);
      }
      for (const r of g.reported ?? [])
        if (r.cue === null && !r.words) badKeys.push(`${id}: "${g.para}" has a reported item with no cue and no words`);
      for (const n of g.narration ?? [])
        if (hits.length === 1 && !paras[hits[0]!]!.text.includes(n.words))
          badKeys.push(`${id}: "${g.para}" narration words not in the text: "${n.words}"`);
    }
    spans.forEach((list, i) => {
      const g: Partial<GoldParagraph> = gold.get(i) ?? {};
      const where = `${id} ¶${i + 1} "${paras[i]!.text.slice(0, 40)}…"`;
      // Quotes: direct and scare.
      const quotes = list.filter((s) => s.kind === 'direct' || s.kind === 'scare');
      const taken = new Set<SpeechSpan>();
      const find = (words: string) => {
        const w = normaliseLoose(words);
        const q =
          quotes.find((s) => !taken.has(s) && inner(s).startsWith(w)) ??
          quotes.find((s) => !taken.has(s) && inner(s).includes(w));
        if (q) taken.add(q);
        return q;
      };
      const goldOf = new Map<SpeechSpan, { kind: 'direct' | 'scare'; speaker?: Names }>();
      for (const d of g.direct ?? []) {
        t.dG++;
        const q = find(d.words);
        if (q) goldOf.set(q, { kind: 'direct', speaker: d.speaker });
        if (q && q.kind === 'direct' && sameSpeaker(d.speaker, q.speaker)) {
          t.dF++;
          compareFields(`${where} “${d.words}”`, d, q, true);
        } else
          misses.push(
            `direct miss  ${where}: “${d.words}” ${nameOf(d.speaker)} — got ${q ? `${q.kind} ${q.speaker}` : 'nothing'}`,
          );
      }
      for (const s of g.scare ?? []) {
        t.sG++;
        const q = find(s.words);
        if (q) goldOf.set(q, { kind: 'scare' });
        if (q && q.kind === 'scare') t.sF++;
        else misses.push(`scare miss   ${where}: “${s.words}” — got ${q ? `${q.kind} ${q.speaker}` : 'nothing'}`);
      }
      for (const q of quotes) {
        const truth = goldOf.get(q);
        if (q.kind === 'direct' && q.speaker !== null) {
          t.dP++;
          if (truth?.kind === 'direct' && sameSpeaker(truth.speaker!, q.speaker)) t.dC++;
          else misses.push(`direct false ${where}: ${q.text.slice(0, 40)} → ${q.speaker}`);
        }
        if (q.kind === 'scare') {
          t.sP++;
          if (truth?.kind === 'scare') t.sC++;
          else misses.push(`scare false  ${where}: ${q.text.slice(0, 40)}`);
        }
      }
      // Reported statements (first piece of each, and the text of all its pieces).
      const statements = new Map<number, SpeechSpan>();
      const statementText = new Map<SpeechSpan, string>();
      for (const s of list) {
        if (s.kind !== 'reported') continue;
        const key = s.statement ?? -s.start;
        if (!statements.has(key)) statements.set(key, s);
        const first = statements.get(key)!;
        statementText.set(first, `${statementText.get(first) ?? ''} ${s.text}`);
      }
      const pred = [...statements.values()];
      const used = new Set<SpeechSpan>();
      for (const r of g.reported ?? []) {
        t.rG++;
        const cues = r.cue === null ? null : r.cue.split('|').map(normaliseLoose);
        const words = r.words ? normaliseLoose(r.words) : null;
        const m = pred.find(
          (p) =>
            !used.has(p) &&
            sameSpeaker(r.speaker, p.speaker) &&
            (cues === null || cues.some((c) => normaliseLoose(p.cue ?? '').includes(c))) &&
            (words === null || normaliseLoose(statementText.get(p) ?? '').includes(words)),
        );
        if (m) {
          used.add(m);
          t.rF++;
          compareFields(`${where} ${nameOf(r.speaker)} / ${r.cue ?? r.words}`, r, m, false);
        } else misses.push(`report miss  ${where}: ${nameOf(r.speaker)} / ${r.cue ?? `(no cue) “${r.words}”`}`);
      }
      t.rP += pred.length;
      t.rC += used.size;
      for (const p of pred) if (!used.has(p)) misses.push(`report false ${where}: ${p.speaker} / ${p.cue}`);
      // Narration words a span claims for someone: one more false hit of that span's kind.
      const narr = (g.narration ?? []).map((n) => n.words);
      t.nG += narr.length;
      // A span that is already a false hit (its statement or quote matched nothing) is not counted twice.
      const firstOf = (s: SpeechSpan) => (s.kind === 'reported' ? statements.get(s.statement ?? -s.start)! : s);
      narrationViolations(paras[i]!.text, list, narr).forEach((s, k) => {
        if (!s) return;
        t.nV++;
        const span = s as SpeechSpan;
        const counted = span.kind === 'reported' ? used.has(firstOf(span)) : goldOf.has(span);
        if (counted) t.nC++;
        if (counted && span.kind === 'reported') t.rP++;
        else if (counted && span.kind === 'direct') t.dP++;
        else if (counted) t.sP++;
        misses.push(
          `narration false ${where}: “${narr[k]}” inside ${span.kind} ${span.speaker}${counted ? '' : ' (already a false hit)'}`,
        );
      });
    });
  }
  return {
    direct: score(t.dC, t.dP, t.dF, t.dG),
    reported: score(t.rC, t.rP, t.rF, t.rG),
    scare: score(t.sC, t.sP, t.sF, t.sG),
    narration: { gold: t.nG, violated: t.nV, counted: t.nC },
    fields,
    badKeys,
    misses,
    fieldMisses,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const a = measureSpeechAccuracy();
  if (process.argv.includes('--json')) {
    console.log(
      JSON.stringify(
        {
          direct: a.direct,
          reported: a.reported,
          scare: a.scare,
          narration: a.narration,
          fields: a.fields,
          badKeys: a.badKeys,
        },
        null,
        2,
      ),
    );
  } else {
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    const row = (name: string, s: Score) =>
      `${name.padEnd(24)} precision ${pct(s.precision).padStart(6)} (${s.correct}/${s.predicted})   recall ${pct(s.recall).padStart(6)} (${s.found}/${s.gold})`;
    console.log('Speech stage vs hand annotation of the five seeds (corrections off)');
    console.log(row('direct-quote speakers', a.direct));
    console.log(row('reported speech', a.reported));
    console.log(row('scare quotes', a.scare));
    console.log(
      `${'narration words'.padEnd(24)} ${a.narration.violated} of ${a.narration.gold} covered by a span; ${a.narration.counted} of them counted as false hits above (the rest were in spans already false)`,
    );
    if (process.argv.includes('--holders')) {
      const agr = (name: string, x: Agreement) =>
        `${name.padEnd(24)} agree ${pct(x.total === 0 ? 1 : x.agree / x.total).padStart(6)} (${x.agree}/${x.total})`;
      console.log(agr('holder type', a.fields.holder));
      console.log(agr('inferred speaker', a.fields.inferred));
      console.log(agr('cue of direct quotes', a.fields.cue));
    }
    if (a.badKeys.length)
      console.log(`annotation keys not matching exactly one paragraph:\n  ${a.badKeys.join('\n  ')}`);
    if (process.argv.includes('--misses')) console.log(a.misses.join('\n'));
    if (process.argv.includes('--misses') && process.argv.includes('--holders')) console.log(a.fieldMisses.join('\n'));
  }
  if (a.badKeys.length) process.exitCode = 1;
}
