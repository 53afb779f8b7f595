/**
 * Making spans, the speech stage's last pass: segments (quotations, reported
 * statements) become spans that tile the paragraph, narration filling the gaps;
 * then editorial corrections; and lookups over the result. Pure.
 */
import type {
  HolderType,
  SpeechContext,
  SpeechCorrection,
  SpeechParagraph,
  SpeechResult,
  SpeechSpan,
} from './types.ts';
import { normaliseLoose } from './text.ts';
import { holderType } from './holders.ts';

/** A piece of speech found in a paragraph, before tiling. */
export interface Seg {
  kind: 'direct' | 'reported' | 'scare';
  start: number;
  end: number;
  speaker: string | null;
  cue: string | null;
  statement?: number;
  /** Reported statements that cover a whole sentence because of a trailing/parenthetical tag. */
  wholeSentence?: boolean | undefined;
  holder?: HolderType | undefined;
  /** Set when the speaker is inferred: why. */
  evidence?: string | undefined;
}

export interface RangeAttribution {
  /** Spans the range overlaps, in order. */
  spans: SpeechSpan[];
  /** Distinct speakers of those spans (null = scare or unknown). */
  speakers: (string | null)[];
  /** True when the range lies within spans of one speaker and one voice (all narration, or all speech of one speaker). */
  single: boolean;
}

/** Spans of one paragraph that the character range [start, end) overlaps, and whether one speaker holds it all. */
export function spansInRange(spans: readonly SpeechSpan[], start: number, end: number): RangeAttribution {
  const hit = spans.filter((s) => s.start < Math.max(end, start + 1) && s.end > start);
  const speakers: (string | null)[] = [];
  for (const s of hit) if (!speakers.includes(s.speaker)) speakers.push(s.speaker);
  const voices = new Set(
    hit.map((s) => (s.kind === 'narration' ? 'narration' : s.kind === 'scare' ? 'scare' : 'speech')),
  );
  return { spans: hit, speakers, single: hit.length > 0 && speakers.length === 1 && voices.size === 1 };
}

/** Finds `words` (quotes/whitespace/case-insensitive) in a paragraph; returns its [start, end) or null. */
export function locateWords(text: string, words: string): [number, number] | null {
  const target = normaliseLoose(words);
  if (!target) return null;
  // Build the loose form of the text with a map back to original offsets.
  const map: number[] = [];
  let loose = '';
  let lastSpace = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/\s/u.test(c)) {
      if (!lastSpace) {
        loose += ' ';
        map.push(i);
      }
      lastSpace = true;
      continue;
    }
    loose += normaliseLoose(c) || c.toLowerCase();
    map.push(i);
    lastSpace = false;
  }
  const at = loose.indexOf(target);
  if (at < 0) return null;
  return [map[at]!, map[at + target.length - 1]! + 1];
}

/**
 * Applies editorial corrections in order: each gives the words it names (in
 * its paragraph) the kind and speaker it says, cutting the spans around them.
 *
 * A quotation is never left in pieces. When the words cover part of a
 * quotation (a `direct` or `scare` span the stage found; an editor's own
 * corrected spans may be cut) but not all of it:
 *   - a `direct` correction is applied to the whole quotation (its range grows
 *     to cover every quotation it touches), and `notes` says so;
 *   - any other kind is refused: the correction is returned in `unapplied`
 *     with a `reason` quoting the words and the quotation's full text (to cut
 *     a quotation on purpose, first correct all of it, then its parts).
 * Corrections whose paragraph or words are not found are in `unapplied`
 * without a reason.
 */
export function applySpeechCorrections(
  paragraphs: readonly SpeechParagraph[],
  spans: SpeechSpan[][],
  corrections: readonly SpeechCorrection[],
  ctx: SpeechContext = {},
): Omit<SpeechResult, 'unapplied'> & { unapplied: (SpeechCorrection & { reason?: string })[]; notes: string[] } {
  const out = spans.map((list) => list.slice());
  const unapplied: (SpeechCorrection & { reason?: string })[] = [];
  const notes: string[] = [];
  for (const c of corrections) {
    const index = typeof c.paragraph === 'number' ? c.paragraph : paragraphs.findIndex((p) => p.anchor === c.paragraph);
    const para = paragraphs[index];
    const range = para ? locateWords(para.text, c.words) : null;
    if (!para || !range) {
      unapplied.push(c);
      continue;
    }
    let [start, end] = range;
    const where = `paragraph ${para.anchor !== undefined ? `"${para.anchor}"` : index}`;
    // Quotations the words cut: they overlap the words and reach beyond them.
    const cut = out[index]!.filter(
      (s) => (s.kind === 'direct' || s.kind === 'scare') && !s.corrected && s.start < end && s.end > start && (s.start < start || s.end > end),
    );
    if (cut.length) {
      const quoted = cut.map((s) => `“${s.text.replace(/^[\s"“”‘’']+|[\s"“”‘’']+$/gu, '')}”`).join(' and ');
      const whose = cut.map((s) => (s.kind === 'scare' ? 'a scare quote' : s.speaker ? `speaker ${s.speaker}` : 'no speaker found')).join('; ');
      if (c.kind !== 'direct') {
        unapplied.push({
          ...c,
          reason:
            `${where}: the words "${c.words}" are part of the quotation ${quoted} (${whose}), not all of it, and a ${c.kind} correction would leave ` +
            `the rest of the quotation in pieces. Put the whole quotation in "words", or (to cut it on purpose) first correct the whole quotation, then its part`,
        });
        continue;
      }
      start = Math.min(start, ...cut.map((s) => s.start));
      end = Math.max(end, ...cut.map((s) => s.end));
      notes.push(
        `${where}: the words "${c.words}" are part of the quotation ${quoted} (${whose}); the correction (direct, speaker ${c.speaker ?? 'none'}) ` +
          `is applied to the whole quotation. Put the whole quotation in "words" to say so`,
      );
    }
    const next: SpeechSpan[] = [];
    for (const s of out[index]!) {
      if (s.end <= start || s.start >= end) {
        next.push(s);
        continue;
      }
      if (s.start < start) next.push({ ...s, end: start, text: para.text.slice(s.start, start) });
      if (s.end > end) next.push({ ...s, start: end, text: para.text.slice(end, s.end) });
    }
    const speaker = c.kind === 'narration' ? (c.speaker ?? narrator(ctx)) : c.kind === 'scare' ? null : c.speaker;
    next.push({
      ...(speaker && c.kind !== 'narration' ? { holder: holderType(speaker, 'name') } : {}),
      kind: c.kind,
      speaker,
      cue: c.cue ?? null,
      start,
      end,
      text: para.text.slice(start, end),
      corrected: true,
    });
    next.sort((a, b) => a.start - b.start);
    out[index] = next;
  }
  return { spans: out, unapplied, notes };
}

export const narrator = (ctx: SpeechContext): string | null => ctx.author ?? ctx.outlet ?? null;

/** Turns segments into a tiling of the paragraph; gaps become narration. */
export function tile(text: string, segs: Seg[], narr: string | null): SpeechSpan[] {
  // Direct and scare quotes cut reported statements into pieces.
  const quotes = segs.filter((s) => s.kind !== 'reported').sort((a, b) => a.start - b.start);
  const reported = segs.filter((s) => s.kind === 'reported').sort((a, b) => a.start - b.start);
  const pieces: Seg[] = [];
  let qp = 0;
  let prevEnd = 0;
  for (const r of reported) {
    if (r.start < prevEnd) r.start = prevEnd;
    if (r.end <= r.start) continue;
    prevEnd = r.end;
    while (qp < quotes.length && quotes[qp]!.end <= r.start) qp++;
    // A quotation ending in a comma and followed by a new clause ends the statement: “…,” Trump is …
    for (let i = qp; i < quotes.length && quotes[i]!.start < r.end; i++) {
      const q = quotes[i]!;
      if (
        q.start >= r.start &&
        q.end < r.end &&
        /,\s*[\u201d"\u2019']$/u.test(text.slice(Math.max(q.start, q.end - 4), q.end)) &&
        /^\s+\p{Lu}/u.test(text.slice(q.end, q.end + 3))
      ) {
        r.end = q.end;
        break;
      }
    }
    let cur = r.start;
    for (let i = qp; i < quotes.length && quotes[i]!.start < r.end; i++) {
      const q = quotes[i]!;
      if (q.end <= cur) continue;
      if (q.start > cur) pieces.push({ ...r, start: cur, end: q.start });
      cur = Math.max(cur, q.end);
    }
    if (cur < r.end) pieces.push({ ...r, start: cur, end: r.end });
  }
  const all = [...quotes, ...pieces].sort((a, b) => a.start - b.start);
  const out: SpeechSpan[] = [];
  let pos = 0;
  const push = (s: SpeechSpan) => {
    if (s.end > s.start) out.push(s);
  };
  for (const s of all) {
    const start = Math.max(s.start, pos);
    if (start >= s.end) continue;
    if (start > pos)
      push({ kind: 'narration', speaker: narr, cue: null, start: pos, end: start, text: text.slice(pos, start) });
    const span: SpeechSpan = {
      kind: s.kind,
      speaker: s.speaker,
      cue: s.cue,
      start,
      end: s.end,
      text: text.slice(start, s.end),
    };
    if (s.statement !== undefined) span.statement = s.statement;
    if (s.speaker && s.holder) span.holder = s.holder;
    if (s.speaker && s.evidence) {
      span.inferred = true;
      span.evidence = s.evidence;
    }
    push(span);
    pos = s.end;
  }
  if (pos < text.length)
    push({ kind: 'narration', speaker: narr, cue: null, start: pos, end: text.length, text: text.slice(pos) });
  // Merge adjacent narration.
  const merged: SpeechSpan[] = [];
  for (const s of out) {
    const prev = merged[merged.length - 1];
    if (prev && prev.kind === 'narration' && s.kind === 'narration') {
      prev.end = s.end;
      prev.text = text.slice(prev.start, prev.end);
    } else merged.push(s);
  }
  return merged;
}
