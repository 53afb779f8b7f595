import { describe, expect, test } from 'vitest';
import { speechLabel, speechSegments, type SpanLike } from '../../src/models/speech-markup.ts';
import { extractSpeech } from '../../src/pipeline/speech.ts';

const text = '“Putin is an opportunist,” Galeotti said. Trump said he wants peace. So-called “neutral” states.';
const at = (s: string) => text.indexOf(s);
const spans: SpanLike[] = [
  { kind: 'direct', speaker: 'Mark Galeotti', start: 0, end: at(' Galeotti') },
  { kind: 'narration', speaker: 'Author', start: at(' Galeotti'), end: at('Trump') },
  { kind: 'reported', speaker: 'Trump', start: at('Trump'), end: at(' So-called'), corrected: true },
  { kind: 'narration', speaker: 'Author', start: at(' So-called'), end: at('“neutral”') },
  { kind: 'scare', speaker: null, start: at('“neutral”'), end: at(' states') },
  { kind: 'narration', speaker: 'Author', start: at(' states'), end: text.length },
];

describe('speechSegments', () => {
  test('segments join to exactly the paragraph text', () => {
    expect(speechSegments(text, spans, 'p-x').map((s) => s.text).join('')).toBe(text);
  });

  test('direct and reported spans are marked with speaker and label; narration and scare quotes stay plain', () => {
    const segs = speechSegments(text, spans, 'p-x');
    const marked = segs.filter((s) => s.marked);
    expect(marked.map((s) => [s.kind, s.speaker, s.text])).toEqual([
      ['direct', 'Mark Galeotti', '“Putin is an opportunist,”'],
      ['reported', 'Trump', 'Trump said he wants peace.'],
    ]);
    expect(marked.map((s) => s.label)).toEqual(['Quotation: Mark Galeotti', 'Reported speech: Trump (editorial correction)']);
    // Each span's own id is a published anchor (the paragraph's anchor and its number); its label's id follows from it.
    expect(marked.map((s) => s.id)).toEqual(['p-x-sp1', 'p-x-sp2']);
    expect(marked.map((s) => s.labelId)).toEqual(['p-x-sp1-who', 'p-x-sp2-who']);
    // Narration, the scare quote and the narration around it merge into one plain piece.
    expect(segs.at(-1)).toEqual({ marked: false, text: ' So-called “neutral” states.' });
  });

  test('an inferred speaker is labelled as inferred, with the evidence, never as certain', () => {
    const t = '“We will stay,” she said. “And we will win.”';
    const segs = speechSegments(
      t,
      [
        { kind: 'direct', speaker: 'Anna Smith', start: 0, end: 15 },
        { kind: 'narration', speaker: null, start: 15, end: 26 },
        { kind: 'direct', speaker: 'Anna Smith', start: 26, end: t.length, inferred: true, evidence: 'continues her quotation' },
      ],
      'p-y',
    ).filter((s) => s.marked);
    expect(segs.map((s) => [s.inferred, s.label])).toEqual([
      [false, 'Quotation: Anna Smith'],
      [true, 'Quotation: Anna Smith (inferred: continues her quotation)'],
    ]);
    expect(speechLabel({ kind: 'reported', speaker: 'the Kremlin', inferred: true })).toBe('Reported speech: the Kremlin (inferred)');
  });

  test('the resolver names speakers as their people pages do', () => {
    const segs = speechSegments(text, spans, 'p-x', (s) => (s === 'Trump' ? 'Donald Trump' : s));
    expect(segs.filter((s) => s.marked).map((s) => s.speaker)).toEqual(['Mark Galeotti', 'Donald Trump']);
  });

  test('no spans: the whole text is one plain segment', () => {
    expect(speechSegments('Just text.', undefined, 'p')).toEqual([{ marked: false, text: 'Just text.' }]);
    expect(speechSegments('', [], 'p')).toEqual([]);
  });

  test('spans that do not fit (overlap, out of range, empty, whitespace only) are ignored, never trusted', () => {
    const bad: SpanLike[] = [
      { kind: 'direct', speaker: 'A', start: 0, end: 5 },
      { kind: 'direct', speaker: 'B', start: 3, end: 8 },
      { kind: 'reported', speaker: 'C', start: 9, end: 9 },
      { kind: 'reported', speaker: 'D', start: 5, end: 6 },
      { kind: 'reported', speaker: 'E', start: 8, end: 400 },
    ];
    const t = 'abcde fghij';
    const segs = speechSegments(t, bad, 'p');
    expect(segs.map((s) => s.text).join('')).toBe(t);
    expect(segs.filter((s) => s.marked).map((s) => s.speaker)).toEqual(['A']);
  });

  test('a speaker that was not found is said so', () => {
    expect(speechLabel({ kind: 'direct', speaker: null })).toBe('Quotation: speaker not identified');
  });

  test('on the speech stage’s own output the segments rebuild the text and mark every quotation', () => {
    const paras = [{ text: 'Smith, a professor, spoke. “This is wrong,” Smith said, adding that it was “a disaster.”', kind: 'article' }];
    const [own] = extractSpeech(paras, { author: 'Writer' });
    const segs = speechSegments(paras[0]!.text, own, 'p');
    expect(segs.map((s) => s.text).join('')).toBe(paras[0]!.text);
    const quotes = segs.filter((s) => s.marked && s.kind === 'direct');
    expect(quotes.map((s) => s.text)).toContain('“This is wrong,”');
    for (const q of quotes) expect(q.marked && q.speaker).toBe('Smith');
  });
});
