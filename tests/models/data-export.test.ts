import { expect, test } from 'vitest';
import { paragraphRecords, speechRecords } from '../../src/models/data-export.ts';

const text = 'Smith said “no,” she wrote. A so-called “deal” failed.';
const at = (s: string) => text.indexOf(s);
const source = {
  id: 's',
  paragraphs: [
    {
      anchor: 'p-a',
      kind: 'article' as const,
      role: 'paragraph',
      line: 1,
      n: 1,
      text,
      spans: [
        { kind: 'direct', speaker: 'Smith', cue: 'wrote', start: at('“no,”'), end: at(' she') },
        { kind: 'reported', speaker: 'Smith', cue: 'said', start: 0, end: at('“no,”') },
        { kind: 'narration', speaker: 'Author', cue: null, start: at(' she'), end: at('“deal”') },
        { kind: 'scare', speaker: 'ignored', cue: null, start: at('“deal”'), end: at(' failed') },
        { kind: 'narration', speaker: 'Author', cue: null, start: at(' failed'), end: text.length },
      ],
    },
    { anchor: 'f-1', kind: 'furniture' as const, role: 'footer', line: 2, n: 1, text: 'Footer' },
  ],
};

test('speechRecords: every span but narration, in text order, text the exact slice, scare quotes without speaker', () => {
  const records = speechRecords([source], (s) => (s === 'Smith' ? 'Jane Smith' : s));
  expect(records).toEqual([
    { source: 's', anchor: 'p-a', kind: 'reported', text: 'Smith said ', speaker: 'Jane Smith', cue: 'said', start: 0, end: 11 },
    { source: 's', anchor: 'p-a', kind: 'direct', text: '“no,”', speaker: 'Jane Smith', cue: 'wrote', start: 11, end: 16 },
    { source: 's', anchor: 'p-a', kind: 'scare', text: '“deal”', speaker: null, cue: null, start: at('“deal”'), end: at(' failed') },
  ]);
  for (const r of records) expect(text.slice(r.start, r.end)).toBe(r.text);
  expect(speechRecords([source])[0]!.speaker).toBe('Smith');
});

test('paragraphRecords is unchanged by spans: no speech fields leak into paragraphs.json', () => {
  expect(Object.keys(paragraphRecords([source])[0]!).sort()).toEqual(['anchor', 'kind', 'line', 'n', 'role', 'source', 'text']);
});

test('speechRecords: holder type and an inferred speaker with its evidence are published; none for a scare quote', () => {
  const records = speechRecords([
    {
      id: 's',
      paragraphs: [
        {
          anchor: 'p-b',
          text: '“We stay.” A so-called “deal”.',
          spans: [
            { kind: 'direct', speaker: 'Ann Lee', cue: null, start: 0, end: 10, holder: 'person' as const, inferred: true, evidence: 'continues Ann Lee’s quotation in the previous paragraph' },
            { kind: 'narration', speaker: 'Author', cue: null, start: 10, end: 23 },
            { kind: 'scare', speaker: null, cue: null, start: 23, end: 29, holder: 'person' as const },
          ],
        },
      ],
    },
  ]);
  expect(records[0]).toMatchObject({ speaker: 'Ann Lee', holder: 'person', inferred: true, evidence: 'continues Ann Lee’s quotation in the previous paragraph' });
  expect(records[1]).not.toHaveProperty('holder');
  expect(records[1]).not.toHaveProperty('inferred');
});
