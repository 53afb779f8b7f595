/**
 * Alignment stage: pairs each article paragraph of a derivative text (a
 * rewrite, a retelling, a republication) with the paragraph(s) of its original
 * it comes from, and says what changed. Pure: texts in, an `Alignment` out.
 *
 * How
 * 1. Only `kind: 'article'` paragraphs take part. A derivative paragraph whose
 *    text equals an original one (whitespace and quote style aside) is paired
 *    with it at once (`same`), preferring the next unused one in order.
 * 2. Every other paragraph is cut into sentences; each sentence becomes a
 *    tf-idf vector of stemmed content words (idf over the sentences of both
 *    texts). An inverted index over the original's sentences gives, for each
 *    derivative sentence, every original sentence sharing a term, by cosine.
 * 3. Anchors: a sentence whose best match scores ≥ `strong` and is not nearly
 *    tied with a sentence of another paragraph. The longest run of anchors in
 *    the original's order (longest non-decreasing subsequence) is the backbone;
 *    anchors off it are kept too: that is a reordered paragraph.
 * 4. Every other sentence takes its best match ≥ `weak` among the original
 *    paragraphs between its neighbouring backbone anchors (± `slack`
 *    paragraphs): order is trusted where the texts keep it, so a weak, generic
 *    match far away does not win. Near ties (within 20%) go to a paragraph no
 *    earlier sentence used, then to the nearest one after the previous
 *    sentence's match. A sentence with no match is a claim of its own. A
 *    sentence may also take a second original sentence (score ≥ strong / 2
 *    and ≥ half the first's) that covers terms the first lacks: two original
 *    sentences fused into one.
 * 5. A derivative paragraph comes from the original paragraphs of its
 *    sentences' matches. Original article paragraphs no pair uses are `dropped`.
 *
 * Relations of a pair
 * - `same`: the text equals the original paragraph's.
 * - `condensed`: one original paragraph (or part of one), shortened: fewer
 *   words than the original, at most a quarter of its words new, and no flag
 *   other than hedge-dropped (a cut that removes a hedge is still a cut).
 * - `altered`: one original paragraph, re-worded or changed in substance
 *   (anything one-to-one that is neither same nor condensed).
 * - `merged`: two or more original paragraphs feed the one derivative paragraph.
 * - `added`: no original paragraph; every sentence is a claim-added.
 * A split shows as several pairs naming the same original anchor (see
 * `splitOriginals`); a reordered paragraph as a pair whose original lies
 * before its predecessor's.
 *
 * Meaning as well as spelling (issue 22): a derivative word the original
 * lacks counts as an original word it shares a WordNet sense with (see
 * ./align/synonyms.ts); a clause of a matched sentence whose content its
 * matched paragraphs lack takes a second source among the nearby original
 * sentences that bring half of the missing terms (4b); an unused original
 * paragraph between two paragraphs merged into one derivative paragraph,
 * while that paragraph has a clause its originals do not explain, is used
 * (a paraphrase too loose for words, inside a merge). Subheadings are never
 * `dropped`: they are not paragraphs of the text.
 *
 * Limits: matching is lexical (stems and WordNet senses), so a paraphrase
 * sharing neither a word nor a sense with its source outside a merge is
 * missed: its clause may become a claim-added and its source be listed as
 * dropped. Quotations are compared word by word: punctuation inside a
 * quotation is ignored.
 *
 * Flags (each `{ type, detail }`; detail quotes the words concerned), computed
 * per derivative sentence against the original sentence(s) matched to it:
 * number-changed (not for a renaming the original states), name-changed (not
 * for a spelling variant), quote-not-verbatim (per paragraph, against all
 * quotations of the original), attribution-changed (only when speech spans are
 * given for both texts; not for a speaker still named or only described),
 * hedge-dropped, strength-changed (softened or hardened verb), claim-added (a
 * sentence with no match, or a clause whose content the pair's originals
 * lack). See ./align/flags.ts.
 *
 * Cost: indexing O(total words); matching O(Σ posting lengths of the
 * derivative's terms), at most derivative sentences × original sentences
 * multiply-adds in the degenerate case, but no edit distance between long
 * texts; the backbone is O(a log a) in the number of anchors; word diffs
 * (jsdiff, O(N·D)) run only on aligned pairs, i.e. on paragraph-sized texts.
 * Measured: the real pair (45 × 23 paragraphs) in 0.07–0.2 s; 400 × 400
 * generated paragraphs of 40 words in about 0.3 s (tests/pipeline/align.test.ts).
 */
import { normaliseForMatch } from './normalise-text.ts';
import { contentTerms, excerpt, sentencesWithOffsets, type Sentence } from './align/text.ts';
import { termMapper } from './align/synonyms.ts';
import { cosine, InvertedIndex, tfIdf, type Scored, type TermVector } from './align/similarity.ts';
import { lexiconOf, nameFlags, numberFlags, quoteFlags, uncoveredClauses } from './align/flags.ts';
import { attributionFlag, dominantSpan, type SpeechSpan } from './align/attribution.ts';
import { hedgeFlags, strengthFlags } from './align/wording.ts';
import type { AlignFlag, AlignParagraph, SpeechByAnchor, AlignText, AlignedPair, Alignment, AlignOptions } from './align/types.ts';
import { pinIdentical, longestNonDecreasing, wordDiff, relationOf, dedupe } from './align/pairs.ts';

export { splitOriginals, longestNonDecreasing } from './align/pairs.ts';

export type { AlignParagraph, SpeechByAnchor, AlignText, Relation, DiffPart, AlignedPair, Alignment, AlignOptions } from './align/types.ts';

export type { AlignFlag, FlagType } from './align/types.ts';
export type { SpeechKind, SpeechSpan } from './align/attribution.ts';

interface SentenceRef extends Sentence {
  /** Index of its paragraph among the text's article paragraphs. */
  para: number;
  terms: string[];
  vector: TermVector;
}

interface Match {
  /** Original sentence indices, best first. */
  sentences: number[];
  score: number;
}

const speechOf = (speech: SpeechByAnchor | undefined, anchor: string): readonly SpeechSpan[] | undefined =>
  speech === undefined
    ? undefined
    : speech instanceof Map
      ? speech.get(anchor)
      : (speech as Readonly<Record<string, readonly SpeechSpan[]>>)[anchor];

/** Aligns `derivative` with `original`. */
export function alignTexts(
  input: { derivative: AlignText; original: AlignText; derivation: string },
  options: AlignOptions = {},
): Alignment {
  const strong = options.strong ?? 0.4;
  const weak = options.weak ?? 0.06;
  const slack = options.slack ?? 1;
  const dParas = input.derivative.paragraphs.filter((p) => p.kind === 'article');
  const oParas = input.original.paragraphs.filter((p) => p.kind === 'article');

  // 1. Identical paragraphs.
  const pinned = pinIdentical(dParas, oParas);

  // 2. Sentences, vectors, index.
  const cut = (paras: readonly AlignParagraph[]) =>
    paras.flatMap((p, para) => sentencesWithOffsets(p.text).map((s) => ({ ...s, para, terms: contentTerms(s.text) })));
  // Derivative words that are WordNet synonyms of original words count as those words.
  const mapper = termMapper(oParas.map((p) => p.text));
  const dSents0 = dParas.flatMap((p, para) =>
    sentencesWithOffsets(p.text).map((s) => ({ ...s, para, terms: mapper.terms(s.text) })),
  );
  const oSents0 = cut(oParas);
  const model = tfIdf([...dSents0, ...oSents0].map((s) => s.terms));
  const dSents: SentenceRef[] = dSents0.map((s) => ({ ...s, vector: model.vector(s.terms) }));
  const oSents: SentenceRef[] = oSents0.map((s) => ({ ...s, vector: model.vector(s.terms) }));
  const index = new InvertedIndex(oSents.map((s) => s.vector));

  const sentencesOfPara = new Map<number, number[]>();
  oSents.forEach((o, k) => sentencesOfPara.set(o.para, [...(sentencesOfPara.get(o.para) ?? []), k]));
  const matches: (Match | null)[] = dSents.map(() => null);
  const candidates: Scored[][] = dSents.map((s, i) => {
    const pin = pinned.get(s.para);
    // Headings match headings, prose matches prose: a three-word heading
    // would otherwise win on one shared word.
    const heading = dParas[s.para]!.role === 'heading';
    if (pin === undefined)
      return index.query(s.vector).filter((c) => (oParas[oSents[c.doc]!.para]!.role === 'heading') === heading);
    // A sentence of a pinned paragraph matches its twin in the pinned original.
    const twin = (sentencesOfPara.get(pin) ?? []).find(
      (o) => normaliseForMatch(oSents[o]!.text) === normaliseForMatch(s.text),
    );
    matches[i] = { sentences: twin === undefined ? [] : [twin], score: 1 };
    return [];
  });

  // 3. Anchors and the backbone.
  const isAnchor = dSents.map((_, i) => {
    if (pinned.has(dSents[i]!.para)) return true;
    const [best, ...rest] = candidates[i]!;
    if (!best || best.score < strong) return false;
    const rival = rest.find((c) => oSents[c.doc]!.para !== oSents[best.doc]!.para);
    return !rival || rival.score < 0.9 * best.score;
  });
  dSents.forEach((_, i) => {
    if (isAnchor[i] && !matches[i])
      matches[i] = { sentences: [candidates[i]![0]!.doc], score: candidates[i]![0]!.score };
  });
  const paraOfMatch = (i: number) => {
    const m = matches[i];
    const first = m?.sentences[0];
    return first === undefined ? (pinned.get(dSents[i]!.para) ?? -1) : oSents[first]!.para;
  };
  const anchorIdx = dSents.map((_, i) => i).filter((i) => isAnchor[i] && paraOfMatch(i) !== -1);
  const backbone = new Set(longestNonDecreasing(anchorIdx.map(paraOfMatch)).map((k) => anchorIdx[k]!));
  const backboneList = [...backbone].sort((a, b) => a - b);

  // 4. Weak matches inside the backbone's window; second sources.
  const usedBefore = new Set<number>(); // original paragraphs matched by sentences before i
  let cursor = 0; // first backbone entry ≥ i
  dSents.forEach((s, i) => {
    while (cursor < backboneList.length && backboneList[cursor]! < i) cursor++;
    pass2(s, i);
    for (const o of matches[i]?.sentences ?? []) usedBefore.add(oSents[o]!.para);
  });

  function pass2(s: SentenceRef, i: number): void {
    if (pinned.has(s.para)) return;
    const prev = backboneList[cursor - 1];
    const next = backboneList[cursor] === i ? backboneList[cursor + 1] : backboneList[cursor];
    const lo = (prev === undefined ? 0 : paraOfMatch(prev)) - slack;
    const hi = (next === undefined ? oParas.length - 1 : paraOfMatch(next)) + slack;
    const inWindow = (c: Scored) => oSents[c.doc]!.para >= lo && oSents[c.doc]!.para <= hi;
    if (!matches[i]) {
      const fits = candidates[i]!.filter((c) => c.score >= weak && inWindow(c));
      // Near ties (within 20%) go to a paragraph no earlier sentence used,
      // then to the one closest after the previous sentence's match.
      const after = i > 0 && matches[i - 1] ? paraOfMatch(i - 1) : lo + slack;
      const close = fits.filter((c) => c.score >= 0.8 * fits[0]!.score);
      const cost = (c: Scored) => {
        const para = oSents[c.doc]!.para;
        const d = para - after;
        return (usedBefore.has(para) ? 1000 : 0) + (d >= 0 ? d : 2 * -d);
      };
      const best = close.sort((a, b) => cost(a) - cost(b) || b.score - a.score)[0];
      if (best) matches[i] = { sentences: [best.doc], score: best.score };
    }
    const m = matches[i];
    if (!m) return;
    // A second original sentence that covers terms the first does not have.
    const primary = oSents[m.sentences[0]!]!;
    const residual: TermVector = new Map([...s.vector].filter(([t]) => !primary.vector.has(t)));
    const second = candidates[i]!.find(
      (c) =>
        c.doc !== m.sentences[0] &&
        c.score >= Math.max(strong / 2, 0.5 * m.score) &&
        (isAnchor[i] || inWindow(c)) &&
        Math.abs(oSents[c.doc]!.para - primary.para) <= slack + 1 &&
        cosine(residual, oSents[c.doc]!.vector) >= weak,
    );
    if (second) m.sentences.push(second.doc);
  }

  // 4b. Clauses: a clause of a matched sentence whose content its matched
  // paragraphs lack may come from a nearby original sentence (two original
  // paragraphs fused into one sentence: "Some councillors called the price
  // too high, but the road authority will pay half").
  const oTermsOfPara = oParas.map((p) => new Set(contentTerms(p.text)));
  dSents.forEach((s, i) => {
    const m = matches[i];
    if (pinned.has(s.para) || !m || m.sentences.length === 0) return;
    const paras = new Set(m.sentences.map((o) => oSents[o]!.para));
    const pool = new Set([...paras].flatMap((p) => [...oTermsOfPara[p]!]));
    const primary = oSents[m.sentences[0]!]!.para;
    for (const c of uncoveredClauses(s.text, pool, mapper.terms, [], false)) {
      const want = new Set(c.missing);
      const best = index
        .query(model.vector(mapper.terms(c.clause)))
        .filter((x) => {
          const para = oSents[x.doc]!.para;
          return !paras.has(para) && Math.abs(para - primary) <= slack + 1 && x.score >= 2 * weak;
        })
        // It must bring at least two of the missing terms, and half of them.
        .find((x) => {
          const n = oSents[x.doc]!.terms.filter((t) => want.has(t)).length;
          return n >= 2 && n >= want.size / 2;
        });
      if (best) {
        m.sentences.push(best.doc);
        paras.add(oSents[best.doc]!.para);
      }
    }
  });

  // 5. Pairs: origins first, then short original paragraphs inside a merge, then flags.
  const dSpeechAll = input.derivative.speech;
  const oSpeechAll = input.original.speech;
  const withSpeech = dSpeechAll !== undefined && oSpeechAll !== undefined;
  const lexicon = lexiconOf(oParas.map((p) => p.text));
  const termsOfPara = oTermsOfPara;
  const mineOf = dParas.map((_, para) => dSents.map((s, i) => ({ s, i })).filter(({ s }) => s.para === para));
  const originsOf = dParas.map((_, para) => {
    const fromParas = new Set<number>();
    const pin = pinned.get(para);
    if (pin !== undefined) fromParas.add(pin);
    for (const { i } of mineOf[para]!) for (const o of matches[i]?.sentences ?? []) fromParas.add(oSents[o]!.para);
    return [...fromParas].sort((a, b) => a - b);
  });
  /** Clauses of matched sentences whose content the pair's originals lack, per derivative paragraph. */
  const poolOf = (origins: readonly number[]) => new Set(origins.flatMap((o) => [...termsOfPara[o]!]));
  const uncoveredOf = (para: number) => {
    const pool = poolOf(originsOf[para]!);
    return mineOf[para]!.flatMap(({ s, i }) =>
      pinned.has(para) || !matches[i]?.sentences.length ? [] : uncoveredClauses(s.text, pool, mapper.terms, [], false),
    );
  };
  const used = new Set(originsOf.flat());
  // An unused original paragraph that lies between two original paragraphs
  // merged into one derivative paragraph, while that paragraph has a clause
  // its originals do not explain, is where the clause comes from: merged
  // paragraphs keep the original's order, and a paraphrase too loose for
  // word overlap ("Experts say this is nonsense" → "historians refute this
  // narrative") would otherwise be listed as dropped and flagged as added.
  const explained = new Map<number, Set<string>>();
  originsOf.forEach((origins, para) => {
    if (origins.length < 2) return;
    const gaps: number[] = [];
    for (let o = origins[0]! + 1; o < origins.at(-1)!; o++) {
      if (!used.has(o) && oParas[o]!.role !== 'heading') gaps.push(o);
    }
    if (gaps.length === 0) return;
    const open = uncoveredOf(para);
    for (const gap of gaps) {
      if (open.length === 0) break;
      // The clause sharing most terms with the gap paragraph, else the first.
      const share = (c: { missing: string[] }) => c.missing.filter((t) => termsOfPara[gap]!.has(t)).length;
      const k = open.reduce((best, c, j) => (share(c) > share(open[best]!) ? j : best), 0);
      const [clause] = open.splice(k, 1);
      origins.push(gap);
      used.add(gap);
      if (!explained.has(para)) explained.set(para, new Set());
      explained.get(para)!.add(clause!.clause);
    }
    origins.sort((a, b) => a - b);
  });

  const pairs: AlignedPair[] = dParas.map((dp, para) => {
    const mine = mineOf[para]!;
    const pin = pinned.get(para);
    const origins = originsOf[para]!;
    const originTexts = origins.map((o) => oParas[o]!.text);
    const pool = poolOf(origins);

    const flags: AlignFlag[] = [];
    if (pin === undefined) {
      for (const { s, i } of mine) {
        const ms = (matches[i]?.sentences ?? [])
          .slice()
          .sort((a, b) => a - b)
          .map((o) => oSents[o]!);
        if (ms.length === 0) {
          flags.push({ type: 'claim-added', detail: `no counterpart in the original: “${excerpt(s.text)}”` });
          continue;
        }
        const matchedText = ms.map((o) => o.text).join(' ');
        flags.push(...numberFlags(s.text, matchedText, lexicon));
        flags.push(...nameFlags(s.text, matchedText, lexicon));
        flags.push(
          ...hedgeFlags(
            s.text,
            ms.map((o) => o.text),
            mapper.terms,
          ),
        );
        flags.push(...strengthFlags(s.text, matchedText));
        for (const c of uncoveredClauses(s.text, pool, mapper.terms, oTermsOfPara)) {
          if (explained.get(para)?.has(c.clause)) continue;
          flags.push({ type: 'claim-added', detail: `not in the original: “${excerpt(c.clause)}”` });
        }
        if (withSpeech) {
          const dSpan = dominantSpan(speechOf(dSpeechAll, dp.anchor) ?? [], s.start, s.end);
          for (const o of ms) {
            const oSpan = dominantSpan(speechOf(oSpeechAll, oParas[o.para]!.anchor) ?? [], o.start, o.end);
            const flag = attributionFlag({ text: s.text, span: dSpan }, { text: o.text, span: oSpan });
            if (flag) {
              flags.push(flag);
              break;
            }
          }
        }
      }
      flags.push(...quoteFlags(dp.text, lexicon));
    }

    const diff = wordDiff(originTexts.join('\n\n'), dp.text);
    return {
      derivative: dp.anchor,
      original: origins.map((o) => oParas[o]!.anchor),
      relation: relationOf(dp.text, originTexts, diff, flags, pin !== undefined),
      flags: dedupe(flags),
      diff,
    };
  });

  return {
    derivative: input.derivative.id,
    original: input.original.id,
    derivation: input.derivation,
    pairs,
    // Subheadings are not paragraphs of the text: a rewrite that drops them drops no content.
    dropped: oParas.filter((p, i) => !used.has(i) && p.role !== 'heading').map((p) => p.anchor),
  };
}