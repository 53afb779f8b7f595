import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SpeechParagraph, SpeechSpan } from '../../src/pipeline/speech.ts';
import { codePointToUtf16, parseBrat, rangesOf } from './brat.ts';
import {
  goldQuotes,
  listArticles,
  listMisses,
  measureHeldout,
  nameTokens,
  quoteSegments,
  resolveSplit,
  sameSpeaker,
  scoreArticle,
  splitParagraphs,
  type Extract,
} from './speech-heldout.ts';
import { FIXTURES } from '../support/paths.ts';

// An invented one-article corpus (tests/fixtures/speech-heldout/mini): a quote by a named
// mayor, one by "she", a 2-word quote (left out), a quote in an attribution with no
// source (left out), and a quote split around its tag by a named treasurer, after an
// astral character (brat offsets are code points).
const MINI = join(FIXTURES, 'speech-heldout', 'mini');
const TEXT = readFileSync(join(MINI, 'text', 'town-bridge.txt'), 'utf8');
const ANN = readFileSync(join(MINI, 'attributions', 'town-bridge_bbbb.ann'), 'utf8');

describe('brat standoff parser', () => {
  const doc = parseBrat(ANN, TEXT);
  test('text-bound annotations, discontinuous ones and code-point offsets', () => {
    expect(doc.textBounds.size).toBe(19);
    expect(doc.textBounds.get('T1')).toMatchObject({ label: 'Source', text: 'Mayor Jane Holloway' });
    for (const t of doc.textBounds.values())
      expect(t.fragments.map((f) => TEXT.slice(f.start16, f.end16)).join(' ')).toBe(t.text);
    const split = doc.textBounds.get('T18')!;
    expect(split.fragments).toHaveLength(2);
    // After the emoji the UTF-16 offset runs one ahead of the code-point offset.
    expect(split.fragments[1]!.end16).toBe(split.fragments[1]!.end + 1);
    expect(rangesOf(doc, 'T18').map(([s, e]) => TEXT.slice(s, e))[0]).toBe('“The budget is fine for now,”');
  });
  test('events, notes and unparsable lines', () => {
    expect(doc.events).toHaveLength(5);
    expect(doc.events[0]).toEqual({
      id: 'E1',
      label: 'Attribution',
      trigger: 'T4',
      args: [
        { role: 'Content', id: 'T3' },
        { role: 'Cue', id: 'T2' },
        { role: 'Source', id: 'T1' },
      ],
    });
    expect(doc.events[3]!.label).toBe('Attribution-no-source');
    expect(doc.notes).toEqual([{ id: '#1', label: 'AnnotatorNotes', target: 'T1', text: 'an invented note' }]);
    const odd = parseBrat('T1\tSource 0 3\tone\nwrapped span text\nR1\tSays Arg1:T1 Arg2:T2\nA1\tNegated E1\n', 'one');
    expect(odd.skipped).toBe(1);
    expect(odd.relations[0]).toEqual({
      id: 'R1',
      label: 'Says',
      args: [
        { role: 'Arg1', id: 'T1' },
        { role: 'Arg2', id: 'T2' },
      ],
    });
    expect(odd.attributes[0]).toEqual({ id: 'A1', label: 'Negated', target: 'E1', value: null });
  });
  test('code points to UTF-16', () => {
    expect([...codePointToUtf16('a🌉b')]).toEqual([0, 1, 3, 4]);
  });
});

describe('gold quotes', () => {
  test('quoted segments: curly, straight, unclosed at the end of a paragraph', () => {
    const t = 'He said “one two three” and "four five" then “six seven';
    expect(quoteSegments(t).map(([s, e]) => t.slice(s, e))).toEqual(['one two three', 'four five', 'six seven']);
  });
  test('paragraphs keep their offsets in the article', () => {
    const ps = splitParagraphs(TEXT);
    expect(ps).toHaveLength(6);
    for (const p of ps) expect(TEXT.slice(p.start, p.start + p.text.length)).toBe(p.text);
  });
  test('≥ 3 words inside a sourced Content; named when the Source holds a name', () => {
    const gold = goldQuotes(TEXT, splitParagraphs(TEXT), parseBrat(ANN, TEXT));
    expect(gold.short).toBe(1);
    expect(gold.unsourced).toBe(1);
    expect(gold.quotes.map((q) => [q.text, q.source, q.named])).toEqual([
      ['We will build the bridge by spring.', 'Mayor Jane Holloway', true],
      ['It will be paid by the state.', 'she', false],
      ['The budget is fine for now,', 'Treasurer Ann Cole', true],
      ['has room to spare this year.', 'Treasurer Ann Cole', true],
    ]);
  });
  test('names: titles and pronouns aside, possessives stripped', () => {
    expect(nameTokens('Sen. Ted Cruz’s campaign')).toEqual(['ted', 'cruz']);
    expect(nameTokens('he')).toEqual([]);
    expect(sameSpeaker('Sen. Ted Cruz (R-Texas)', 'Cruz')).toBe(true);
    expect(sameSpeaker('Mr. Smith', 'Mr. Jones')).toBe(false);
    expect(sameSpeaker('President Obama', 'President')).toBe(false);
    expect(sameSpeaker('Mayor Jane Holloway', null)).toBe(false);
  });
});

/** A stand-in stage: every double-quoted stretch is a direct span whose speaker comes from `speakers` (by paragraph), in order. */
function fakeStage(speakers: Record<number, (string | null)[]>, shrink = 0): Extract {
  return (paragraphs: SpeechParagraph[]) =>
    paragraphs.map((p, i) => {
      const who = [...(speakers[i] ?? [])];
      return [...p.text.matchAll(/“[^”]*”/gu)].map((m): SpeechSpan => ({
        kind: 'direct',
        speaker: who.length ? who.shift()! : null,
        cue: null,
        start: m.index,
        end: m.index + m[0].length - shrink * (m[0].length - 2),
        text: m[0],
      }));
    });
}

describe('scoring', () => {
  test('found, precision, recall and no-speaker share', () => {
    // ¶1 the mayor, right by surname; ¶2 "she", no speaker; ¶5 two pieces, one wrong speaker, one right.
    const r = scoreArticle(
      'town-bridge',
      TEXT,
      ANN,
      fakeStage({ 1: ['Holloway'], 2: [null], 3: ['Tom Bray'], 5: ['Jane Holloway', 'Ann Cole'] }),
    );
    expect(r.tally).toEqual({
      articles: 1,
      paragraphs: 6,
      gold: 4,
      named: 3,
      short: 1,
      unsourced: 1,
      found: 4,
      foundNamed: 3,
      given: 3,
      right: 2,
      noSpeaker: 1,
    });
    expect(listMisses([r])).toHaveLength(1);
    expect(listMisses([r])[0]).toMatch(
      /^wrong speaker .*“The budget is fine for now,” — source “Treasurer Ann Cole” — got Jane Holloway$/u,
    );
  });
  test('a direct span covering under half the quote does not match', () => {
    const r = scoreArticle('town-bridge', TEXT, ANN, fakeStage({ 1: ['Holloway'] }, 0.6));
    expect(r.tally.found).toBe(0);
    expect(r.tally.right).toBe(0);
  });
  test('a corpus folder: first annotator from metadata.tsv, the real stage runs', () => {
    expect(resolveSplit(MINI)).toBe(MINI);
    expect(() => resolveSplit(FIXTURES)).toThrow(/--split/u);
    expect(listArticles(MINI).map((a) => a.ann.split('/').pop())).toEqual(['town-bridge_bbbb.ann']);
    const { score } = measureHeldout(MINI);
    expect(score).toMatchObject({ articles: 1, gold: 4, named: 3, short: 1, unsourced: 1 });
    for (const x of [score.precision, score.recall, score.foundRate, score.noSpeakerShare])
      expect(x).toBeGreaterThanOrEqual(0);
  });
});
