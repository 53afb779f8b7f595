/**
 * Content terms that see synonyms: a derivative word the original does not
 * have, spelt alike or by stem, takes the stem of an original word it shares
 * a WordNet sense with (see ./wordnet.ts), so "reconstruct" counts as the
 * original's "rebuild" and "given up" as its "abandoned". Only one direction
 * (derivative → original) and only words the original lacks are mapped, so
 * synonymy never merges two words of one text and never chains. Pure apart
 * from reading WordNet's index once.
 */
import { eng } from 'stopword';
import { plainWords, stem } from './text.ts';
import { senseKeys } from './wordnet.ts';

const STOP = new Set(eng);
/** Particles that make a phrasal verb with the word before them ("give up", "wipe out"). */
const PARTICLES = new Set(['up', 'out', 'off', 'down', 'over', 'away', 'back', 'in', 'on', 'about']);

export interface TermMapper {
  /** Content terms of a derivative text, with synonyms of original words replaced by the original's stem. */
  terms(text: string): string[];
  /** Stems of the original's content words. */
  readonly originalStems: ReadonlySet<string>;
}

/** A mapper for derivative texts aligned with the original `paragraphs`. */
export function termMapper(paragraphs: readonly string[]): TermMapper {
  const keysOf = new Map<string, Set<string>>();
  const keys = (w: string) => {
    let k = keysOf.get(w);
    if (!k) keysOf.set(w, (k = senseKeys(w)));
    return k;
  };
  const originalStems = new Set<string>();
  /** WordNet sense → stem of the original word that has it (the first one met). */
  const bySense = new Map<string, string>();
  for (const p of paragraphs) {
    const ws = plainWords(p);
    ws.forEach((w, i) => {
      const next = ws[i + 1];
      if (next !== undefined && PARTICLES.has(next) && !STOP.has(w)) {
        for (const k of keys(`${w}_${next}`)) if (!bySense.has(k)) bySense.set(k, stem(w));
      }
      if (STOP.has(w) || /\d/.test(w)) return;
      const s = stem(w);
      originalStems.add(s);
      for (const k of keys(w)) if (!bySense.has(k)) bySense.set(k, s);
    });
  }
  const synonym = (w: string): string | undefined => {
    for (const k of keys(w)) {
      const s = bySense.get(k);
      if (s !== undefined) return s;
    }
    return undefined;
  };
  return {
    originalStems,
    terms(text) {
      const ws = plainWords(text);
      const out: string[] = [];
      for (let i = 0; i < ws.length; i++) {
        const w = ws[i]!;
        const next = ws[i + 1];
        if (next !== undefined && PARTICLES.has(next) && !STOP.has(w)) {
          const s = synonym(`${w}_${next}`);
          if (s !== undefined) {
            out.push(s);
            i++;
            continue;
          }
        }
        if (STOP.has(w)) continue;
        const s = stem(w);
        out.push(originalStems.has(s) || /\d/.test(w) ? s : (synonym(w) ?? s));
      }
      return out;
    },
  };
}
