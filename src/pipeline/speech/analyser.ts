/**
 * The speech stage over one source, paragraph by paragraph in reading order:
 * find quotations (text.ts), find cues (cues.ts, reported.ts), resolve holders
 * (holders.ts), make spans (spans.ts), with the discourse state that runs on
 * from one paragraph to the next (a quotation left open, the last speaker, the
 * topic of a paragraph, a colon introducing a statement). Pure.
 */
import { assignSentences, scanQuotes, sentenceRanges, tokenize } from './text.ts';
import { findQuoteTags, findReported, type Event } from './cues.ts';
import { Holders, holderType } from './holders.ts';
import { sentenceAt, sentenceLike, type ParaData } from './phrases.ts';
import { subjectBefore, subjectOfSentence } from './subjects.ts';
import { SPEECH_VERBS } from './lexicon.ts';
import { narrator, tile, type Seg } from './spans.ts';
import type { HolderType, SpeechContext, SpeechParagraph, SpeechSpan } from './types.ts';

/** Who holds a quotation, as the passes found it. */
interface QuoteHolder {
  speaker: string | null;
  cue: string | null;
  statement?: number | undefined;
  holder?: HolderType | undefined;
  evidence?: string | undefined;
}

/** Runs the passes over one source in reading order: find quotations (text.ts), find cues (cues.ts), resolve holders (holders.ts), make spans (spans.ts). */
export class SourceAnalyser {
  private readonly paras: readonly SpeechParagraph[];
  private readonly ctx: SpeechContext;
  private readonly data: ParaData[] = [];
  private readonly holders: Holders;
  private carry: {
    open: boolean;
    speaker: string | null;
    cue: string | null;
    statement?: number;
    holder?: HolderType | undefined;
    evidence?: string | undefined;
  } = {
    open: false,
    speaker: null,
    cue: null,
  };
  /** Speaker of a direct quote that closed the previous paragraph (for a following quote-only paragraph). */
  private lastDirect: { para: number; speaker: string; cue: string | null; holder?: HolderType | undefined } | null =
    null;
  private pendingRunOn: Seg[] = [];
  /** The person a paragraph without quotations was about (see analyse). */
  private topic: { para: number; speaker: string } | null = null;
  /** The subject of a paragraph that ended with a colon (“… released the following statement:”). */
  private colonIntro: { para: number; speaker: string; holder: HolderType; evidence?: string | undefined } | null =
    null;
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
    this.holders = new Holders(paras, this.data);
  }

  /** Spans of paragraph i (paragraphs are analysed in order; discourse state runs on). */
  paragraph(i: number): SpeechSpan[] {
    while (this.done < i) {
      this.done++;
      this.results.push(this.analyse(this.done));
    }
    return this.results[i]!;
  }

  private analyse(pi: number): SpeechSpan[] {
    const para = this.paras[pi]!;
    const d = this.data[pi]!;
    const { text, quotes } = d;
    const narr = narrator(this.ctx);
    if (!text) return [];
    const carried = this.carry;
    this.carry = { open: false, speaker: null, cue: null };
    if (para.kind !== undefined && para.kind !== 'article') {
      this.lastDirect = null;
      return [{ kind: 'narration', speaker: narr, cue: null, start: 0, end: text.length, text }];
    }

    // An all-capital line is a headline or a label: the page's voice, never a speaker's.
    if (isHeadline(text)) {
      this.lastDirect = null;
      return [{ kind: 'narration', speaker: narr, cue: null, start: 0, end: text.length, text }];
    }
    this.holders.noteMentions(pi);
    const cues = findQuoteTags(d);
    const { quoteTag, scare } = cues;
    const events: Event[] = [...cues.events, ...findReported(d, cues)];

    // 3. Resolve in text order.
    events.sort((x, y) => x.at - y.at || x.start - y.start);
    const segs: Seg[] = [];
    const wholeSentences = new Set<number>();
    const bySentence = new Map<number, Seg[]>();
    const quoteSpeaker: (QuoteHolder | null)[] = quotes.map(() => null);
    for (const ev of events) {
      let speaker: string | null;
      let evidence: string | undefined;
      const from = ev.fromQuote !== undefined ? quoteSpeaker[ev.fromQuote] : undefined;
      if (from?.speaker) ({ speaker, evidence } = from);
      else ({ name: speaker, evidence } = this.holders.resolve(ev.np, pi, ev.mode));
      if (speaker) this.holders.noteSpeaker(speaker, ev.np, pi, ev.at);
      const holder = speaker ? holderType(speaker, ev.np.type) : undefined;
      if (ev.kind === 'quote') {
        quoteSpeaker[ev.quote!] = { speaker, cue: ev.cue, holder, evidence };
      } else {
        const statement = ++this.statementCounter;
        // A later statement cuts an earlier one short; a whole-sentence tag keeps inner ones out.
        const sentence = sentenceAt(d, ev.start);
        if (wholeSentences.has(sentence)) continue;
        if (ev.wholeSentence) wholeSentences.add(sentence);
        const same = bySentence.get(sentence) ?? [];
        for (const s of same) if (s.start < ev.start && s.end > ev.start) s.end = ev.start;
        if (ev.wholeSentence) for (const s of same) s.end = s.start; // the whole-sentence tag wins
        const seg: Seg = {
          kind: 'reported',
          start: ev.start,
          end: ev.end,
          speaker,
          cue: ev.cue,
          statement,
          wholeSentence: ev.wholeSentence,
          holder,
          evidence,
        };
        segs.push(seg);
        same.push(seg);
        bySentence.set(sentence, same);
      }
    }

    // 4. Quotes without their own tag (a tag naming nobody certain leaves the quotation without a speaker).
    cues.untraced.forEach((cue, qi) => {
      if (cue && !quoteSpeaker[qi]) quoteSpeaker[qi] = { speaker: null, cue };
    });
    const reportedSorted = segs
      .filter((s) => s.kind === 'reported' && s.end > s.start)
      .sort((a, b) => a.start - b.start);
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
        quoteSpeaker[qi] = {
          speaker: inside.speaker,
          cue: inside.cue,
          statement: inside.statement,
          holder: inside.holder,
          evidence: inside.evidence,
        };
        return;
      }
      const opensParagraph = firstText === q.start;
      if (q.carried || (opensParagraph && qi === 0 && carried.open)) {
        quoteSpeaker[qi] = {
          speaker: carried.speaker,
          cue: carried.cue,
          holder: carried.holder,
          evidence: carried.evidence,
        };
        return;
      }
      // The previous paragraph ended by announcing it: President X released the following statement:
      const intro = this.colonIntro;
      if (opensParagraph && qi === 0 && intro && intro.para === pi - 1 && sentenceLike(text, q)) {
        quoteSpeaker[qi] = { speaker: intro.speaker, cue: ':', holder: intro.holder, evidence: intro.evidence };
        return;
      }
      const topic = this.topic;
      if (
        opensParagraph &&
        qi === 0 &&
        quotes.length === 1 &&
        q.end >= text.trimEnd().length - 1 &&
        topic &&
        topic.para === pi - 1 &&
        sentenceLike(text, q)
      ) {
        quoteSpeaker[qi] = {
          speaker: topic.speaker,
          cue: null,
          holder: 'person',
          evidence: `a quotation on its own, after a paragraph about ${topic.speaker}`,
        };
        return;
      }
      if (opensParagraph && qi === 0 && this.lastDirect && this.lastDirect.para === pi - 1 && sentenceLike(text, q)) {
        // No cue of its own: the speaker is our reading of the layout, shown as inferred, with no cue.
        const last = this.lastDirect;
        quoteSpeaker[qi] = {
          speaker: last.speaker,
          cue: null,
          holder: last.holder,
          evidence: `continues ${last.speaker}’s quotation in the previous paragraph`,
        };
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
    // A quoted term in a sentence where a named person (or a pronoun for one) says or repeats something
    // before it is that person's phrase: he has always repeated that it was a “catastrophe”.
    quotes.forEach((q, qi) => {
      if (scare[qi] || quoteSpeaker[qi] || sentenceLike(text, q)) return;
      const v = speechVerbBefore(d, q);
      if (v < 0) return;
      const np = subjectBefore(d, v);
      if (!np || np.type === 'np') return;
      const { name, evidence } = this.holders.resolve(np, pi, 'main');
      if (name && holderType(name, np.type) === 'person')
        quoteSpeaker[qi] = { speaker: name, cue: d.tokens[v]!.raw, holder: 'person', evidence };
    });
    quotes.forEach((q, qi) => {
      const qs = quoteSpeaker[qi];
      if (scare[qi] || (!qs && !sentenceLike(text, q))) {
        segs.push({ kind: 'scare', start: q.start, end: q.end, speaker: null, cue: null });
      } else {
        segs.push({
          kind: 'direct',
          start: q.start,
          end: q.end,
          speaker: qs?.speaker ?? null,
          cue: qs?.cue ?? null,
          statement: qs?.statement,
          holder: qs?.speaker ? qs.holder : undefined,
          evidence: qs?.speaker ? qs.evidence : undefined,
        });
      }
    });

    // A paragraph that ends with a colon introduces what follows; remember its subject.
    this.colonIntro = null;
    if (/:\s*$/u.test(text) && (quotes.length === 0 || quotes[quotes.length - 1]!.end < text.trimEnd().length - 1)) {
      // The holder of the last statement in its last sentence (Cruz called them on it: / as X observed, …:),
      // else that sentence's subject.
      const lastStart = d.sentences[d.sentences.length - 1]![0];
      const said = segs.filter((g) => g.kind === 'reported' && g.speaker && g.start >= lastStart).pop();
      if (said?.speaker)
        this.colonIntro = {
          para: pi,
          speaker: said.speaker,
          holder: said.holder ?? holderType(said.speaker, 'name'),
          evidence: said.evidence,
        };
      else {
        const np = subjectOfSentence(d, d.sentences.length - 1);
        if (np && np.type !== 'np') {
          const { name, evidence } = this.holders.resolve(np, pi, 'main');
          if (name) this.colonIntro = { para: pi, speaker: name, holder: holderType(name, np.type), evidence };
        }
      }
    }
    // The person a paragraph without quotations is about (its last sentence's subject), for a quotation
    // paragraph right after it that names nobody: an inference, shown as one.
    this.topic = null;
    if (quotes.length === 0 && !this.colonIntro) {
      const np = subjectOfSentence(d, d.sentences.length - 1);
      if (np && np.type === 'name') {
        const { name } = this.holders.resolve(np, pi, 'main');
        if (name && holderType(name, 'name') === 'person') this.topic = { para: pi, speaker: name };
      }
    }

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
        this.lastDirect = { para: pi, speaker: qs.speaker, cue: qs.cue, holder: qs.holder };
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
}

/** A line whose letters are (nearly) all capitals, with a few words at least. */
function isHeadline(text: string): boolean {
  const upper = text.match(/\p{Lu}/gu)?.length ?? 0;
  const lower = text.match(/\p{Ll}/gu)?.length ?? 0;
  return upper >= 8 && lower <= upper / 10 && /\p{L}\s+\p{L}/u.test(text);
}

/** A speech verb (not a participle) before quotation q in its sentence, at most 25 words back, or -1. */
function speechVerbBefore(d: ParaData, q: { start: number }): number {
  const { tokens } = d;
  let k = tokens.findIndex((t) => t.start >= q.start) - 1;
  if (k < 0) k = tokens.length - 1;
  const sentence = tokens[k]?.sentence;
  for (let n = 0; k >= 0 && n < 25 && tokens[k]!.sentence === sentence; k--, n++) {
    const t = tokens[k]!;
    if (t.quote >= 0) return -1;
    const info = SPEECH_VERBS.get(t.lower);
    if (info && !info.participle) return k;
  }
  return -1;
}
