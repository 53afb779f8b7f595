/**
 * How a source paragraph's speech spans are shown on its page (view model for
 * `SpeechText.astro`). Pure.
 *
 * The paragraph text is cut at span boundaries into segments whose texts,
 * joined, are exactly the paragraph text: narration (and scare quotes, whose
 * quotation marks already show them) stays plain text; each direct quotation
 * and each piece of reported speech becomes a marked segment that carries its
 * speaker, a human label ("Quotation: Mark Galeotti") and an id for that label.
 * The labels are rendered outside the paragraph text, so the text itself reads
 * exactly as the source.
 */
import type { SpeechSpan } from '../pipeline/speech.ts';

export type MarkedKind = 'direct' | 'reported';

export interface PlainSegment {
  marked: false;
  text: string;
}

export interface MarkedSegment {
  marked: true;
  kind: MarkedKind;
  text: string;
  /** The speaker as the source names them (resolved by the speech stage); null when nobody could be found. */
  speaker: string | null;
  /** Set when the span comes from an editorial correction in the manifest. */
  corrected: boolean;
  /** The speaker is the speech stage's inference, not named by the text here (the label says so, with `evidence`). */
  inferred: boolean;
  /** Short label shown on hover, focus and in print: "Quotation: Mark Galeotti". */
  label: string;
  /**
   * The span's own element id, a published anchor (anchor ledger): the paragraph's anchor and
   * the span's number among the paragraph's marked spans ("p-…-sp1"); unique given a unique prefix.
   */
  id: string;
  /** Element id of the label (for aria-describedby): `<id>-who`. */
  labelId: string;
}

export type Segment = PlainSegment | MarkedSegment;

export type SpanLike = Pick<SpeechSpan, 'kind' | 'speaker' | 'start' | 'end'> & { corrected?: boolean | undefined; inferred?: boolean | undefined; evidence?: string | undefined };

const KIND_LABEL: Record<MarkedKind, string> = { direct: 'Quotation', reported: 'Reported speech' };

/** How an inferred speaker is qualified: "(inferred: <evidence>)", or "(inferred)" without a reason. */
export function inferredNote(evidence: string | null | undefined): string {
  const why = evidence?.replace(/\s+/g, ' ').trim();
  return why ? `(inferred: ${why})` : '(inferred)';
}

/** "Quotation: Mark Galeotti", "Reported speech: the Kremlin (editorial correction)", "Quotation: Anna Smith (inferred: continues her quotation)". */
export function speechLabel(span: { kind: MarkedKind; speaker: string | null; corrected?: boolean | undefined; inferred?: boolean | undefined; evidence?: string | undefined }): string {
  const who = span.speaker ?? 'speaker not identified';
  const inferred = span.inferred === true && span.speaker !== null ? ` ${inferredNote(span.evidence)}` : '';
  return `${KIND_LABEL[span.kind]}: ${who}${inferred}${span.corrected ? ' (editorial correction)' : ''}`;
}

/** The anchor of a paragraph's k-th marked span (1-based): "<paragraph anchor>-sp<k>". */
export const speechSpanId = (paragraphAnchor: string, k: number): string => `${paragraphAnchor}-sp${k}`;

const isMarked = (kind: SpeechSpan['kind']): kind is MarkedKind => kind === 'direct' || kind === 'reported';

/**
 * Segments of `text` for display; `resolve` turns a speaker as the speech stage
 * names them into the name to show (the people pages' canonical name). `spans` should tile the text (as the speech
 * stage guarantees); spans that do not fit (out of range, overlapping an
 * earlier one) are ignored rather than trusted, so the segments always join to
 * exactly `text`. Adjacent plain pieces are merged.
 */
export function speechSegments(
  text: string,
  spans: readonly SpanLike[] | undefined,
  idPrefix: string,
  resolve: (speaker: string) => string = (s) => s,
): Segment[] {
  const out: Segment[] = [];
  const plain = (t: string) => {
    if (!t) return;
    const last = out.at(-1);
    if (last && !last.marked) last.text += t;
    else out.push({ marked: false, text: t });
  };
  let at = 0;
  let k = 0;
  const sorted = [...(spans ?? [])].sort((a, b) => a.start - b.start);
  for (const s of sorted) {
    if (!isMarked(s.kind)) continue;
    if (!(Number.isInteger(s.start) && Number.isInteger(s.end)) || s.start < at || s.end > text.length || s.end <= s.start) continue;
    // Only whitespace (a leftover between two pieces) is nothing to attribute.
    if (!/\S/u.test(text.slice(s.start, s.end))) continue;
    plain(text.slice(at, s.start));
    const corrected = s.corrected === true;
    const inferred = s.inferred === true && s.speaker !== null;
    const speaker = s.speaker === null ? null : resolve(s.speaker);
    out.push({
      marked: true,
      kind: s.kind,
      text: text.slice(s.start, s.end),
      speaker,
      corrected,
      inferred,
      label: speechLabel({ kind: s.kind, speaker, corrected, inferred, evidence: s.evidence }),
      id: speechSpanId(idPrefix, ++k),
      labelId: `${speechSpanId(idPrefix, k)}-who`,
    });
    at = s.end;
  }
  plain(text.slice(at));
  return out;
}
