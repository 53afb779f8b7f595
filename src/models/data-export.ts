/**
 * The public data files under /data/ (documented in the README, "Data"):
 * what the build knows about the sources, as plain JSON lists.
 */
import { extractDates, type DateMention, type DatesParagraph } from '../pipeline/dates.ts';

/** One block of one source, as `dist/data/paragraphs.json` lists it. */
export interface ParagraphRecord {
  source: string;
  anchor: string;
  /** Number within its kind (¶n for article paragraphs, Fn furniture, Cn comments); null if unnumbered. */
  n: number | null;
  kind: 'article' | 'furniture' | 'comment';
  role: string;
  /** 1-based line of the seed file where the block starts. */
  line: number;
  /** The text exactly as shown on the source page. */
  text: string;
}

interface SourceLike {
  id: string;
  paragraphs: {
    anchor: string;
    n?: number | null | undefined;
    kind: ParagraphRecord['kind'];
    role: string;
    line: number;
    text: string;
  }[];
}

/** Every block of every source, sources in the given order, blocks in file order. */
export function paragraphRecords(sources: SourceLike[]): ParagraphRecord[] {
  return sources.flatMap((s) =>
    s.paragraphs.map((p) => ({
      source: s.id,
      anchor: p.anchor,
      n: p.n ?? null,
      kind: p.kind,
      role: p.role,
      line: p.line,
      text: p.text,
    })),
  );
}

/** One quotation, reported statement or scare quote, as `dist/data/speech.json` lists it. */
export interface SpeechRecord {
  source: string;
  /** The paragraph's anchor: `/sources/<source>/#<anchor>`. */
  anchor: string;
  kind: 'direct' | 'reported' | 'scare';
  /** Exactly the paragraph text [start, end). */
  text: string;
  /** Canonical name (see src/models/people.ts); null for scare quotes and for quotations whose speaker was not found. */
  speaker: string | null;
  /** The words that credit the speech ("told CNN"), if any. */
  cue: string | null;
  /** UTF-16 offsets into the paragraph text. */
  start: number;
  end: number;
  /** What kind of holder the speaker is; present when there is a speaker and the stage could tell. */
  holder?: 'person' | 'group' | 'body' | 'outlet';
  /** Present (true) when the speaker is the build's inference, not named by the text at this point; `evidence` says why. */
  inferred?: true;
  evidence?: string;
}

interface SpeechSourceLike {
  id: string;
  paragraphs: {
    anchor: string;
    text: string;
    spans?:
      | readonly {
          kind: string;
          speaker: string | null;
          cue: string | null;
          start: number;
          end: number;
          holder?: 'person' | 'group' | 'body' | 'outlet' | undefined;
          inferred?: boolean | undefined;
          evidence?: string | undefined;
        }[]
      | undefined;
  }[];
}

/**
 * Every span that is not narration, sources in the given order, paragraphs in
 * file order, spans in text order. `resolve` maps a speaker as the speech stage
 * names them to the canonical name (people pages' `nameResolver`); identity by default.
 */
export function speechRecords(
  sources: readonly SpeechSourceLike[],
  resolve: (speaker: string) => string = (s) => s,
): SpeechRecord[] {
  const out: SpeechRecord[] = [];
  for (const s of sources) {
    for (const p of s.paragraphs) {
      for (const sp of [...(p.spans ?? [])].sort((a, b) => a.start - b.start)) {
        if (sp.kind !== 'direct' && sp.kind !== 'reported' && sp.kind !== 'scare') continue;
        const speaker = sp.kind === 'scare' || sp.speaker === null ? null : resolve(sp.speaker);
        const record: SpeechRecord = {
          source: s.id,
          anchor: p.anchor,
          kind: sp.kind,
          text: p.text.slice(sp.start, sp.end),
          speaker,
          cue: sp.cue,
          start: sp.start,
          end: sp.end,
        };
        if (speaker && sp.holder) record.holder = sp.holder;
        if (speaker && sp.inferred) {
          record.inferred = true;
          if (sp.evidence) record.evidence = sp.evidence;
        }
        out.push(record);
      }
    }
  }
  return out;
}

/** JSON as served: stable key order from the records, one trailing newline. */
export const toJson = (value: unknown): string => `${JSON.stringify(value, null, 1)}\n`;

/**
 * One dated mention in an article paragraph, as `dist/data/events.json` lists it: the dates stage's mention
 * (src/pipeline/dates.ts, every field as documented there) with its source and paragraph; `speaker` is the
 * canonical name of whoever's quotation or reported statement the date is in.
 */
export interface EventRecord extends DateMention {
  source: string;
  /** The paragraph's anchor: `/sources/<source>/#<anchor>`. */
  anchor: string;
}

interface EventSourceLike {
  id: string;
  published?: string | undefined;
  dateInferred?: boolean | undefined;
  paragraphs: DatesParagraph[];
}

/**
 * Every dated mention of every source's article paragraphs, sources in the
 * given order, paragraphs in file order, mentions in text order. `resolve`
 * maps a speaker to its canonical name, as for speech.json.
 */
export function eventRecords(
  sources: readonly EventSourceLike[],
  resolve: (speaker: string) => string = (s) => s,
): EventRecord[] {
  const out: EventRecord[] = [];
  for (const s of sources) {
    const mentions = extractDates(s.paragraphs, { published: s.published, publishedInferred: s.dateInferred });
    s.paragraphs.forEach((p, i) => {
      for (const m of mentions[i] ?? []) {
        // Key order as documented: `end` right after `date`.
        const r: EventRecord = {
          source: s.id,
          anchor: p.anchor ?? '',
          date: m.date,
          ...(m.end !== undefined ? { end: m.end } : {}),
          precision: m.precision,
          explicit: m.explicit,
          words: m.words,
          offset: m.offset,
          event: m.event,
        };
        if (m.speaker !== undefined) r.speaker = resolve(m.speaker);
        if (m.resolvedFrom !== undefined) r.resolvedFrom = m.resolvedFrom;
        if (m.inferred) r.inferred = true;
        if (m.bound !== undefined) r.bound = m.bound;
        if (m.note !== undefined) r.note = m.note;
        out.push(r);
      }
    });
  }
  return out;
}
