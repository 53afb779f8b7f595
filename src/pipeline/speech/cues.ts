/**
 * Finding cues, the speech stage's second pass: for each quotation, the tag
 * that credits it (before, after or around it: “…,” said X / X said, “…” /
 * what X called “…”), and outside quotations the reported statements (X said
 * that …, according to X, …, in X's words, …, he said). A cue yields an
 * `Event`: where the holder's phrase stands, the cue words and the range the
 * speech covers. Holders are resolved later (holders.ts). Pure.
 */
import type { QuoteRange } from './text.ts';
import { holderType } from './holders.ts';
import {
  AUX,
  CATENATIVES,
  CLAUSE_OPENERS,
  NAMING_VERBS,
  NOT_COMPLEMENT,
  SPEECH_VERBS,
  STATEMENT_NOUNS,
  WEEKDAYS,
  WH,
} from './lexicon.ts';
import {
  MAX_EVENTS_PER_SENTENCE,
  MAX_LOOKBACK,
  clauseEnd,
  coordinatedSubject,
  cueText,
  isCap,
  phraseAfter,
  possessor,
  sameSentence,
  sentenceAt,
  subjectAfter,
  subjectBefore,
  subjectOfSentence,
  sentenceLike,
  nameEndingAt,
  tokenFrom,
  trimEnd,
  type NP,
  type ParaData,
} from './phrases.ts';

/** A cue found in the text, before its holder is resolved. */
export interface Event {
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

/** What the quotation pass found: the tag of each quotation (or null), which are scare quotes, and every event. */
export interface QuoteCues {
  events: Event[];
  quoteTag: (Event | null)[];
  scare: boolean[];
  /** Verb tokens consumed by quotation tags (the reported pass skips them). */
  used: Set<number>;
  /** The cue of a tag whose holder the text does not name ("…,” said Senator.): the quotation is speech with no speaker. */
  untraced: (string | null)[];
}

/** Verbs whose statement follows a fixed preposition: insist on, call for, hint at, ask for. */
const PREPOSITION_CUES = new Map<string, string>();
for (const [forms, prep] of [
  [['insist', 'insists', 'insisted', 'insisting'], 'on'],
  [['call', 'calls', 'called', 'calling'], 'for'],
  [['hint', 'hints', 'hinted', 'hinting'], 'at'],
  [['ask', 'asks', 'asked', 'asking'], 'for'],
] as const)
  for (const f of forms) PREPOSITION_CUES.set(f, prep);

/** "According to" these is the writer citing evidence: polls, figures, data. */
const DATA_NOUNS = new Set([
  'poll',
  'polls',
  'polling',
  'survey',
  'surveys',
  'figures',
  'data',
  'statistics',
  'estimates',
  'estimate',
  'census',
  'records',
  'numbers',
  'results',
  'projections',
  'forecasts',
  'calculations',
  'models',
]);

/** Verbs that make the words right after a quotation its tag. */
const TAG_VERBS = new Set([
  'said',
  'says',
  'told',
  'tells',
  'added',
  'adds',
  'wrote',
  'writes',
  'asked',
  'asks',
  'replied',
  'insisted',
  'warned',
  'explained',
  'continued',
]);

/** Tags of the paragraph's quotations. */
export function findQuoteTags(d: ParaData): QuoteCues {
  const { text, quotes, tokens } = d;
  const events: Event[] = [];
  const used = new Set<number>(); // verb tokens consumed by quote tags
  const untraced: (string | null)[] = d.quotes.map(() => null);

  // Quote tags.
  const quoteTag: (Event | null)[] = quotes.map(() => null);
  const scare: boolean[] = quotes.map(() => false);
  quotes.forEach((q, qi) => {
    const firstIn = tokenFrom(tokens, q.start);
    const afterIdx = tokenFrom(tokens, q.end);
    const after = afterIdx < tokens.length ? afterIdx : -1;
    const beforeIdx = firstIn - 1;
    const prev = tokens[beforeIdx];
    if (
      prev &&
      prev.quote < 0 &&
      (prev.lower === 'so-called' || (prev.lower === 'called' && tokens[beforeIdx - 1]?.lower === 'so'))
    ) {
      scare[qi] = true;
      return;
    }
    // After: “…,” said X / “…,” X said / “…,” leading analyst X told CNN
    const a = tokens[after];
    const closing = text.slice(q.end - 2, q.end);
    if (
      a &&
      after >= 0 &&
      a.quote < 0 &&
      !q.unclosed &&
      sameSentence(d, q.end - 1, a.start) &&
      !/[.]/u.test(closing[0] ?? '')
    ) {
      const ev = tagAfter(d, after, q, qi, used);
      if (ev) {
        quoteTag[qi] = ev;
        events.push(ev);
        return;
      }
    } else if (a && after >= 0 && a.quote < 0 && !q.unclosed && sameSentence(d, q.end - 1, a.start)) {
      const ev = tagAfter(d, after, q, qi, used);
      if (ev) {
        quoteTag[qi] = ev;
        events.push(ev);
        return;
      }
    }
    // “…?” Trump said. / “… .” said Jane Roe, a historian. — a sentence that is only the tag.
    if (
      a &&
      a.quote < 0 &&
      !q.unclosed &&
      /^\s+$/u.test(text.slice(q.end, a.start)) &&
      !sameSentence(d, q.end - 1, a.start)
    ) {
      const ev = tagAfter(d, after, q, qi, used, true);
      if (ev) {
        quoteTag[qi] = ev;
        events.push(ev);
        return;
      }
    }
    // “…” — Jane Roe: a credit line after the quotation.
    const credit = dashCredit(d, q);
    if (credit) {
      const ev: Event = {
        kind: 'quote',
        at: tokens[credit.first]!.start,
        np: credit,
        cue: '—',
        mode: 'tag',
        start: q.start,
        end: q.end,
        quote: qi,
      };
      quoteTag[qi] = ev;
      events.push(ev);
      return;
    }
    // “…,” said <someone the text does not name>: speech, but whose is not certain.
    if (a && a.quote < 0 && !q.unclosed && TAG_VERBS.has(a.lower) && sameSentence(d, q.end - 1, a.start)) {
      untraced[qi] = a.raw;
      return;
    }
    // Before: X said, “…” / X noted that “…”
    if (prev && prev.quote < 0 && sameSentence(d, prev.start, q.start)) {
      const gap = text.slice(prev.end, q.start);
      let vi = -1;
      if (/^[\s,:\u2014\u2013-]*$/u.test(gap) && SPEECH_VERBS.has(prev.lower)) vi = beforeIdx;
      else if (/^\s*$/u.test(gap) && prev.lower === 'that' && SPEECH_VERBS.has(tokens[beforeIdx - 1]?.lower ?? ''))
        vi = beforeIdx - 1;
      else if (/^\s*[,:]\s*$/u.test(gap)) vi = verbBeforeAdjunct(d, beforeIdx);
      // A quotation that is only part of the clause (“…” in the war …) belongs to a reported statement.
      const partial =
        q.unclosed || /[,.!?\u2026]\s*.$/u.test(text.slice(q.start, q.end))
          ? false
          : /^[\s\u00a0]+[\p{Ll}\d]/u.test(text.slice(q.end)) &&
            sameSentence(d, q.start, Math.min(text.length - 1, q.end + 1));
      if (vi >= 0 && !partial) {
        // A participle after a comma (…, telling Reuters, “…”) speaks for the sentence's subject.
        const main =
          SPEECH_VERBS.get(tokens[vi]!.lower)?.participle && /,/u.test(tokens[vi]!.before)
            ? subjectOfSentence(d, tokens[vi]!.sentence)
            : null;
        const np = main && main.last < vi ? main : subjectBefore(d, vi);
        if (np) {
          used.add(vi);
          const ev: Event = {
            kind: 'quote',
            at: tokens[np.first]!.start,
            np,
            cue: cueText(d, vi),
            mode: 'main',
            start: q.start,
            end: q.end,
            quote: qi,
          };
          quoteTag[qi] = ev;
          events.push(ev);
          return;
        }
      }
    }
    // Introduced by a colon: Trump had one message for Kyiv: “…” — the speaker is the clause's subject.
    if (prev && prev.quote < 0 && /^\s*:\s*$/u.test(text.slice(prev.end, q.start)) && sentenceLike(text, q)) {
      const s0 = tokens[beforeIdx]!.sentence;
      const np = beforeIdx - (d.sentenceFirst[s0] ?? beforeIdx) <= 20 ? subjectOfSentence(d, s0) : null;
      if (np && np.type !== 'np' && np.last < beforeIdx) {
        const ev: Event = {
          kind: 'quote',
          at: tokens[np.first]!.start,
          np,
          cue: ':',
          mode: 'main',
          start: q.start,
          end: q.end,
          quote: qi,
        };
        quoteTag[qi] = ev;
        events.push(ev);
        return;
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
          const ev: Event = {
            kind: 'quote',
            at: tokens[np.first]!.start,
            np,
            cue: t.raw,
            mode: 'main',
            start: q.start,
            end: q.end,
            quote: qi,
          };
          quoteTag[qi] = ev;
          events.push(ev);
        }
        break;
      }
      if (/[.;:!?]/u.test(tokens[k + 1]?.before ?? '') && k !== beforeIdx) break;
    }
  });

  return { events, quoteTag, scare, used, untraced };
}

/** Reported statements outside quotations; `quoteTags` are the events of quotation tags (a participle after one takes its holder). */
export function findReported(d: ParaData, cues: QuoteCues): Event[] {
  const { tokens } = d;
  const { events, used } = cues;
  const out: Event[] = [];

  const quoteTags = events.filter((e) => e.mode === 'tag').sort((x, y) => x.end - y.end);
  const perSentence = new Map<number, number>();
  tokens.forEach((t, k) => {
    if (t.quote >= 0 || used.has(k)) return;
    if ((perSentence.get(t.sentence) ?? 0) >= MAX_EVENTS_PER_SENTENCE) return;
    const ev = reportedAt(d, k, quoteTags);
    if (ev) {
      out.push(ev);
      perSentence.set(t.sentence, (perSentence.get(t.sentence) ?? 0) + 1);
    }
  });

  return out;
}

/** A tag right after a quote: “…,” said X / “…,” X said / “…,” she added. */
export function tagAfter(
  d: ParaData,
  k: number,
  q: QuoteRange,
  qi: number,
  used: Set<number>,
  standalone = false,
): Event | null {
  const { tokens } = d;
  const t = tokens[k]!;
  const inner = d.text.slice(q.start, q.end - 1).trimEnd();
  const punctuated = /[,!?\u2026\u2014\u2013.-]$/u.test(inner);
  if (
    !punctuated &&
    !/^(?:said|says|say|told|tells|added|adds|wrote|writes|asked|asks)$/u.test(t.lower) &&
    !SPEECH_VERBS.has(d.tokens[k + 1]?.lower ?? '')
  ) {
    // “neutral” state …: a quoted word followed by an ordinary word, no tag.
    let any = false;
    for (let v = k; v < Math.min(d.tokens.length, k + 8); v++)
      if (SPEECH_VERBS.has(d.tokens[v]!.lower) && !SPEECH_VERBS.get(d.tokens[v]!.lower)!.needsThat) any = true;
    if (!any) return null;
  }
  // A tag standing as its own sentence must be only a tag: “…?” Trump said. / said Jane Roe, a historian.
  // (“… .” Trump said the talks … is a new statement, not a tag.)
  const tagEnds = (last: number): boolean => {
    const n = tokens[last + 1];
    return (
      !standalone ||
      !n ||
      n.sentence !== t.sentence ||
      /[,;:\u2014\u2013(]/u.test(n.before) ||
      ADJUNCT_OPENERS.has(n.lower) ||
      /ly$/u.test(n.lower)
    );
  };
  if (SPEECH_VERBS.has(t.lower)) {
    const np = subjectAfter(d, k);
    if (np && tagEnds(np.last)) {
      used.add(k);
      return {
        kind: 'quote',
        at: tokens[np.first]!.start,
        np,
        cue: cueText(d, k),
        mode: 'tag',
        start: q.start,
        end: q.end,
        quote: qi,
      };
    }
  }
  // Subject then verb within a few words, no break between.
  for (let v = k + 1; v < Math.min(tokens.length, k + 12); v++) {
    const tv = tokens[v]!;
    if (tv.quote >= 0 || tv.sentence !== t.sentence) break;
    if (SPEECH_VERBS.has(tv.lower) && !SPEECH_VERBS.get(tv.lower)!.participle) {
      const np = subjectBefore(d, v);
      const hearer = SPEECH_VERBS.get(tv.lower)!.tell ? cueText(d, v).split(/\s+/u).length - 1 : 0;
      const plainHearer = standalone && tokens[v + 1]?.lower === 'reporters' ? 1 : 0;
      if (np && np.first >= k && tagEnds(v + Math.max(hearer, plainHearer))) {
        used.add(v);
        return {
          kind: 'quote',
          at: tokens[np.first]!.start,
          np,
          cue: cueText(d, v),
          mode: 'tag',
          start: q.start,
          end: q.end,
          quote: qi,
        };
      }
      return null;
    }
    if (/[.;:!?]/u.test(tv.before)) break;
  }
  return null;
}

/** A reported statement whose cue word is token k (or null). */
export function reportedAt(d: ParaData, k: number, quoteTags: Event[]): Event | null {
  const { tokens, text } = d;
  const t = tokens[k]!;
  const [sStart, sEnd] = d.sentences[t.sentence]!;
  const next = tokens[k + 1];
  // according to X, …
  if (t.lower === 'according' && next?.lower === 'to') {
    const np = phraseAfter(d, k + 2);
    if (!np) return null;
    // Polls, figures and data are evidence the writer cites, not someone speaking.
    if (np.type === 'np' && DATA_NOUNS.has(tokens[np.last]!.lower)) return null;
    // "… is that, according to X, …": X holds only the clause after "that".
    const that =
      tokens[k - 1]?.lower === 'that' ? k - 1 : tokens[k - 2]?.lower === 'that' && /,/u.test(t.before) ? k - 2 : -1;
    const inClause = that >= 0 && tokens[that]!.sentence === t.sentence && d.sentenceFirst[t.sentence]! < that;
    return {
      kind: 'reported',
      at: t.start,
      np,
      cue: text.slice(t.start, next.end),
      mode: 'main',
      start: inClause ? t.start : sStart,
      end: trimEnd(text, sEnd),
      // Either way nothing inside it is a statement of its own (… according to X, Y and Z have made it clear …).
      wholeSentence: true,
    };
  }
  // In X's view, … / his argument that …
  if (STATEMENT_NOUNS.has(t.lower)) {
    const poss = tokens[k - 1];
    if (!poss || poss.quote >= 0 || /[,;:.]/u.test(t.before)) return null;
    const isPoss = /['’]s$/u.test(poss.raw) || ['his', 'her', 'their', 'its'].includes(poss.lower);
    if (!isPoss) return null;
    const inAt =
      tokens[k - 2]?.lower === 'in'
        ? k - 2
        : tokens[k - 2]?.lower === 'the' && tokens[k - 3]?.lower === 'in'
          ? k - 3
          : -1;
    const np = possessor(d, k - 1);
    if (!np) return null;
    // “In his words” credits a person; “in his view” too when a person is meant (the reporter sums up
    // what they said). “In the Kremlin's view” is the writer's reading of an institution: no credit.
    const personal =
      np.type === 'pronoun' ? np.text !== 'it' && np.text !== 'they' : holderType(np.text, np.type) === 'person';
    const inView = inAt >= 0 && (t.lower === 'words' || ((t.lower === 'view' || t.lower === 'opinion') && personal));
    if (!inView && next?.lower !== 'that') return null;
    const start = inView ? sStart : tokens[np.first]!.start;
    return {
      kind: 'reported',
      at: tokens[np.first]!.start,
      np,
      cue: text.slice(tokens[inView ? inAt : np.first]!.start, t.end),
      mode: inView ? 'tag' : 'main',
      start,
      end: clauseEnd(text, t.end, sEnd),
      wholeSentence: inView,
    };
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
  } else if (next && PREPOSITION_CUES.get(t.lower) === next.lower && next.before === '') {
    // insisted on elections, called for a ceasefire, hinted at sanctions: the preposition is part of the cue.
    cueEnd = next.end;
    cueLast = k + 1;
    fixedCue = true;
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
  if ((t.lower === 'asked' || t.lower === 'ask' || t.lower === 'asks') && comp?.lower === 'for')
    cue = text.slice(t.start, comp.end);
  const compTok = tokens[compIdx];
  const tagEnd =
    compTok === undefined ||
    compTok.sentence !== t.sentence ||
    /[.!?\u2014\u2013]/u.test(text.slice(tokens[compIdx - 1]!.end, compTok.start));
  const parenthetical = /,/u.test(text.slice(tokens[compIdx - 1]!.end, compTok?.start ?? sEnd)) && !tagEnd;

  // Participle after a comma: “…,” X said, adding that … / Putin uses myths, claiming that …
  const progressive =
    ['is', 'are', 'was', 'were', 'been', "'s", "'re"].includes(tokens[k - 1]?.lower ?? '') && !/,/u.test(t.before);
  if (info?.participle && !progressive) {
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
      return {
        kind: 'reported',
        at: t.start,
        np: tagged.np,
        cue,
        mode: 'tag',
        start: t.start,
        end: clauseEnd(text, cueEnd, sEnd),
        fromQuote: tagged.quote,
      };
    }
    const np = subjectOfSentence(d, t.sentence);
    if (!np || np.first >= k) return null;
    return { kind: 'reported', at: t.start, np, cue, mode: 'main', start: t.start, end: clauseEnd(text, cueEnd, sEnd) };
  }

  // "has not said whether …", "never told anyone": a speech act denied is no statement.
  for (let b = vi - 1; b >= 0 && b >= vi - 3 && tokens[b]!.sentence === t.sentence; b--) {
    const l = tokens[b]!.lower;
    if (l === 'not' || l === 'never' || l.endsWith("n't")) return null;
    if (!AUX.has(l)) break;
  }
  // Subject before the verb.
  let np = subjectBefore(d, vi);
  /** For a verb coordinated with an earlier one (X treats … and has professed that …), where the statement starts. */
  let coordinatedAt = -1;
  if (!np) {
    const main = subjectOfSentence(d, t.sentence);
    const c = main && main.last < vi ? main : coordinatedSubject(d, vi);
    let b = vi - 1;
    while (b >= 0 && (AUX.has(tokens[b]!.lower) || /ly$/u.test(tokens[b]!.lower))) b--;
    const joiner = tokens[b]?.lower;
    if (c && (joiner === 'but' || joiner === 'and' || b < vi - 1)) {
      np = c;
      // The subject's other doings between it and this verb are the writer's account, not the statement.
      if ((joiner === 'but' || joiner === 'and') && b > c.last + 1) coordinatedAt = b + 1;
    }
  }
  if (!np) return null;
  const beforeSubj = tokens[np.first - 1];
  if (
    beforeSubj &&
    (WH.has(beforeSubj.lower) ||
      (beforeSubj.sentence === t.sentence &&
        ['did', 'does', 'do', 'would', 'will', 'can', 'could'].includes(beforeSubj.lower) &&
        !/[,;:]/u.test(tokens[np.first]!.before)))
  )
    return null;
  if (tokens[vi - 1]?.lower === 'to' && !CATENATIVES.has(tokens[vi - 2]?.lower ?? '')) return null;
  const subjStart = tokens[np.first]!.start;
  const commaBeforeSubj =
    np.first > 0 && /,/u.test(tokens[np.first]!.before) && tokens[np.first - 1]!.sentence === t.sentence;
  // Trailing tag: "…, he said." / "…, CNN reports." / "…, she suggests – …"; parenthetical: "This, he claims, is …".
  // (commaBeforeSubj first: it holds only when a token stands before the subject.)
  if (commaBeforeSubj && ((tagEnd && tokens[np.first - 1]!.quote < 0) || (parenthetical && np.last - np.first < 4))) {
    return {
      kind: 'reported',
      at: subjStart,
      np,
      cue,
      mode: 'tag',
      start: sStart,
      end: trimEnd(text, sEnd),
      wholeSentence: true,
    };
  }
  if (tagEnd) return null;
  const compWord = tokens[compIdx];
  if (!compWord) return null;
  if (info?.needsThat && /,/u.test(gapAfter) && !fixedCue) return null;
  if (
    info?.needsThat &&
    compWord.lower !== 'that' &&
    compWord.quote < 0 &&
    !/:/u.test(gapAfter) &&
    cue === text.slice(t.start, t.end)
  )
    return null;
  if (!fixedCue && NOT_COMPLEMENT.has(compWord.lower) && !(compWord.lower === 'for' && /^ask/u.test(t.lower)))
    return null;
  return {
    kind: 'reported',
    at: subjStart,
    np,
    cue,
    // "…, he argued that …" continues the last speaker; "In a 2005 speech, he lamented that …" is a main clause.
    mode:
      np.type === 'pronoun' && commaBeforeSubj && !CLAUSE_OPENERS.has(tokens[d.sentenceFirst[t.sentence]!]?.lower ?? '')
        ? 'tag'
        : 'main',
    start: coordinatedAt >= 0 ? tokens[coordinatedAt]!.start : subjStart,
    end: clauseEnd(text, cueEnd, sEnd),
  };
}

/** Words that may stand between a speech verb and the colon or comma before its quotation: said on Monday: “…” */
const ADJUNCT_OPENERS = new Set([
  'as',
  'while',
  'when',
  'about',
  'through',
  'outside',
  'inside',
  'of',
  'on',
  'in',
  'at',
  'to',
  'during',
  'after',
  'before',
  'from',
  'via',
  'with',
  'over',
  'late',
  'earlier',
  'later',
  'yesterday',
  'today',
  'tonight',
  'last',
  'this',
  ...WEEKDAYS,
  'again',
  'then',
  'simply',
  'bluntly',
  'recently',
  'once',
]);

/** X said on Monday: “…” — the speech verb before a short adjunct (at most eight words) that ends at token `last`, or -1. */
function verbBeforeAdjunct(d: ParaData, last: number): number {
  const { tokens } = d;
  const sent = tokens[last]!.sentence;
  for (let v = last - 1; v >= 0 && v >= last - 8; v--) {
    const t = tokens[v]!;
    if (t.quote >= 0 || t.sentence !== sent || /[.;:!?]/u.test(tokens[v + 1]!.before)) return -1;
    const info = SPEECH_VERBS.get(t.lower);
    // Trump …, telling Reuters, “…” — a participle of "tell" with its hearer, too.
    if (info && (!info.participle || info.tell))
      return ADJUNCT_OPENERS.has(tokens[v + 1]!.lower) || (info.tell && isCap(tokens[v + 1])) ? v : -1;
  }
  return -1;
}

/** “…” — Jane Roe: a capitalised name after a dash right after the quotation, ending the sentence or followed by a comma. */
function dashCredit(d: ParaData, q: QuoteRange): NP | null {
  const { tokens, text } = d;
  if (q.unclosed || !/^\s*[\u2014\u2015\u2013]\s*\p{Lu}/u.test(text.slice(q.end, q.end + 6))) return null;
  const first = tokenFrom(tokens, q.end);
  let last = first;
  while (
    last + 1 < tokens.length &&
    last < first + 5 &&
    tokens[last + 1]!.before === '' &&
    isCap(tokens[last + 1]) &&
    tokens[last + 1]!.quote < 0
  )
    last++;
  const next = tokens[last + 1];
  if (next && next.sentence === tokens[first]!.sentence && !/[,(]/u.test(next.before)) return null;
  const np = nameEndingAt(d, last);
  return np && np.first >= first ? np : null;
}
