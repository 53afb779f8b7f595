/**
 * Measures the speech stage against the hand annotation of the five seeds
 * (tests/fixtures/speech/seeds-annotation.yaml), corrections off.
 *
 *   npm run speech:accuracy            prints the table
 *   npm run speech:accuracy -- --json  prints the figures as JSON
 *   npm run speech:accuracy -- --misses  also lists every miss and false hit
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
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadSources } from '../../src/pipeline/load-sources.ts';
import { extractSpeech, type SpeechSpan } from '../../src/pipeline/speech.ts';
import { normaliseLoose } from '../../src/pipeline/speech/text.ts';
import { FIXTURES, ROOT, SEEDS } from '../support/paths.ts';

type Names = string | string[];
interface GoldParagraph {
  para: string;
  direct?: { words: string; speaker: Names }[];
  reported?: { speaker: Names; cue: string }[];
  scare?: { words: string }[];
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
export interface Accuracy {
  direct: Score;
  reported: Score;
  scare: Score;
  /** Annotation keys that matched no paragraph or several. */
  badKeys: string[];
  misses: string[];
}

export const ANNOTATION_FILE = join(FIXTURES, 'speech', 'seeds-annotation.yaml');

export function loadAnnotation(file = ANNOTATION_FILE): Annotation {
  return parse(readFileSync(file, 'utf8')) as Annotation;
}

const names = (n: Names): string[] => (Array.isArray(n) ? n : [n]);
export function normaliseSpeaker(s: string | null): string {
  return normaliseLoose(s ?? '')
    .replace(/^the /u, '')
    .replace(/'s$/u, '');
}
const sameSpeaker = (gold: Names, got: string | null) =>
  got !== null && names(gold).some((g) => normaliseSpeaker(g) === normaliseSpeaker(got));
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
  const t = { dC: 0, dP: 0, dF: 0, dG: 0, rC: 0, rP: 0, rF: 0, rG: 0, sC: 0, sP: 0, sF: 0, sG: 0 };
  for (const src of sources) {
    const id = src.entry.id;
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
    }
    spans.forEach((list, i) => {
      const g: Partial<GoldParagraph> = gold.get(i) ?? {};
      const where = `${id} ¶${i + 1} "${paras[i]!.text.slice(0, 40)}…"`;
      // Quotes: direct and scare.
      const quotes = list.filter((s) => s.kind === 'direct' || s.kind === 'scare');
      const taken = new Set<SpeechSpan>();
      const find = (words: string) => {
        const w = normaliseLoose(words);
        const q = quotes.find((s) => !taken.has(s) && inner(s).startsWith(w)) ?? quotes.find((s) => !taken.has(s) && inner(s).includes(w));
        if (q) taken.add(q);
        return q;
      };
      const goldOf = new Map<SpeechSpan, { kind: 'direct' | 'scare'; speaker?: Names }>();
      for (const d of g.direct ?? []) {
        t.dG++;
        const q = find(d.words);
        if (q) goldOf.set(q, { kind: 'direct', speaker: d.speaker });
        if (q && q.kind === 'direct' && sameSpeaker(d.speaker, q.speaker)) t.dF++;
        else misses.push(`direct miss  ${where}: “${d.words}” ${names(d.speaker)[0]} — got ${q ? `${q.kind} ${q.speaker}` : 'nothing'}`);
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
      // Reported statements.
      const statements = new Map<number, SpeechSpan>();
      for (const s of list) if (s.kind === 'reported' && !statements.has(s.statement ?? -s.start)) statements.set(s.statement ?? -s.start, s);
      const pred = [...statements.values()];
      const used = new Set<SpeechSpan>();
      for (const r of g.reported ?? []) {
        t.rG++;
        const cues = r.cue.split('|').map(normaliseLoose);
        const m = pred.find((p) => !used.has(p) && sameSpeaker(r.speaker, p.speaker) && cues.some((c) => normaliseLoose(p.cue ?? '').includes(c)));
        if (m) {
          used.add(m);
          t.rF++;
        } else misses.push(`report miss  ${where}: ${names(r.speaker)[0]} / ${r.cue}`);
      }
      t.rP += pred.length;
      t.rC += used.size;
      for (const p of pred) if (!used.has(p)) misses.push(`report false ${where}: ${p.speaker} / ${p.cue}`);
    });
  }
  return {
    direct: score(t.dC, t.dP, t.dF, t.dG),
    reported: score(t.rC, t.rP, t.rF, t.rG),
    scare: score(t.sC, t.sP, t.sF, t.sG),
    badKeys,
    misses,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const a = measureSpeechAccuracy();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ direct: a.direct, reported: a.reported, scare: a.scare, badKeys: a.badKeys }, null, 2));
  } else {
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    const row = (name: string, s: Score) =>
      `${name.padEnd(24)} precision ${pct(s.precision).padStart(6)} (${s.correct}/${s.predicted})   recall ${pct(s.recall).padStart(6)} (${s.found}/${s.gold})`;
    console.log('Speech stage vs hand annotation of the five seeds (corrections off)');
    console.log(row('direct-quote speakers', a.direct));
    console.log(row('reported speech', a.reported));
    console.log(row('scare quotes', a.scare));
    if (a.badKeys.length) console.log(`annotation keys not matching exactly one paragraph:\n  ${a.badKeys.join('\n  ')}`);
    if (process.argv.includes('--misses')) console.log(a.misses.join('\n'));
  }
  if (a.badKeys.length) process.exitCode = 1;
}
