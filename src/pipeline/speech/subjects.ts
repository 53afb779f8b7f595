/**
 * Who speaks, as phrases of the text: the subject of a speech verb (before or
 * after it, or of its sentence), a coordinated subject, a possessor ("X's
 * words") and the phrase after "according to". Built on the token and name
 * helpers of ./phrases.ts. Pure, with bounded look-around.
 */
import { AUX, CATENATIVES, CLAUSE_OPENERS, DETERMINERS, FUNCTION_CAPS, LEADING_CONNECTORS, NOT_COMPLEMENT, ORG_WORDS, PRONOUNS, SPEAKER_NOUNS, SPEECH_VERBS, WH } from './lexicon.ts';
import { type NP, type ParaData, isCap, stripPossessive, PREPOSITIONS, MAX_LOOKBACK, isSingleName, nameEndingAt, BE } from './phrases.ts';

/** Subject of the speech verb at token v: back over auxiliaries/adverbs, through one appositive. */
export function subjectBefore(d: ParaData, v: number): NP | null {
  const { tokens, text } = d;
  const sent = tokens[v]!.sentence;
  let j = v - 1;
  while (
    j >= 0 &&
    j > v - MAX_LOOKBACK &&
    tokens[j]!.quote < 0 &&
    tokens[j]!.sentence === sent &&
    tokens[j + 1]!.before === ''
  ) {
    const l = tokens[j]!.lower;
    if (AUX.has(l) || (/ly$/u.test(l) && !isCap(tokens[j])) || (BE.has(l) && tokens[v]!.lower.endsWith('ing'))) j--;
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
    } else if (c > 0 && /,/u.test(opener.before) && tokens.slice(c, j + 1).every((t) => isCap(t))) {
      // "A top strategist, John Weaver, tells …": the name stands in apposition to a description.
      return nameEndingAt(d, j);
    } else return null;
  }
  // "Trump, who has hinted at …": a relative "who" speaks for the name it follows.
  if (
    (head.lower === 'who' || head.lower === 'which') &&
    j > 0 &&
    /,/u.test(head.before) &&
    isCap(tokens[j - 1]) &&
    tokens[j - 1]!.quote < 0
  ) {
    return nameEndingAt(d, j - 1);
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
  if (!isCap(head) && !PRONOUNS.has(lower) && !AUX.has(lower) && !BE.has(lower)) {
    const speakerHead = SPEAKER_NOUNS.has(lower) || /(?:ers|ists|ians|ants|ents|ials)$/u.test(lower);
    let first = j;
    let n = 0;
    while (first > 0 && n < 6) {
      const p = tokens[first - 1]!;
      if (tokens[first]!.before !== '' || p.quote >= 0 || p.sentence !== sent) break;
      const pl = p.lower;
      if (
        WH.has(pl) ||
        (NOT_COMPLEMENT.has(pl) && pl !== 'and' && pl !== 'of') ||
        ['that', 'who', 'when', 'while', 'but', 'is', 'are', 'was', 'were', 'be'].includes(pl)
      )
        break;
      if (!isCap(p) && (AUX.has(pl) || SPEECH_VERBS.has(pl))) break;
      // "… storms and engineers have warned": "and" joins two speakers ("officials and experts") or ends the phrase.
      if (pl === 'and' && !SPEAKER_NOUNS.has(tokens[first - 2]?.lower ?? '') && !isCap(tokens[first - 2])) break;
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
export function subjectAfter(d: ParaData, v: number): NP | null {
  const { tokens } = d;
  const sent = tokens[v]!.sentence;
  let last = -1;
  for (let k = v + 1; k < Math.min(tokens.length, v + 10); k++) {
    const t = tokens[k]!;
    if (t.sentence !== sent || t.quote >= 0 || (k > v + 1 && t.before !== '')) break;
    if (k === v + 1 && /[.;:!?,]/u.test(t.before)) return null;
    const pron = PRONOUNS.get(t.lower);
    if (k === v + 1 && pron && !['his', 'her', 'its', 'their'].includes(t.lower))
      return { type: 'pronoun', text: t.raw, first: k, last: k };
    last = k;
  }
  if (last < 0) return null;
  // Take the trailing capitalised run of the phrase.
  let e = last;
  while (e > v && !isCap(tokens[e])) e--;
  if (e <= v) {
    const t = tokens[v + 1]!;
    return SPEAKER_NOUNS.has(tokens[last]!.lower)
      ? { type: 'np', text: d.text.slice(t.start, tokens[last]!.end), first: v + 1, last }
      : null;
  }
  return nameEndingAt(d, e);
}

/** Possessor before a statement noun: "Kissinger's", "his". */
export function possessor(d: ParaData, p: number): NP | null {
  const t = d.tokens[p]!;
  if (['his', 'her', 'their', 'its'].includes(t.lower)) {
    const map: Record<string, string> = { his: 'he', her: 'she', their: 'they', its: 'it' };
    return { type: 'pronoun', text: map[t.lower]!, first: p, last: p };
  }
  if (isCap(t)) return nameEndingAt(d, p);
  if (SPEAKER_NOUNS.has(stripPossessive(t.lower))) {
    return {
      type: 'np',
      text: stripPossessive(
        d.text.slice(d.tokens[Math.max(0, p - 1)]!.lower === 'the' ? d.tokens[p - 1]!.start : t.start, t.end),
      ),
      first: p,
      last: p,
    };
  }
  return null;
}

/** Noun phrase after "according to": up to the next comma or the sentence end. */
export function phraseAfter(d: ParaData, k: number): NP | null {
  const { tokens, text } = d;
  const t = tokens[k];
  if (!t || t.quote >= 0) return null;
  let e = k;
  while (
    e + 1 < tokens.length &&
    e - k < 8 &&
    tokens[e + 1]!.before === '' &&
    tokens[e + 1]!.sentence === t.sentence &&
    tokens[e + 1]!.quote < 0
  )
    e++;
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
export function coordinatedSubject(d: ParaData, v: number): NP | null {
  const { tokens } = d;
  const sent = tokens[v]!.sentence;
  for (let k = v - 1, n = 0; k >= 0 && n < 14; k--, n++) {
    const t = tokens[k]!;
    if (t.sentence !== sent || t.quote >= 0) return null;
    if (/[;:]/u.test(tokens[k + 1]!.before)) return null;
    const pron = PRONOUNS.get(t.lower);
    if (pron && !['his', 'her', 'its', 'their'].includes(t.lower))
      return { type: 'pronoun', text: t.raw, first: k, last: k };
    const prep = tokens[k - 1]?.lower ?? '';
    if (
      isCap(t) &&
      !FUNCTION_CAPS.has(t.lower) &&
      !/['’]s$/u.test(t.raw) &&
      (!isCap(tokens[k + 1]) || k + 1 === v) &&
      !PREPOSITIONS.has(prep) &&
      isSingleName(t)
    ) {
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
export function subjectOfSentence(d: ParaData, s: number): NP | null {
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
    if (pron && !['his', 'her', 'its', 'their'].includes(t.lower))
      return { type: 'pronoun', text: t.raw, first: k, last: k };
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
    // "the council chair, Tom Okafor, released …": a description, then the name in apposition.
    if (DETERMINERS.has(t.lower)) {
      let j = k + 1;
      while (
        j < tokens.length &&
        j < k + 6 &&
        tokens[j]!.sentence === s &&
        !isCap(tokens[j]) &&
        !/[,;:]/u.test(tokens[j]!.before)
      )
        j++;
      const n = tokens[j];
      if (n && isCap(n) && /,/u.test(n.before) && n.sentence === s) {
        let e = j;
        while (e + 1 < tokens.length && e < j + 4 && isCap(tokens[e + 1]) && tokens[e + 1]!.before === '') e++;
        const after = tokens[e + 1];
        if (after && /,/u.test(after.before)) {
          const np = nameEndingAt(d, e);
          if (np) return np;
        }
      }
    }
    if (SPEAKER_NOUNS.has(t.lower) || /(?:ers|ists|ians)$/u.test(t.lower))
      return { type: 'np', text: t.raw, first: k, last: k };
    return null;
  }
  return null;
}
