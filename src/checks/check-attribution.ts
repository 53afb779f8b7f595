/**
 * Attribution check: does a thesis give quoted or cited words to the person
 * who said them? Pure. Works on the speech stage's spans of the cited
 * paragraph (src/pipeline/speech.ts) and the range the words occupy in it.
 *
 * Rules (each a rule id in build messages):
 * - `attribution-missing`: a <Quote> of words inside someone's direct
 *   quotation needs `by`, naming that speaker.
 * - `attribution-wrong`: `by` names someone other than the speaker of the
 *   words (a direct quote of another person, a scare quote nobody is said to
 *   say, or, for <Cite by>, words in nobody's or someone else's speech).
 * - `attribution-paraphrase`: a <Quote by> of words that are not the person's
 *   own: the reporter's paraphrase of them (reported speech) or the source's
 *   narration. Quoted without `by`, or with `by` naming the source's author,
 *   such words are the source author's.
 * - `attribution-straddle`: a <Quote by> whose words run across two voices
 *   (two speakers, or speech and narration).
 * - `attribution-unknown`: a <Quote> of a direct quotation whose speaker the
 *   speech stage could not identify, or identified only as a pronoun ("he"):
 *   add a `speech` correction to the manifest.
 * - `attribution-by-pronoun`: `by` is a pronoun ("she", "he", "they"), which names nobody.
 * - `attribution-by-not-one-holder`: `by` does not name exactly one known holder
 *   (a speaker in the sources, a source's author or outlet, a content/people.yaml
 *   name or alias): two names ("Putin and Galeotti"), words before the name
 *   ("the analyst Mark Galeotti"), or a surname two holders share.
 *
 * Names match when equal, or when one is the other's trailing words ("Galeotti"
 * and "Mark Galeotti"), ignoring case and a leading "the"; `aliases` maps other
 * names a thesis may use (content/people.yaml) to the speaker's name. A `by`
 * names a holder when it equals one of the holder's names or is its trailing
 * words (the surname as printed), never the other way round, so no words may
 * stand before the name.
 */
import type { SpeechSpan } from '../pipeline/speech.ts';
import { isPronoun } from './check-people-aliases.ts';

export const ATTRIBUTION_RULES = [
  'attribution-missing',
  'attribution-wrong',
  'attribution-paraphrase',
  'attribution-straddle',
  'attribution-unknown',
  'attribution-by-pronoun',
  'attribution-by-not-one-holder',
] as const;
export type AttributionRule = (typeof ATTRIBUTION_RULES)[number];

export interface AttributionRequest {
  kind: 'cite' | 'quote';
  /** The `by` attribute, if given. */
  by?: string | undefined;
  /** Spans of the cited paragraph (they tile its text). */
  spans: readonly SpeechSpan[];
  /** Where the words are in the paragraph text: [start, end). */
  start: number;
  end: number;
  /** Other names for speakers: alias → canonical name. */
  aliases?: ReadonlyMap<string, string> | undefined;
  /** The source's own voice (its author, else its outlet): everything but direct quotes is their writing. */
  narrator?: string | undefined;
  /** The known holders a `by` names (see `holderIndex`); without it, `by` is only checked against the spans. */
  holders?: ((by: string) => string[]) | undefined;
}

export interface AttributionProblem {
  rule: AttributionRule;
  message: string;
}

/** What the build learned about who speaks the cited words. */
export interface Attribution {
  /** The speaker the words belong to, when they lie in one person's speech. */
  speaker?: string;
  kind?: SpeechSpan['kind'];
}

const key = (name: string): string[] =>
  name
    .normalize('NFC')
    .replace(/[’']/g, "'")
    .toLowerCase()
    .replace(/^the\s+/, '')
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean);

/** True if `by` names `speaker`: equal, one the other's trailing words, or both names of one person (aliases). */
export function namesMatch(by: string, speaker: string, aliases?: ReadonlyMap<string, string>): boolean {
  const canonical = (name: string) => aliases?.get(name.trim().toLowerCase()) ?? name;
  const [a, b] = [key(canonical(by)), key(canonical(speaker))];
  if (a.length === 0 || b.length === 0) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.every((w, i) => w === long[long.length - short.length + i]);
}

/**
 * The holders a `by` names, from every known name of a holder (`name` as written
 * → `holder`, the canonical name): `by` equals a name or is its trailing words,
 * ignoring case and a leading "the". Holders whose canonical names end with
 * another's ("Russian President Vladimir Putin", "Vladimir Putin") count once.
 * Pronouns are never names.
 */
export function holderIndex(names: Iterable<{ name: string; holder: string }>): (by: string) => string[] {
  const known = [...names].filter((n) => !isPronoun(n.name) && key(n.name).length > 0).map((n) => ({ words: key(n.name), holder: n.holder }));
  return (by) => {
    const b = key(by);
    if (b.length === 0 || isPronoun(by)) return [];
    const found = new Set(known.filter(({ words }) => b.length <= words.length && b.every((w, i) => w === words[words.length - b.length + i])).map((n) => n.holder));
    const all = [...found];
    return all.filter((h) => !all.some((o) => o !== h && key(o).length < key(h).length && namesMatch(o, h))).sort();
  };
}

/** The spans whose overlap with [start, end) holds a letter or digit (touching punctuation does not count). */
export function voicesOf(spans: readonly SpeechSpan[], start: number, end: number): SpeechSpan[] {
  return spans.filter((s) => {
    const from = Math.max(s.start, start);
    const to = Math.min(s.end, end);
    return to > from && /[\p{L}\p{N}]/u.test(s.text.slice(from - s.start, to - s.start));
  });
}

const cueOf = (s: SpeechSpan): string => (s.cue ? `, cue "${s.cue}"` : '');
/** The speaker, when the source names one: a pronoun ("he") the speech stage could not resolve names nobody. */
const named = (s: SpeechSpan): string | null => (s.speaker !== null && !isPronoun(s.speaker) ? s.speaker : null);
const speakerOf = (s: SpeechSpan): string => named(s) ?? (s.speaker ? `a speaker the source names only as "${s.speaker}"` : 'an unidentified speaker');
const describeSpan = (s: SpeechSpan): string =>
  s.kind === 'direct'
    ? `a direct quote of ${speakerOf(s)}${cueOf(s)}`
    : s.kind === 'reported'
      ? `the reporter's paraphrase: reported speech of ${speakerOf(s)}${cueOf(s)}`
      : s.kind === 'scare'
        ? 'a scare quote (a term in quotation marks that nobody in the source is said to say)'
        : `the source's own narration${s.speaker ? ` (${s.speaker})` : ''}`;

/** Checks one citation; returns the problem, or what the words are. */
export function checkAttribution(req: AttributionRequest): AttributionProblem | Attribution {
  const voices = voicesOf(req.spans, req.start, req.end);
  if (voices.length === 0) return {};
  const by = req.by?.trim();
  const distinct = [...new Map(voices.map((s) => [`${s.kind === 'narration' ? 'n' : s.kind}|${s.speaker ?? ''}`, s])).values()];
  const direct = voices.filter((s) => s.kind === 'direct');

  if (by !== undefined) {
    const pronoun = isPronoun(by);
    const holders = pronoun ? [] : req.holders?.(by);
    if (pronoun || (holders !== undefined && holders.length !== 1)) {
      const what = pronoun
        ? { rule: 'attribution-by-pronoun' as const, message: `by="${by}" is a pronoun, and a pronoun names nobody: write the holder's name` }
        : holders!.length > 1
          ? { rule: 'attribution-by-not-one-holder' as const, message: `by="${by}" names ${holders!.length} holders (${holders!.join(', ')}): write the full name` }
          : { rule: 'attribution-by-not-one-holder' as const, message: `by="${by}" does not name exactly one holder: by takes one name` };
      const how = what.message.endsWith('full name') ? '' : ' (the full name, the surname as the source prints it, or an alias in content/people.yaml)';
      const extra = pronoun || holders!.length === 0 ? `${how}${pronoun ? '' : ' and no other words'}` : '';
      return { rule: what.rule, message: `${what.message}${extra}; ${byHint(voices)}` };
    }
  }

  if (req.kind === 'quote' && by === undefined) {
    const unknown = direct.find((s) => named(s) === null);
    if (unknown) {
      const how = unknown.speaker === null ? 'does not make clear to the build' : `names only as "${unknown.speaker}"`;
      return { rule: 'attribution-unknown', message: `these words are a direct quote whose speaker the source ${how}; add a \`speech\` correction to the manifest naming the speaker, then by="…"` };
    }
    const first = direct[0];
    if (first) {
      return { rule: 'attribution-missing', message: `these words are ${describeSpan(first)}; say whose they are with by="${first.speaker}"` };
    }
    return {}; // the source author's own words (narration, paraphrase or a scare quote)
  }
  if (by === undefined) return {}; // a <Cite> without by: a locator only

  if (req.kind === 'quote') {
    // by="<the author>": any of the author's own writing (narration, paraphrase, scare quotes), not others' quotations.
    if (req.narrator && namesMatch(by, req.narrator, req.aliases) && direct.length === 0) return { speaker: req.narrator, kind: 'narration' };
    if (distinct.length > 1) {
      return { rule: 'attribution-straddle', message: `these words run across ${distinct.length} voices (${distinct.map(describeSpan).join('; then ')}); quote one voice at a time` };
    }
    const only = distinct[0]!;
    if (only.kind === 'direct') {
      if (named(only) !== null && namesMatch(by, only.speaker!, req.aliases)) return { speaker: only.speaker!, kind: 'direct' };
      return { rule: 'attribution-wrong', message: `by="${by}", but these words are ${describeSpan(only)}` };
    }
    if (only.kind === 'scare') return { rule: 'attribution-wrong', message: `by="${by}", but these words are ${describeSpan(only)}` };
    return { rule: 'attribution-paraphrase', message: `by="${by}", but these words are ${describeSpan(only)}; they are not ${by}'s own words: drop the quotation (paraphrase with <Cite by="${by}">) or quote them without by as the source's words` };
  }

  // <Cite by="…">: the words must be in that person's direct or reported speech.
  const speech = voices.filter((s) => s.kind === 'direct' || s.kind === 'reported');
  const theirs = speech.filter((s) => named(s) !== null && namesMatch(by, s.speaker!, req.aliases));
  if (theirs.length === 0 || theirs.length !== speech.length) {
    const other = speech.find((s) => !theirs.includes(s)) ?? voices[0]!;
    return { rule: 'attribution-wrong', message: `by="${by}", but the cited words are ${describeSpan(other)}` };
  }
  return { speaker: theirs[0]!.speaker!, kind: theirs[0]!.kind };
}

/** What `by` should say instead, from the voice of the cited words. */
function byHint(voices: readonly SpeechSpan[]): string {
  const speech = voices.filter((s) => s.kind === 'direct' || s.kind === 'reported');
  const speakers = [...new Set(speech.map((s) => s.speaker))];
  const only = speakers.length === 1 ? speech[0] : undefined;
  if (only && named(only) !== null) return `these words are ${describeSpan(only)}, so by="${only.speaker}"`;
  if (only && only.speaker !== null) return `the source names this speaker only as "${only.speaker}": add a \`speech\` correction to the manifest naming them`;
  if (speech.length === 0) return `these words are ${voices.length ? describeSpan(voices[0]!) : 'nobody\'s speech'}, so quote them without by, or by the source's author`;
  return 'these words are not one person\'s speech: quote one voice at a time';
}

export const isAttributionProblem = (r: AttributionProblem | Attribution): r is AttributionProblem => 'rule' in r;
