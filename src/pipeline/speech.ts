/**
 * The speech stage: who says what in each paragraph of one source. Pure.
 *
 *   extractSpeech(paragraphs, { author, outlet }, corrections?) → SpeechSpan[][]
 *
 * For each input paragraph the result is a list of spans that TILE the
 * paragraph: sorted, no gaps, no overlaps (offsets are UTF-16 indices into the
 * paragraph text as given). Kinds:
 *   - `direct`    words inside quotation marks that someone said or wrote; the
 *                 span includes the marks. `speaker` may be null when nobody can
 *                 be found for a long quotation.
 *   - `reported`  indirect speech or paraphrase credited to a holder ("X said
 *                 (that) …", "according to X, …", "…, he said.", "This, he
 *                 claims, is …"). The span runs from the holder (or the start of
 *                 the sentence for a trailing or parenthetical tag) to the end of
 *                 the statement.
 *   - `narration` the source's own voice: speaker = author, else outlet, else null.
 *   - `scare`     a quoted term nobody is said to say (a so-called "…"); speaker null.
 * Nesting choice: a quotation inside a reported statement is cut out of it as its
 * own `direct` span (so spans never overlap); the pieces of one reported
 * statement and the quotations inside it share a `statement` number. A quote in
 * a reported statement takes the statement's speaker unless it has its own cue
 * (X said Y had called it “…” → the words are Y's).
 *
 * The extractor is general: it reads quotation marks, speech verbs, tags before,
 * after and inside quotes, pronouns and surnames (resolved to the full name
 * introduced in the source), quotes running on across paragraphs, and quotes
 * continuing the previous paragraph's speaker. Every pass is linear in the text
 * length; hostile text (unbalanced marks, apostrophes, thousands of quote marks)
 * never throws.
 *
 * Corrections (see `SpeechCorrection`) are applied after extraction; the spans
 * they create carry `corrected: true` so pages can show them as editorial
 * corrections. `extractSpeechDetailed` also returns the corrections that could
 * not be applied.
 */
import {
  assignSentences,
  normaliseLoose,
  scanQuotes,
  sentenceRanges,
  tokenize,
  type QuoteRange,
  type Token,
} from './speech/text.ts';
import {
  AUX,
  CATENATIVES,
  CLAUSE_OPENERS,
  DETERMINERS,
  FUNCTION_CAPS,
  LEADING_CONNECTORS,
  NAMING_VERBS,
  NOT_COMPLEMENT,
  ORG_WORDS,
  PRONOUNS,
  SPEAKER_NOUNS,
  SPEECH_VERBS,
  STATEMENT_NOUNS,
  TITLES,
  WH,
} from './speech/lexicon.ts';

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

/** Extracts speech spans for each paragraph of one source (see module doc). */
export function extractSpeech(
  paragraphs: readonly SpeechParagraph[],
  ctx: SpeechContext = {},
  corrections: readonly SpeechCorrection[] = [],
): SpeechSpan[][] {
  return extractSpeechDetailed(paragraphs, ctx, corrections).spans;
}

export function extractSpeechDetailed(
  paragraphs: readonly SpeechParagraph[],
  ctx: SpeechContext = {},
  corrections: readonly SpeechCorrection[] = [],
): SpeechResult {
  const analyser = new SourceAnalyser(paragraphs, ctx);
  const spans = paragraphs.map((_, i) => analyser.paragraph(i));
  return applySpeechCorrections(paragraphs, spans, corrections, ctx);
}

// ---------------------------------------------------------------------------
// Range lookup

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
  const voices = new Set(hit.map((s) => (s.kind === 'narration' ? 'narration' : s.kind === 'scare' ? 'scare' : 'speech')));
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

// ---------------------------------------------------------------------------
// Corrections

export function applySpeechCorrections(
  paragraphs: readonly SpeechParagraph[],
  spans: SpeechSpan[][],
  corrections: readonly SpeechCorrection[],
  ctx: SpeechContext = {},
): SpeechResult {
  const out = spans.map((list) => list.slice());
  const unapplied: SpeechCorrection[] = [];
  for (const c of corrections) {
    const index =
      typeof c.paragraph === 'number' ? c.paragraph : paragraphs.findIndex((p) => p.anchor === c.paragraph);
    const para = paragraphs[index];
    const range = para ? locateWords(para.text, c.words) : null;
    if (!para || !range) {
      unapplied.push(c);
      continue;
    }
    const [start, end] = range;
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
    next.push({ kind: c.kind, speaker, cue: c.cue ?? null, start, end, text: para.text.slice(start, end), corrected: true });
    next.sort((a, b) => a.start - b.start);
    out[index] = next;
  }
  return { spans: out, unapplied };
}

const narrator = (ctx: SpeechContext): string | null => ctx.author ?? ctx.outlet ?? null;

// ---------------------------------------------------------------------------
// The analyser

type Gender = 'm' | 'f';

interface NP {
  /** 'pronoun' resolves later; 'name' is a capitalised name; 'np' a common noun phrase kept as written. */
  type: 'pronoun' | 'name' | 'np';
  text: string;
  /** Token index of the phrase's first and last word. */
  first: number;
  last: number;
}

interface Seg {
  kind: 'direct' | 'reported' | 'scare';
  start: number;
  end: number;
  speaker: string | null;
  cue: string | null;
  statement?: number;
  /** Reported statements that cover a whole sentence because of a trailing/parenthetical tag. */
  wholeSentence?: boolean;
}

interface Event {
  kind: 'reported' | 'quote';
  at: number;
  np: NP;
  cue: string;
  mode: 'tag' | 'main';
  start: number;
  end: number;
  quote?: number;
  wholeSentence?: boolean;
  /** Participle after a quote tag: take that tag's speaker. */
  fromQuote?: number;
}

interface Mention {
  para: number;
  offset: number;
  name: string;
}

interface Spoken {
  para: number;
  offset: number;
  name: string;
  person: boolean;
}

interface ParaData {
  text: string;
  quotes: QuoteRange[];
  tokens: Token[];
  sentences: [number, number][];
  /** First token index of each sentence (tokens.length when it has none). */
  sentenceFirst: number[];
}

const isCap = (t: Token | undefined): boolean => t !== undefined && /^\p{Lu}/u.test(t.raw);
const stripPossessive = (w: string): string => w.replace(/['’]s$/u, '').replace(/s['’]$/u, 's');
const PREPOSITIONS = new Set(['for', 'to', 'with', 'of', 'in', 'on', 'against', 'into', 'from', 'about', 'by', 'at', 'over', 'toward', 'towards', 'than']);
const NAME_CONNECTORS = new Set(['of', 'for', 'the', 'de', 'von', 'van', 'al', 'bin', 'la', 'le', 'du', 'der', 'and']);

class SourceAnalyser {
  private readonly paras: readonly SpeechParagraph[];
  private readonly ctx: SpeechContext;
  private readonly data: ParaData[] = [];
  /** Surname → full name, first introduced. */
  private readonly fullNames = new Map<string, string>();
  /** Names known to be persons. */
  private readonly persons = new Set<string>();
  private readonly gender = new Map<string, Gender>();
  private readonly mentions: Mention[] = [];
  private readonly spoken: Spoken[] = [];
  private carry: { open: boolean; speaker: string | null; cue: string | null; statement?: number } = {
    open: false,
    speaker: null,
    cue: null,
  };
  /** Speaker of a direct quote that closed the previous paragraph (for a following quote-only paragraph). */
  private lastDirect: { para: number; speaker: string; cue: string | null } | null = null;
  private pendingRunOn: Seg[] = [];
  private statementCounter = 0;
  private done = -1;
  private readonly results: SpeechSpan[][] = [];

  constructor(paras: readonly SpeechParagraph[], ctx: SpeechContext) {
    this.paras = paras;
    this.ctx = ctx;
    let carry = false;
    for (const p of paras) {
      const text = typeof p.text === 'string' ? p.text : '';
      const quotes = scanQuotes(text, carry);
      const last = quotes[quotes.length - 1];
      carry = last !== undefined && last.unclosed;
      const sentences = sentenceRanges(text, quotes);
      const tokens = tokenize(text, quotes);
      assignSentences(tokens, sentences);
      const sentenceFirst = sentences.map(() => tokens.length);
      for (let k = tokens.length - 1; k >= 0; k--) sentenceFirst[tokens[k]!.sentence] = k;
      this.data.push({ text, quotes, tokens, sentences, sentenceFirst });
    }
    this.collectNames();
  }

  /** Spans of paragraph i (paragraphs are analysed in order; discourse state runs on). */
  paragraph(i: number): SpeechSpan[] {
    while (this.done < i) {
      this.done++;
      this.results.push(this.analyse(this.done));
    }
    return this.results[i]!;
  }

  // -- names -----------------------------------------------------------------

  /** Pre-pass: full names (two or more capitalised words, not a body or place) and single-word speakers. */
  private collectNames(): void {
    // Names come from the article text only: headlines and link lists of page furniture
    // ("Trump Says Putin Is ‘Destroying Russia’") would otherwise teach it false names.
    for (const [i, d] of this.data.entries()) {
      const kind = this.paras[i]!.kind;
      if (kind !== undefined && kind !== 'article') continue;
      for (const run of capRuns(d.tokens)) {
        const name = personName(d.text, d.tokens, run[0], run[1]);
        if (name && name.includes(' ')) {
          this.persons.add(name);
          const surname = name.split(' ').pop()!;
          if (!this.fullNames.has(surname)) this.fullNames.set(surname, name);
          const hon = d.tokens[run[0] - 1]?.lower;
          if (hon === 'mr') this.gender.set(name, 'm');
          if (hon === 'mrs' || hon === 'ms') this.gender.set(name, 'f');
        }
      }
      // Single capitalised words that speak: "Gorbachev insisted", "said Zelensky".
      d.tokens.forEach((t, k) => {
        if (!SPEECH_VERBS.has(t.lower) || t.quote >= 0) return;
        let j = k - 1;
        while (j >= 0 && j > k - MAX_LOOKBACK && AUX.has(d.tokens[j]!.lower)) j--;
        const prev = d.tokens[j];
        if (prev && d.tokens[j + 1]!.before === '' && isCap(prev) && !isCap(d.tokens[j - 1]) && isSingleName(prev)) this.persons.add(stripPossessive(prev.raw));
        const next = d.tokens[k + 1];
        if (next && next.before === '' && isCap(next) && !isCap(d.tokens[k + 2]) && isSingleName(next) && next.quote < 0) {
          this.persons.add(stripPossessive(next.raw));
        }
      });
    }
  }

  /** A capitalised name as the source gives it, resolved to the full name when a surname. */
  private fullName(name: string): string {
    if (!name.includes(' ')) return this.fullNames.get(name) ?? name;
    return name;
  }

  private isPerson(name: string): boolean {
    if (this.persons.has(name)) return true;
    return !name.includes(' ') && this.fullNames.has(name);
  }

  // -- pronouns ----------------------------------------------------------------

  private resolve(np: NP, para: number, mode: 'tag' | 'main'): string {
    if (np.type === 'name') return this.fullName(np.text);
    if (np.type === 'np') return np.text;
    const d = this.data[para]!;
    const word = np.text.toLowerCase().replace(/\u2019/gu, "'");
    const g = PRONOUNS.get(word);
    const offset = d.tokens[np.first]!.start;
    if (g === 'm' || g === 'f') return this.resolvePerson(g, para, offset, mode) ?? np.text;
    if (g === 'n') return this.mainSubject(para, d.tokens[np.first]!.sentence, np.first) ?? np.text;
    if (g === 'p') {
      for (let k = this.spoken.length - 1; k >= 0 && k >= this.spoken.length - MAX_HISTORY; k--) {
        const s = this.spoken[k]!;
        if (s.para < para - 1) break;
        if (!s.person && s.offset <= offset + (s.para < para ? Infinity : 0)) return s.name;
      }
      return np.text;
    }
    return np.text;
  }

  private compatible(name: string, g: Gender): boolean {
    const known = this.gender.get(name);
    return known === undefined || known === g;
  }

  private bind(name: string, g: Gender): string {
    if (!this.gender.has(name)) this.gender.set(name, g);
    return name;
  }

  private resolvePerson(g: Gender, para: number, offset: number, mode: 'tag' | 'main'): string | null {
    const before = (x: { para: number; offset: number }) => x.para < para || (x.para === para && x.offset < offset);
    const speakers: Spoken[] = [];
    for (let k = this.spoken.length - 1; k >= 0 && speakers.length < MAX_HISTORY && k >= this.spoken.length - 4 * MAX_HISTORY; k--) {
      const sp = this.spoken[k]!;
      if (sp.person && before(sp)) speakers.unshift(sp);
    }
    const lastSpeaker = speakers[speakers.length - 1];
    const mentions: Mention[] = [];
    for (let k = this.mentions.length - 1; k >= 0 && mentions.length < MAX_HISTORY && k >= this.mentions.length - 4 * MAX_HISTORY; k--) {
      const m = this.mentions[k]!;
      if (before(m)) mentions.unshift(m);
    }
    const fromMentions = (): string | null => {
      for (let k = mentions.length - 1; k >= 0; k--) {
        const m = mentions[k]!;
        if (m.para < para - 3) break;
        if (this.compatible(m.name, g)) return this.bind(m.name, g);
      }
      return null;
    };
    if (mode === 'main') {
      const m = fromMentions();
      if (m) return m;
    }
    if (lastSpeaker && lastSpeaker.para >= para - 2 && this.compatible(lastSpeaker.name, g)) {
      return this.bind(lastSpeaker.name, g);
    }
    for (let k = speakers.length - 1; k >= 0; k--) {
      const s = speakers[k]!;
      if (s.para < para - 8) break;
      if (this.gender.get(s.name) === g) return s.name;
    }
    return fromMentions();
  }

  /** "it": the subject of the sentence's main clause (or of the previous sentence). */
  private mainSubject(para: number, sentence: number, notAt: number): string | null {
    const d = this.data[para]!;
    for (let s = sentence; s >= Math.max(0, sentence - 1); s--) {
      const np = subjectOfSentence(d, s);
      if (np && np.type !== 'pronoun' && np.first !== notAt) return np.type === 'name' ? this.fullName(np.text) : np.text;
    }
    return null;
  }

  private noteSpeaker(name: string, np: NP, para: number, offset: number): void {
    this.spoken.push({ para, offset, name, person: np.type !== 'np' && this.isPerson(name) });
  }

  // -- one paragraph -----------------------------------------------------------

  private analyse(pi: number): SpeechSpan[] {
    const para = this.paras[pi]!;
    const d = this.data[pi]!;
    const { text, quotes, tokens } = d;
    const narr = narrator(this.ctx);
    if (!text) return [];
    const carried = this.carry;
    this.carry = { open: false, speaker: null, cue: null };
    if (para.kind !== undefined && para.kind !== 'article') {
      this.lastDirect = null;
      return [{ kind: 'narration', speaker: narr, cue: null, start: 0, end: text.length, text }];
    }

    // Person mentions outside quotes, in order.
    for (const run of capRuns(tokens)) {
      const t = tokens[run[0]]!;
      if (t.quote >= 0) continue;
      const name = personName(text, tokens, run[0], run[1]);
      if (name && (name.includes(' ') ? this.persons.has(name) : this.isPerson(name))) {
        this.mentions.push({ para: pi, offset: t.start, name: this.fullName(name) });
      }
    }

    const events: Event[] = [];
    const used = new Set<number>(); // verb tokens consumed by quote tags

    // 1. Quote tags.
    const quoteTag: (Event | null)[] = quotes.map(() => null);
    const scare: boolean[] = quotes.map(() => false);
    quotes.forEach((q, qi) => {
      const firstIn = tokenFrom(tokens, q.start);
      const afterIdx = tokenFrom(tokens, q.end);
      const after = afterIdx < tokens.length ? afterIdx : -1;
      const beforeIdx = firstIn - 1;
      const prev = tokens[beforeIdx];
      if (prev && prev.quote < 0 && (prev.lower === 'so-called' || (prev.lower === 'called' && tokens[beforeIdx - 1]?.lower === 'so'))) {
        scare[qi] = true;
        return;
      }
      // After: “…,” said X / “…,” X said / “…,” leading analyst X told CNN
      const a = tokens[after];
      const closing = text.slice(q.end - 2, q.end);
      if (a && after >= 0 && a.quote < 0 && !q.unclosed && sameSentence(d, q.end - 1, a.start) && !/[.]/u.test(closing[0] ?? '')) {
        const ev = this.tagAfter(d, after, q, qi, used);
        if (ev) {
          quoteTag[qi] = ev;
          events.push(ev);
          return;
        }
      } else if (a && after >= 0 && a.quote < 0 && !q.unclosed && sameSentence(d, q.end - 1, a.start)) {
        const ev = this.tagAfter(d, after, q, qi, used);
        if (ev) {
          quoteTag[qi] = ev;
          events.push(ev);
          return;
        }
      }
      // Before: X said, “…” / X noted that “…”
      if (prev && prev.quote < 0 && sameSentence(d, prev.start, q.start)) {
        const gap = text.slice(prev.end, q.start);
        let vi = -1;
        if (/^[\s,:\u2014\u2013-]*$/u.test(gap) && SPEECH_VERBS.has(prev.lower)) vi = beforeIdx;
        else if (/^\s*$/u.test(gap) && prev.lower === 'that' && SPEECH_VERBS.has(tokens[beforeIdx - 1]?.lower ?? '')) vi = beforeIdx - 1;
        // A quotation that is only part of the clause (“…” in the war …) belongs to a reported statement.
        const partial = q.unclosed || /[,.!?\u2026]\s*.$/u.test(text.slice(q.start, q.end)) ? false : /^[\s\u00a0]+[\p{Ll}\d]/u.test(text.slice(q.end)) && sameSentence(d, q.start, Math.min(text.length - 1, q.end + 1));
        if (vi >= 0 && !partial) {
          const np = subjectBefore(d, vi);
          if (np) {
            used.add(vi);
            const ev: Event = { kind: 'quote', at: tokens[np.first]!.start, np, cue: cueText(d, vi), mode: 'main', start: q.start, end: q.end, quote: qi };
            quoteTag[qi] = ev;
            events.push(ev);
            return;
          }
        }
      }
      // Naming: called X “…”, referred to X as “…”, what it calls a “…”
      let seen = 0;
      for (let k = beforeIdx; k >= 0 && seen < 8 && k > beforeIdx - 4 * MAX_LOOKBACK; k--) {
        const t = tokens[k]!;
        if (t.quote >= 0) continue;
        if (!sameSentence(d, t.start, q.start)) break;
        seen++;
        if (NAMING_VERBS.has(t.lower)) {
          const np = subjectBefore(d, k) ?? coordinatedSubject(d, k);
          if (np) {
            used.add(k);
            const ev: Event = { kind: 'quote', at: tokens[np.first]!.start, np, cue: t.raw, mode: 'main', start: q.start, end: q.end, quote: qi };
            quoteTag[qi] = ev;
            events.push(ev);
          }
          break;
        }
        if (/[.;:!?]/u.test(tokens[k + 1]?.before ?? '') && k !== beforeIdx) break;
      }
    });

    // 2. Reported statements outside quotes.
    const quoteTags = events.filter((e) => e.mode === 'tag').sort((x, y) => x.end - y.end);
    const perSentence = new Map<number, number>();
    tokens.forEach((t, k) => {
      if (t.quote >= 0 || used.has(k)) return;
      if ((perSentence.get(t.sentence) ?? 0) >= MAX_EVENTS_PER_SENTENCE) return;
      const ev = this.reportedAt(d, k, quoteTags);
      if (ev) {
        events.push(ev);
        perSentence.set(t.sentence, (perSentence.get(t.sentence) ?? 0) + 1);
      }
    });

    // 3. Resolve in text order.
    events.sort((x, y) => x.at - y.at || x.start - y.start);
    const segs: Seg[] = [];
    const wholeSentences = new Set<number>();
    const bySentence = new Map<number, Seg[]>();
    const quoteSpeaker: ({ speaker: string | null; cue: string | null; statement?: number } | null)[] = quotes.map(() => null);
    for (const ev of events) {
      let speaker: string;
      if (ev.fromQuote !== undefined && quoteSpeaker[ev.fromQuote]?.speaker) speaker = quoteSpeaker[ev.fromQuote]!.speaker!;
      else speaker = this.resolve(ev.np, pi, ev.mode);
      this.noteSpeaker(speaker, ev.np, pi, ev.at);
      if (ev.kind === 'quote') {
        quoteSpeaker[ev.quote!] = { speaker, cue: ev.cue };
      } else {
        const statement = ++this.statementCounter;
        // A later statement cuts an earlier one short; a whole-sentence tag keeps inner ones out.
        const sentence = sentenceAt(d, ev.start);
        if (wholeSentences.has(sentence)) continue;
        if (ev.wholeSentence) wholeSentences.add(sentence);
        const same = bySentence.get(sentence) ?? [];
        for (const s of same) if (s.start < ev.start && s.end > ev.start) s.end = ev.start;
        if (ev.wholeSentence) for (const s of same) s.end = s.start; // the whole-sentence tag wins
        const seg: Seg = { kind: 'reported', start: ev.start, end: ev.end, speaker, cue: ev.cue, statement, wholeSentence: ev.wholeSentence };
        segs.push(seg);
        same.push(seg);
        bySentence.set(sentence, same);
      }
    }

    // 4. Quotes without their own tag.
    const reportedSorted = segs.filter((s) => s.kind === 'reported' && s.end > s.start).sort((a, b) => a.start - b.start);
    const firstText = text.search(/\S/u);
    quotes.forEach((q, qi) => {
      if (scare[qi] || quoteSpeaker[qi]) return;
      let lo = 0;
      let hi = reportedSorted.length - 1;
      let cand = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (reportedSorted[mid]!.start <= q.start) {
          cand = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      const c = cand >= 0 ? reportedSorted[cand]! : undefined;
      const inside = c && c.end >= q.end ? c : undefined;
      if (inside) {
        quoteSpeaker[qi] = { speaker: inside.speaker, cue: inside.cue, statement: inside.statement };
        return;
      }
      const opensParagraph = firstText === q.start;
      if (q.carried || (opensParagraph && qi === 0 && carried.open)) {
        quoteSpeaker[qi] = { speaker: carried.speaker, cue: carried.cue };
        return;
      }
      if (opensParagraph && qi === 0 && this.lastDirect && this.lastDirect.para === pi - 1 && sentenceLike(text, q)) {
        quoteSpeaker[qi] = { speaker: this.lastDirect.speaker, cue: this.lastDirect.cue };
        return;
      }
    });
    // Same paragraph: an untagged full quotation goes with the nearest tagged one.
    const prevTagged: number[] = [];
    const nextTagged: number[] = [];
    for (let k = 0, last = -1; k < quotes.length; k++) {
      prevTagged.push(last);
      if (quoteTag[k] && quoteSpeaker[k]?.speaker) last = k;
    }
    for (let k = quotes.length - 1, last = -1; k >= 0; k--) {
      nextTagged[k] = last;
      if (quoteTag[k] && quoteSpeaker[k]?.speaker) last = k;
    }
    quotes.forEach((q, qi) => {
      if (scare[qi] || quoteSpeaker[qi] || !sentenceLike(text, q)) return;
      const pick = prevTagged[qi]! >= 0 ? prevTagged[qi]! : nextTagged[qi]!;
      if (pick >= 0) quoteSpeaker[qi] = { ...quoteSpeaker[pick]!, statement: undefined };
    });
    quotes.forEach((q, qi) => {
      const qs = quoteSpeaker[qi];
      if (scare[qi] || (!qs && !sentenceLike(text, q))) {
        segs.push({ kind: 'scare', start: q.start, end: q.end, speaker: null, cue: null });
      } else {
        segs.push({ kind: 'direct', start: q.start, end: q.end, speaker: qs?.speaker ?? null, cue: qs?.cue ?? null, statement: qs?.statement });
      }
    });

    // Run-on bookkeeping.
    const lastQuote = quotes.length - 1;
    const directSegs = segs.filter((s) => s.kind === 'direct');
    if (this.pendingRunOn.length > 0) {
      const first = directSegs.find((s) => s.start === quotes[0]?.start);
      if (first?.speaker)
        for (const s of this.pendingRunOn) {
          s.speaker = first.speaker;
          s.cue = first.cue;
        }
      // Earlier paragraphs' spans were already emitted; patch them in place.
      this.patchPending(first?.speaker ?? null, first?.cue ?? null);
    }
    this.pendingRunOn = [];
    if (lastQuote >= 0 && quotes[lastQuote]!.unclosed) {
      const seg = segs.find((s) => s.start === quotes[lastQuote]!.start && s.kind === 'direct');
      this.carry = { open: true, speaker: seg?.speaker ?? null, cue: seg?.cue ?? null };
      if (seg && !seg.speaker) this.pendingRunOn.push(seg);
      this.pendingPara = pi;
    }
    // Did the paragraph end with a tagged direct quote (plus its tag)?
    this.lastDirect = null;
    if (lastQuote >= 0) {
      const q = quotes[lastQuote]!;
      const qs = quoteSpeaker[lastQuote];
      const tail = text.slice(q.end);
      if (qs?.speaker && !scare[lastQuote] && !/[.!?]\s+\p{Lu}/u.test(tail)) {
        this.lastDirect = { para: pi, speaker: qs.speaker, cue: qs.cue };
      }
    }

    return tile(text, segs, narr);
  }

  private pendingPara = -1;

  private patchPending(speaker: string | null, cue: string | null): void {
    if (!speaker || this.pendingPara < 0) return;
    const spans = this.results[this.pendingPara];
    if (!spans) return;
    for (const s of spans)
      if (s.kind === 'direct' && s.speaker === null && s.end === this.data[this.pendingPara]!.text.length) {
        s.speaker = speaker;
        s.cue = cue;
      }
  }

  /** A tag right after a quote: “…,” said X / “…,” X said / “…,” she added. */
  private tagAfter(d: ParaData, k: number, q: QuoteRange, qi: number, used: Set<number>): Event | null {
    const { tokens } = d;
    const t = tokens[k]!;
    const inner = d.text.slice(q.start, q.end - 1).trimEnd();
    const punctuated = /[,!?\u2026\u2014\u2013.-]$/u.test(inner);
    if (!punctuated && !/^(?:said|says|say|told|tells|added|adds|wrote|writes|asked|asks)$/u.test(t.lower) && !SPEECH_VERBS.has(d.tokens[k + 1]?.lower ?? '')) {
      // “neutral” state …: a quoted word followed by an ordinary word, no tag.
      let any = false;
      for (let v = k; v < Math.min(d.tokens.length, k + 8); v++) if (SPEECH_VERBS.has(d.tokens[v]!.lower) && !SPEECH_VERBS.get(d.tokens[v]!.lower)!.needsThat) any = true;
      if (!any) return null;
    }
    if (SPEECH_VERBS.has(t.lower)) {
      const np = subjectAfter(d, k);
      if (np) {
        used.add(k);
        return { kind: 'quote', at: tokens[np.first]!.start, np, cue: cueText(d, k), mode: 'tag', start: q.start, end: q.end, quote: qi };
      }
    }
    // Subject then verb within a few words, no break between.
    for (let v = k + 1; v < Math.min(tokens.length, k + 12); v++) {
      const tv = tokens[v]!;
      if (tv.quote >= 0 || tv.sentence !== t.sentence) break;
      if (SPEECH_VERBS.has(tv.lower) && !SPEECH_VERBS.get(tv.lower)!.participle) {
        const np = subjectBefore(d, v);
        if (np && np.first >= k) {
          used.add(v);
          return { kind: 'quote', at: tokens[np.first]!.start, np, cue: cueText(d, v), mode: 'tag', start: q.start, end: q.end, quote: qi };
        }
        return null;
      }
      if (/[.;:!?]/u.test(tv.before)) break;
    }
    return null;
  }

  /** A reported statement whose cue word is token k (or null). */
  private reportedAt(d: ParaData, k: number, quoteTags: Event[]): Event | null {
    const { tokens, text } = d;
    const t = tokens[k]!;
    const [sStart, sEnd] = d.sentences[t.sentence]!;
    const next = tokens[k + 1];
    // according to X, …
    if (t.lower === 'according' && next?.lower === 'to') {
      const np = phraseAfter(d, k + 2);
      if (!np) return null;
      return { kind: 'reported', at: t.start, np, cue: text.slice(t.start, next.end), mode: 'main', start: sStart, end: trimEnd(text, sEnd), wholeSentence: true };
    }
    // In X's view, … / his argument that …
    if (STATEMENT_NOUNS.has(t.lower)) {
      const poss = tokens[k - 1];
      if (!poss || poss.quote >= 0 || /[,;:.]/u.test(t.before)) return null;
      const isPoss = /['’]s$/u.test(poss.raw) || ['his', 'her', 'their', 'its'].includes(poss.lower);
      if (!isPoss) return null;
      const inAt = tokens[k - 2]?.lower === 'in' ? k - 2 : tokens[k - 2]?.lower === 'the' && tokens[k - 3]?.lower === 'in' ? k - 3 : -1;
      const inView = inAt >= 0 && (t.lower === 'view' || t.lower === 'words' || t.lower === 'opinion');
      if (!inView && next?.lower !== 'that') return null;
      const np = possessor(d, k - 1);
      if (!np) return null;
      const start = inView ? sStart : tokens[np.first]!.start;
      return { kind: 'reported', at: tokens[np.first]!.start, np, cue: text.slice(tokens[inView ? inAt : np.first]!.start, t.end), mode: inView ? 'tag' : 'main', start, end: clauseEnd(text, t.end, sEnd), wholeSentence: inView };
    }
    // made it (very) clear that / made no secret of
    const vi = k;
    let cueEnd = t.end;
    let cueLast = k;
    let fixedCue = false;
    if (['made', 'make', 'makes', 'making'].includes(t.lower)) {
      const w = tokens.slice(k + 1, k + 5).map((x) => x.lower);
      const clearAt = w[0] === 'it' ? (w[1] === 'clear' ? 2 : w[2] === 'clear' ? 3 : -1) : -1;
      if (clearAt > 0 && w[clearAt] === 'that') cueLast = k + clearAt;
      else if (w[0] === 'no' && w[1] === 'secret' && w[2] === 'of') cueLast = k + 2;
      else return null;
      fixedCue = true;
      cueEnd = tokens[cueLast]!.end;
    } else if (['point', 'points', 'pointed', 'pointing'].includes(t.lower) && next?.lower === 'out') {
      cueEnd = next.end;
      cueLast = k + 1;
    } else if (!SPEECH_VERBS.has(t.lower)) {
      return null;
    }
    const info = SPEECH_VERBS.get(t.lower);
    const afterCue = cueLast + 1 < tokens.length ? cueLast + 1 : -1;
    const comp = afterCue >= 0 ? tokens[afterCue] : undefined;
    const gapAfter = text.slice(cueEnd, comp?.start ?? trimEnd(text, sEnd));
    const compInQuote = comp !== undefined && comp.quote >= 0;
    const endsHere = comp === undefined || comp.sentence !== t.sentence || /[.!?\u2014\u2013]/u.test(gapAfter);
    // tell needs its hearer: told CNN / told Ukraine that
    let cue = text.slice(t.start, cueEnd);
    let compIdx = afterCue < 0 ? tokens.length : afterCue;
    if (info?.tell && comp && isCap(comp) && comp.sentence === t.sentence && !/[,.;:]/u.test(gapAfter)) {
      let e = afterCue;
      while (isCap(tokens[e + 1]) && tokens[e + 1]!.before === '') e++;
      cue = text.slice(t.start, tokens[e]!.end);
      compIdx = e + 1;
    }
    if ((t.lower === 'asked' || t.lower === 'ask' || t.lower === 'asks') && comp?.lower === 'for') cue = text.slice(t.start, comp.end);
    const compTok = tokens[compIdx];
    const tagEnd =
      compTok === undefined || compTok.sentence !== t.sentence || /[.!?\u2014\u2013]/u.test(text.slice(tokens[compIdx - 1]!.end, compTok.start));
    const parenthetical = /,/u.test(text.slice(tokens[compIdx - 1]!.end, compTok?.start ?? sEnd)) && !tagEnd;

    // Participle after a comma: “…,” X said, adding that … / Putin uses myths, claiming that …
    if (info?.participle) {
      if (!/,/u.test(t.before) && !['by'].includes(tokens[k - 1]?.lower ?? '')) return null;
      if (info.needsThat && next?.lower !== 'that' && !compInQuote) return null;
      if (endsHere) return null;
      let lo = 0;
      let hi = quoteTags.length - 1;
      let cand = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (quoteTags[mid]!.end <= t.start) {
          cand = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      const tc = cand >= 0 ? quoteTags[cand] : undefined;
      const tagged = tc && sentenceAt(d, tc.end) === t.sentence && tc.end < t.start ? tc : undefined;
      if (tagged && tagged.quote !== undefined && tokens[k - 1] && tokens[k - 1]!.start > tagged.end) {
        return { kind: 'reported', at: t.start, np: tagged.np, cue, mode: 'tag', start: t.start, end: clauseEnd(text, cueEnd, sEnd), fromQuote: tagged.quote };
      }
      const np = subjectOfSentence(d, t.sentence);
      if (!np || np.first >= k) return null;
      return { kind: 'reported', at: t.start, np, cue, mode: 'main', start: t.start, end: clauseEnd(text, cueEnd, sEnd) };
    }

    // Subject before the verb.
    let np = subjectBefore(d, vi);
    if (!np) {
      const main = subjectOfSentence(d, t.sentence);
      const c = main && main.last < vi ? main : coordinatedSubject(d, vi);
      let b = vi - 1;
      while (b >= 0 && (AUX.has(tokens[b]!.lower) || /ly$/u.test(tokens[b]!.lower))) b--;
      const joiner = tokens[b]?.lower;
      if (c && (joiner === 'but' || joiner === 'and' || b < vi - 1)) np = c;
    }
    if (!np) return null;
    const beforeSubj = tokens[np.first - 1];
    if (beforeSubj && (WH.has(beforeSubj.lower) || (beforeSubj.sentence === t.sentence && ['did', 'does', 'do', 'would', 'will', 'can', 'could'].includes(beforeSubj.lower) && !/[,;:]/u.test(tokens[np.first]!.before)))) return null;
    if (tokens[vi - 1]?.lower === 'to' && !CATENATIVES.has(tokens[vi - 2]?.lower ?? '')) return null;
    const subjStart = tokens[np.first]!.start;
    const commaBeforeSubj = np.first > 0 && /,/u.test(tokens[np.first]!.before) && tokens[np.first - 1]!.sentence === t.sentence;
    // Trailing tag: "…, he said." / "…, CNN reports." / "…, she suggests – …"
    if (tagEnd && commaBeforeSubj && tokens[np.first - 1]!.quote < 0) {
      return { kind: 'reported', at: subjStart, np, cue, mode: 'tag', start: sStart, end: trimEnd(text, sEnd), wholeSentence: true };
    }
    // Parenthetical: "This, he claims, is …"
    if (parenthetical && commaBeforeSubj && np.last - np.first < 4) {
      return { kind: 'reported', at: subjStart, np, cue, mode: 'tag', start: sStart, end: trimEnd(text, sEnd), wholeSentence: true };
    }
    if (tagEnd) return null;
    const compWord = tokens[compIdx];
    if (!compWord) return null;
    if (info?.needsThat && /,/u.test(gapAfter) && !fixedCue) return null;
    if (info?.needsThat && compWord.lower !== 'that' && compWord.quote < 0 && !/:/u.test(gapAfter) && cue === text.slice(t.start, t.end)) return null;
    if (!fixedCue && NOT_COMPLEMENT.has(compWord.lower) && !(compWord.lower === 'for' && /^ask/u.test(t.lower))) return null;
    return { kind: 'reported', at: subjStart, np, cue, mode: np.type === 'pronoun' && commaBeforeSubj ? 'tag' : 'main', start: subjStart, end: clauseEnd(text, cueEnd, sEnd) };
  }
}

// ---------------------------------------------------------------------------
// Phrase helpers (pure, bounded look-around: linear overall)

/** Index of the sentence containing position pos (binary search). */
function sentenceAt(d: ParaData, pos: number): number {
  let lo = 0;
  let hi = d.sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (d.sentences[mid]![0] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function sameSentence(d: ParaData, a: number, b: number): boolean {
  if (a < 0 || b < 0 || a >= d.text.length || b >= d.text.length) return false;
  return sentenceAt(d, a) === sentenceAt(d, b);
}

/** Index of the first token starting at or after pos (tokens.length if none). */
function tokenFrom(tokens: Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Work limits that keep hostile text linear: real prose stays far below them. */
const MAX_LOOKBACK = 12;
const MAX_EVENTS_PER_SENTENCE = 32;
const MAX_HISTORY = 400;

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/u.test(text[e - 1]!)) e--;
  return e;
}

/** End of a reported clause: the sentence end, or an earlier "; " / ", but " / " – " after the cue. */
function clauseEnd(text: string, from: number, sEnd: number): number {
  const rest = text.slice(from, sEnd);
  const m = /;\s|,\s+but\s/u.exec(rest);
  return trimEnd(text, m ? from + m.index : sEnd);
}

function cueText(d: ParaData, v: number): string {
  const t = d.tokens[v]!;
  const info = SPEECH_VERBS.get(t.lower);
  const next = d.tokens[v + 1];
  if (info?.tell && next && isCap(next) && next.before === '' && next.sentence === t.sentence) {
    let e = v + 1;
    while (isCap(d.tokens[e + 1]) && d.tokens[e + 1]!.before === '') e++;
    return d.text.slice(t.start, d.tokens[e]!.end);
  }
  return t.raw;
}

function isSingleName(t: Token): boolean {
  const w = stripPossessive(t.raw);
  const lower = w.toLowerCase();
  return (
    !FUNCTION_CAPS.has(lower) &&
    !ORG_WORDS.has(lower) &&
    !TITLES.has(lower) &&
    !/^\p{Lu}+$/u.test(w) &&
    !/\d/u.test(w) &&
    !/(?:ian|ese|ish|ern|an)$/u.test(lower) // demonyms and adjectives: Russian, Chinese, British, Western
  );
}

/** Runs of capitalised words outside quotes (token index ranges, inclusive), joined by name connectors. */
function capRuns(tokens: Token[]): [number, number][] {
  const out: [number, number][] = [];
  let k = 0;
  while (k < tokens.length) {
    if (!isCap(tokens[k])) {
      k++;
      continue;
    }
    let e = k;
    for (;;) {
      const n = tokens[e + 1];
      if (n && n.before === '' && n.quote === tokens[k]!.quote && isCap(n) && !/['’]s$/u.test(tokens[e]!.raw)) {
        e++;
        continue;
      }
      if (n && n.before === '' && NAME_CONNECTORS.has(n.lower) && n.lower !== 'and' && isCap(tokens[e + 2]) && tokens[e + 2]!.before === '' && !/['’]s$/u.test(tokens[e]!.raw)) {
        e += 2;
        continue;
      }
      break;
    }
    out.push([k, e]);
    k = e + 1;
  }
  return out;
}

/** The person's name in a capitalised run (function words and titles dropped), or null for a body/place. */
function personName(text: string, tokens: Token[], a: number, b: number): string | null {
  let s = a;
  while (s <= b && (FUNCTION_CAPS.has(tokens[s]!.lower) || LEADING_CONNECTORS.has(tokens[s]!.lower))) s++;
  let lastTitle = -1;
  for (let k = s; k <= b; k++) if (TITLES.has(stripPossessive(tokens[k]!.lower))) lastTitle = k;
  if (lastTitle >= 0 && lastTitle < b) s = lastTitle + 1;
  if (s > b) return null;
  const words: string[] = [];
  for (let k = s; k <= b; k++) {
    const w = tokens[k]!;
    const lw = stripPossessive(w.lower);
    if (ORG_WORDS.has(lw) || NAME_CONNECTORS.has(lw) || /\d/u.test(w.raw) || /^\p{Lu}{2,}$/u.test(w.raw)) return null;
    words.push(stripPossessive(w.raw));
  }
  if (words.length === 1) return isSingleName(tokens[b]!) ? words[0]! : null;
  if (words.length > 4) return null;
  // A leading demonym is an adjective, not a first name (Russian Orthodox …).
  if (/(?:ian|ese|ish|ern)$/u.test(words[0]!.toLowerCase()) || words.some((w) => /-\p{Ll}/u.test(w))) return null;
  void text;
  return words.join(' ');
}

/** Capitalised name ending at token `last` (going back over the run), title-stripped. */
function nameEndingAt(d: ParaData, last: number): NP | null {
  const { tokens } = d;
  let first = last;
  while (first > 0 && first > last - 8) {
    const p = tokens[first - 1]!;
    if (tokens[first]!.before !== '' || p.quote >= 0) break;
    if (isCap(p) && !FUNCTION_CAPS.has(p.lower) && !/['’]s$/u.test(p.raw)) {
      first--;
      continue;
    }
    if (NAME_CONNECTORS.has(p.lower) && p.lower !== 'and' && p.before === '') {
      // one or two connectors (of, for the) between capitalised words
      let c = first - 1;
      if (c > 0 && NAME_CONNECTORS.has(tokens[c - 1]!.lower) && tokens[c - 1]!.lower !== 'and' && tokens[c]!.before === '') c--;
      const w = tokens[c - 1];
      if (w && isCap(w) && !FUNCTION_CAPS.has(w.lower) && tokens[c]!.before === '' && !/['’]s$/u.test(w.raw)) {
        first = c - 1;
        continue;
      }
    }
    break;
  }
  // "The Institute for …": keep a leading "the" for bodies.
  let the = false;
  if (first > 0 && tokens[first - 1]!.lower === 'the' && tokens[first]!.before === '') the = true;
  if (FUNCTION_CAPS.has(tokens[first]!.lower) && tokens[first]!.lower === 'the') {
    the = true;
    first++;
  }
  while (first < last && (FUNCTION_CAPS.has(tokens[first]!.lower) || LEADING_CONNECTORS.has(tokens[first]!.lower))) first++;
  let s = first;
  for (let k = first; k < last; k++) if (TITLES.has(tokens[k]!.lower)) s = k + 1;
  const words = tokens.slice(s, last + 1).map((t) => t.raw);
  if (words.length === 0) return null; // only a title ("… the President said"): no name
  words[words.length - 1] = stripPossessive(words[words.length - 1]!);
  const isOrg = tokens.slice(s, last + 1).some((t) => ORG_WORDS.has(stripPossessive(t.lower))) || words.length > 4;
  if (FUNCTION_CAPS.has(tokens[last]!.lower)) return null;
  const text = (the && isOrg ? 'the ' : '') + words.join(' ');
  return { type: 'name', text, first: the && isOrg ? Math.max(0, first - 1) : s, last };
}

/** Subject of the speech verb at token v: back over auxiliaries/adverbs, through one appositive. */
function subjectBefore(d: ParaData, v: number): NP | null {
  const { tokens, text } = d;
  const sent = tokens[v]!.sentence;
  let j = v - 1;
  while (j >= 0 && j > v - MAX_LOOKBACK && tokens[j]!.quote < 0 && tokens[j]!.sentence === sent && tokens[j + 1]!.before === '') {
    const l = tokens[j]!.lower;
    if (AUX.has(l) || (/ly$/u.test(l) && !isCap(tokens[j]))) j--;
    else if (l === 'to' && CATENATIVES.has(tokens[j - 1]?.lower ?? '')) j -= 2;
    else break;
  }
  if (j < 0) return null;
  let head = tokens[j]!;
  if (head.quote >= 0 || head.sentence !== sent) return null;
  // Appositive: "X, a Russian journalist …, said"
  if (/,/u.test(tokens[j + 1]!.before) && !/[.;:]/u.test(tokens[j + 1]!.before)) {
    let c = j;
    let n = 0;
    while (c > 0 && tokens[c]!.before === '' && tokens[c - 1]!.sentence === sent && n < 30) {
      c--;
      n++;
    }
    // tokens[c] opens the chunk before the verb
    const opener = tokens[c]!;
    if (c > 0 && /,/u.test(opener.before) && !isCap(opener) && tokens[c - 1]!.quote < 0) {
      j = c - 1;
      head = tokens[j]!;
    } else return null;
  }
  const lower = head.lower;
  const pron = PRONOUNS.get(lower);
  if (pron && !['his', 'her', 'its', 'their'].includes(lower)) {
    const word = lower.endsWith("'s") ? head.raw.slice(0, -2) : head.raw;
    return { type: 'pronoun', text: word, first: j, last: j };
  }
  if (isCap(head) && !FUNCTION_CAPS.has(lower)) {
    const np = nameEndingAt(d, j);
    if (np) return np;
  }
  if (!isCap(head) && !PRONOUNS.has(lower) && !AUX.has(lower)) {
    const speakerHead = SPEAKER_NOUNS.has(lower) || /(?:ers|ists|ians|ants|ents|ials)$/u.test(lower);
    let first = j;
    let n = 0;
    while (first > 0 && n < 6) {
      const p = tokens[first - 1]!;
      if (tokens[first]!.before !== '' || p.quote >= 0 || p.sentence !== sent) break;
      const pl = p.lower;
      if (WH.has(pl) || NOT_COMPLEMENT.has(pl) && pl !== 'and' && pl !== 'of' || ['that', 'who', 'when', 'while', 'but', 'is', 'are', 'was', 'were', 'be'].includes(pl)) break;
      if (!isCap(p) && (AUX.has(pl) || SPEECH_VERBS.has(pl))) break;
      first--;
      n++;
    }
    while (first < j && (LEADING_CONNECTORS.has(tokens[first]!.lower) || tokens[first]!.lower === 'and')) first++;
    const f = tokens[first]!;
    const atBoundary = first === 0 || f.sentence !== tokens[first - 1]!.sentence || /[,;:]/u.test(f.before);
    const clean = atBoundary && (DETERMINERS.has(f.lower) || isCap(f)) && first < j;
    if (!speakerHead && !clean) return null;
    if (!speakerHead && tokens.slice(first, j).some((x) => /['’]s$/u.test(x.raw))) return null;
    let s = text.slice(tokens[first]!.start, head.end);
    if (/^The\s/u.test(s)) s = 'the' + s.slice(3);
    return { type: 'np', text: s, first, last: j };
  }
  return null;
}

/** Speaker after a verb in a tag: "said Russian analyst Mark Galeotti", "said she". */
function subjectAfter(d: ParaData, v: number): NP | null {
  const { tokens } = d;
  const sent = tokens[v]!.sentence;
  let last = -1;
  for (let k = v + 1; k < Math.min(tokens.length, v + 10); k++) {
    const t = tokens[k]!;
    if (t.sentence !== sent || t.quote >= 0 || (k > v + 1 && t.before !== '')) break;
    if (k === v + 1 && /[.;:!?,]/u.test(t.before)) return null;
    const pron = PRONOUNS.get(t.lower);
    if (k === v + 1 && pron && !['his', 'her', 'its', 'their'].includes(t.lower)) return { type: 'pronoun', text: t.raw, first: k, last: k };
    last = k;
  }
  if (last < 0) return null;
  // Take the trailing capitalised run of the phrase.
  let e = last;
  while (e > v && !isCap(tokens[e])) e--;
  if (e <= v) {
    const t = tokens[v + 1]!;
    return SPEAKER_NOUNS.has(tokens[last]!.lower) ? { type: 'np', text: d.text.slice(t.start, tokens[last]!.end), first: v + 1, last } : null;
  }
  return nameEndingAt(d, e);
}

/** Possessor before a statement noun: "Kissinger's", "his". */
function possessor(d: ParaData, p: number): NP | null {
  const t = d.tokens[p]!;
  if (['his', 'her', 'their', 'its'].includes(t.lower)) {
    const map: Record<string, string> = { his: 'he', her: 'she', their: 'they', its: 'it' };
    return { type: 'pronoun', text: map[t.lower]!, first: p, last: p };
  }
  if (isCap(t)) return nameEndingAt(d, p);
  if (SPEAKER_NOUNS.has(stripPossessive(t.lower))) {
    return { type: 'np', text: stripPossessive(d.text.slice(d.tokens[Math.max(0, p - 1)]!.lower === 'the' ? d.tokens[p - 1]!.start : t.start, t.end)), first: p, last: p };
  }
  return null;
}

/** Noun phrase after "according to": up to the next comma or the sentence end. */
function phraseAfter(d: ParaData, k: number): NP | null {
  const { tokens, text } = d;
  const t = tokens[k];
  if (!t || t.quote >= 0) return null;
  let e = k;
  while (e + 1 < tokens.length && e - k < 8 && tokens[e + 1]!.before === '' && tokens[e + 1]!.sentence === t.sentence && tokens[e + 1]!.quote < 0) e++;
  const pron = PRONOUNS.get(t.lower);
  if (pron && e === k) return { type: 'pronoun', text: t.raw, first: k, last: k };
  if (['him', 'her', 'them'].includes(t.lower) && e === k) {
    return { type: 'pronoun', text: t.lower === 'him' ? 'he' : t.lower === 'her' ? 'she' : 'they', first: k, last: k };
  }
  if (isCap(tokens[e]) && !FUNCTION_CAPS.has(tokens[e]!.lower)) {
    const np = nameEndingAt(d, e);
    if (np && np.first <= k + 1) return np;
  }
  let s = text.slice(t.start, tokens[e]!.end);
  if (/^The\s/u.test(s)) s = 'the' + s.slice(3);
  return { type: 'np', text: s, first: k, last: e };
}

/** For "X adopted … and called it “…”": the nearest name or pronoun before, in the same clause. */
function coordinatedSubject(d: ParaData, v: number): NP | null {
  const { tokens } = d;
  const sent = tokens[v]!.sentence;
  for (let k = v - 1, n = 0; k >= 0 && n < 14; k--, n++) {
    const t = tokens[k]!;
    if (t.sentence !== sent || t.quote >= 0) return null;
    if (/[;:]/u.test(tokens[k + 1]!.before)) return null;
    const pron = PRONOUNS.get(t.lower);
    if (pron && !['his', 'her', 'its', 'their'].includes(t.lower)) return { type: 'pronoun', text: t.raw, first: k, last: k };
    const prep = tokens[k - 1]?.lower ?? '';
    if (isCap(t) && !FUNCTION_CAPS.has(t.lower) && !/['’]s$/u.test(t.raw) && (!isCap(tokens[k + 1]) || k + 1 === v) && !PREPOSITIONS.has(prep) && isSingleName(t)) {
      const np = nameEndingAt(d, k);
      if (np && !ORG_WORDS.has(t.lower)) return np;
    }
    if (/,/u.test(tokens[k + 1]!.before) && n > 0) {
      // continue past commas only inside this clause (an appositive)
    }
  }
  return null;
}

/** Subject of a sentence's main clause: skips connectors and opening adverbial clauses. */
function subjectOfSentence(d: ParaData, s: number): NP | null {
  const { tokens, text } = d;
  let k = d.sentenceFirst[s] ?? tokens.length;
  if (k >= tokens.length) return null;
  const limit = k + 80;
  for (let guard = 0; guard < 6 && k < tokens.length && tokens[k]!.sentence === s; guard++) {
    while (k < tokens.length && LEADING_CONNECTORS.has(tokens[k]!.lower) && tokens[k]!.sentence === s) k++;
    const t = tokens[k];
    if (!t || t.sentence !== s) return null;
    if (t.quote >= 0 || CLAUSE_OPENERS.has(t.lower) || t.lower === 'it' || t.lower === 'this' || t.lower === 'there') {
      // skip to after the next comma in this sentence
      let j = k + 1;
      while (j < tokens.length && j < limit && tokens[j]!.sentence === s && !/,/u.test(tokens[j]!.before)) j++;
      if (j >= tokens.length || j >= limit || tokens[j]!.sentence !== s) return null;
      k = j;
      continue;
    }
    const pron = PRONOUNS.get(t.lower);
    if (pron && !['his', 'her', 'its', 'their'].includes(t.lower)) return { type: 'pronoun', text: t.raw, first: k, last: k };
    if (isCap(t)) {
      let e = k;
      while (e < k + 8 && isCap(tokens[e + 1]) && tokens[e + 1]!.before === '' && !/['’]s$/u.test(tokens[e]!.raw)) e++;
      if (/['’]s$/u.test(tokens[e]!.raw)) return null;
      // "X and other Y countries have …"
      let f = e;
      if (tokens[e + 1]?.lower === 'and' && tokens[e + 1]!.before === '') {
        for (let j = e + 2; j < Math.min(tokens.length, e + 7); j++) {
          if (tokens[j]!.before !== '') break;
          if (AUX.has(tokens[j]!.lower)) {
            f = j - 1;
            break;
          }
        }
      }
      if (f > e) {
        let str = text.slice(tokens[k]!.start, tokens[f]!.end);
        if (/^The\s/u.test(str)) str = 'the' + str.slice(3);
        return { type: 'np', text: str, first: k, last: f };
      }
      return nameEndingAt(d, e);
    }
    if (SPEAKER_NOUNS.has(t.lower) || /(?:ers|ists|ians)$/u.test(t.lower)) return { type: 'np', text: t.raw, first: k, last: k };
    return null;
  }
  return null;
}

/** Is the quotation a full utterance rather than a quoted term? */
function sentenceLike(text: string, q: QuoteRange): boolean {
  const inner = text.slice(q.start + 1, q.unclosed ? q.end : q.end - 1).trim();
  const words = inner.split(/\s+/u).filter(Boolean).length;
  return words >= 6 || /[.!?…](?:\s|$)/u.test(inner) && words >= 3;
}

/** Turns segments into a tiling of the paragraph; gaps become narration. */
function tile(text: string, segs: Seg[], narr: string | null): SpeechSpan[] {
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
      if (q.start >= r.start && q.end < r.end && /,\s*[\u201d"\u2019']$/u.test(text.slice(Math.max(q.start, q.end - 4), q.end)) && /^\s+\p{Lu}/u.test(text.slice(q.end, q.end + 3))) {
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
    if (start > pos) push({ kind: 'narration', speaker: narr, cue: null, start: pos, end: start, text: text.slice(pos, start) });
    const span: SpeechSpan = { kind: s.kind, speaker: s.speaker, cue: s.cue, start, end: s.end, text: text.slice(start, s.end) };
    if (s.statement !== undefined) span.statement = s.statement;
    push(span);
    pos = s.end;
  }
  if (pos < text.length) push({ kind: 'narration', speaker: narr, cue: null, start: pos, end: text.length, text: text.slice(pos) });
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
