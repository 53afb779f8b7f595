/**
 * The attribution-changed flag of an aligned pair: whose words a derivative
 * sentence gives, against whose they were in the original, from the speech
 * stage's spans of both texts. Pure.
 */
import { eng } from 'stopword';
import { normaliseForMatch } from '../normalise-text.ts';
import { plainWords, spellingVariant } from './text.ts';
import { excerpt } from './text.ts';
import type { AlignFlag } from './types.ts';

/** What a speech stage says about a stretch of a paragraph. */
export type SpeechKind = 'direct' | 'reported' | 'narration' | 'scare';

export interface SpeechSpan {
  kind: SpeechKind;
  speaker: string | null;
  /** Offsets into the paragraph's text, [start, end). */
  start: number;
  end: number;
}

/** The span covering most of [start, end), or undefined when none overlaps it. */
export function dominantSpan(spans: readonly SpeechSpan[], start: number, end: number): SpeechSpan | undefined {
  let best: { span: SpeechSpan; overlap: number } | undefined;
  for (const span of spans) {
    const overlap = Math.min(end, span.end) - Math.max(start, span.start);
    if (overlap > 0 && (!best || overlap > best.overlap)) best = { span, overlap };
  }
  return best?.span;
}

/**
 * The proper-name words of a speaker as the speech stage names it: its
 * capitalised words, less a leading "The" and a capitalised modifier of a
 * common noun ("the Russian president", "Russian officials" have none;
 * "Putin and his aides" has Putin).
 */
export function speakerNames(speaker: string): string[] {
  const toks = speaker.split(/\s+/).filter((t) => t !== '');
  return toks
    .filter((t, i) => {
      if (!/^\p{Lu}/u.test(t) || (i === 0 && /^the$/i.test(t))) return false;
      const next = toks[i + 1];
      return !(next && /^\p{Ll}/u.test(next) && !STOP.has(next.toLowerCase()));
    })
    .map((t) => plainWords(t)[0] ?? '')
    .filter((w) => w !== '');
}

const STOP = new Set(eng);

/**
 * Same person: equal names, one name's last word is the other's ("Berzina",
 * "Kristine Berzina"), or they share a name word spelt alike or nearly so.
 */
export function sameSpeaker(a: string, b: string): boolean {
  const last = (s: string) => plainWords(s).at(-1) ?? '';
  const x = normaliseForMatch(a).toLowerCase();
  const y = normaliseForMatch(b).toLowerCase();
  if (x === y || last(a) === last(b)) return true;
  const bn = speakerNames(b);
  return speakerNames(a).some((w) => bn.some((v) => spellingVariant(w, v)));
}

/**
 * attribution-changed: the original sentence is mostly direct or reported
 * speech, and the derivative sentence made from it is narration (no span, a
 * narration span or a scare quote) that does not name the speaker any more,
 * or speech of another named speaker. A speaker described rather than named
 * ("the mayor", "the Russian president and his inner circle") is taken for an
 * alias of the named one, not for someone else: the texts rarely say which
 * person a title means, so no change is claimed.
 */
export function attributionFlag(
  derivative: { text: string; span: SpeechSpan | undefined },
  original: { text: string; span: SpeechSpan | undefined },
): AlignFlag | undefined {
  const o = original.span;
  if (!o || (o.kind !== 'direct' && o.kind !== 'reported')) return undefined;
  const d = derivative.span;
  const who = o.speaker ?? 'someone';
  if (!d || d.kind === 'narration' || d.kind === 'scare') {
    // Still named ("Andrei Soldatov … believes"): the words are still his.
    const named = o.speaker ? speakerNames(o.speaker) : [];
    const dWords = plainWords(derivative.text);
    if (named.length > 0 && named.some((w) => dWords.some((v) => spellingVariant(w, v)))) return undefined;
    return {
      type: 'attribution-changed',
      detail: `${o.kind} speech of ${who} is narration in the derivative: “${excerpt(original.text, 60)}” → “${excerpt(derivative.text, 60)}”`,
    };
  }
  if (o.speaker && d.speaker && speakerNames(o.speaker).length > 0 && speakerNames(d.speaker).length > 0 && !sameSpeaker(o.speaker, d.speaker)) {
    return {
      type: 'attribution-changed',
      detail: `speaker ${o.speaker} → ${d.speaker}: “${excerpt(derivative.text, 60)}”`,
    };
  }
  return undefined;
}
