/**
 * Reported speech outside quotations, part of the speech stage's cue pass
 * (./cues.ts): X said that …, according to X, …, in X's words, …, he said.
 * Each statement found is an `Event` (holders are resolved later). Pure.
 */
import { holderType } from './holders.ts';
import { MAX_EVENTS_PER_SENTENCE, clauseEnd, isCap, sentenceAt, trimEnd, type ParaData } from './phrases.ts';
import { coordinatedSubject, phraseAfter, possessor, subjectBefore, subjectOfSentence } from './subjects.ts';
import { ADJUNCT_OPENERS, AUX, CATENATIVES, CLAUSE_OPENERS, DATA_NOUNS, NOT_COMPLEMENT, PREPOSITION_CUES, SPEECH_VERBS, STATEMENT_NOUNS, WH } from './lexicon.ts';
import type { Event, QuoteCues } from './cues.ts';

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

/** X said on Monday: “…” — the speech verb before a short adjunct (at most eight words) that ends at token `last`, or -1. */
export function verbBeforeAdjunct(d: ParaData, last: number): number {
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
