/**
 * Finding cues, the speech stage's second pass: for each quotation, the tag
 * that credits it (before, after or around it: “…,” said X / X said, “…” /
 * what X called “…”), and outside quotations the reported statements (X said
 * that …, according to X, …, in X's words, …, he said). A cue yields an
 * `Event`: where the holder's phrase stands, the cue words and the range the
 * speech covers. Holders are resolved later (holders.ts). Pure.
 *
 * This module finds the quotations' tags; reported statements are in
 * reported.ts, and the cue words in lexicon.ts.
 */
import type { QuoteRange } from './text.ts';
import { MAX_LOOKBACK, cueText, isCap, sameSentence, sentenceLike, nameEndingAt, tokenFrom, type NP, type ParaData } from './phrases.ts';
import { coordinatedSubject, subjectAfter, subjectBefore, subjectOfSentence } from './subjects.ts';
import { ADJUNCT_OPENERS, NAMING_VERBS, SPEECH_VERBS, TAG_VERBS } from './lexicon.ts';
import { verbBeforeAdjunct } from './reported.ts';

export { findReported, reportedAt } from './reported.ts';

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