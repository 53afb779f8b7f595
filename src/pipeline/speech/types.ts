/**
 * The speech stage's data: what it returns (spans that tile each paragraph)
 * and what it takes (paragraphs, the source's own voice, editorial corrections).
 */
export type SpeechKind = 'direct' | 'reported' | 'narration' | 'scare';

export interface SpeechSpan {
  kind: SpeechKind;
  /** Who speaks, as the source identifies them (pronouns and surnames resolved); null for scare quotes. */
  speaker: string | null;
  /** The words that credit the speech ("told CNN", "according to"), if any. */
  cue: string | null;
  /** UTF-16 offsets into the paragraph text: [start, end). */
  start: number;
  end: number;
  text: string;
  /** Pieces of one reported statement and the quotes inside it share this number (per source). */
  statement?: number;
  /** Set by an editorial correction. */
  corrected?: boolean;
  /** What kind of holder `speaker` is: one person, a group of people ("Russians", "experts"), a body (a government, a ministry, the Kremlin) or an outlet (a newspaper, an agency). Absent for narration by the source itself and for spans with no speaker. */
  holder?: HolderType;
  /** The speaker is the stage's inference, not named by the text at this point (a quotation that continues someone's speech, a pronoun resolved across sentences): `evidence` says why. */
  inferred?: boolean;
  /** Why the speaker was inferred, in a few words ("continues Kristine Berzina's quotation in the previous paragraph"). */
  evidence?: string;
}

export type HolderType = 'person' | 'group' | 'body' | 'outlet';

export interface SpeechParagraph {
  text: string;
  /** 'article' | 'furniture' | 'comment' (pipeline block kind); only narration is produced for non-article blocks' headings. */
  kind?: string;
  role?: string;
  anchor?: string;
}

export interface SpeechContext {
  author?: string;
  outlet?: string;
}

/** A per-source editorial correction: the words (verbatim, quotes/whitespace-insensitive) in one paragraph. */
export interface SpeechCorrection {
  /** Paragraph index in the input array, or its anchor. */
  paragraph: number | string;
  words: string;
  kind: SpeechKind;
  speaker: string | null;
  cue?: string | null;
}

export interface SpeechResult {
  spans: SpeechSpan[][];
  /** Corrections whose paragraph or words were not found. */
  unapplied: SpeechCorrection[];
}
