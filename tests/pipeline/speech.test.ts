import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadSources } from '../../src/pipeline/load-sources.ts';
import {
  extractSpeech,
  extractSpeechDetailed,
  locateWords,
  spansInRange,
  type SpeechContext,
  type SpeechSpan,
} from '../../src/pipeline/speech.ts';
import { scanQuotes } from '../../src/pipeline/speech/text.ts';
import { FIXTURES, ROOT, SEEDS } from '../support/paths.ts';

/** Spans tile the paragraph: sorted, contiguous, covering it, text = slice. */
function expectTiling(text: string, spans: SpeechSpan[]): void {
  let pos = 0;
  for (const s of spans) {
    expect(s.start).toBe(pos);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.text).toBe(text.slice(s.start, s.end));
    pos = s.end;
  }
  expect(pos).toBe(text.length);
}

interface Case {
  ctx: SpeechContext;
  paragraphs: string[];
  /** `holder`, `inferred` and `cue` are checked when given. */
  expect: { para: number; kind: string; speaker: string | null; text: string; holder?: string; inferred?: boolean; cue?: string | null }[];
}
const CASES = join(FIXTURES, 'speech');
const cases = readdirSync(CASES).filter((d) => existsSync(join(CASES, d, 'case.yaml')));

describe('fixture cases (tests/fixtures/speech/<case>/case.yaml)', () => {
  test('there are fixture cases', () => expect(cases.length).toBeGreaterThanOrEqual(8));
  test.each(cases)('%s', (name) => {
    const c = parse(readFileSync(join(CASES, name, 'case.yaml'), 'utf8')) as Case;
    const out = extractSpeech(c.paragraphs.map((text) => ({ text })), c.ctx);
    out.forEach((spans, i) => expectTiling(c.paragraphs[i]!, spans));
    for (const e of c.expect) {
      const got = out[e.para]!.find((s) => s.text === e.text);
      expect(got, `no span "${e.text}" in ¶${e.para}: ${JSON.stringify(out[e.para])}`).toBeDefined();
      expect({ kind: got!.kind, speaker: got!.speaker }).toEqual({ kind: e.kind, speaker: e.speaker });
      if (e.holder !== undefined) expect(got!.holder, `holder of "${e.text}"`).toBe(e.holder);
      if (e.inferred !== undefined) expect(got!.inferred ?? false, `inferred of "${e.text}"`).toBe(e.inferred);
      if (e.cue !== undefined) expect(got!.cue, `cue of "${e.text}"`).toBe(e.cue);
    }
  });
});

describe('narration voice', () => {
  const p = [{ text: 'Nothing is quoted here.' }];
  test('author, else outlet, else null', () => {
    expect(extractSpeech(p, { author: 'A. Author', outlet: 'Outlet' })[0]![0]!.speaker).toBe('A. Author');
    expect(extractSpeech(p, { outlet: 'Outlet' })[0]![0]!.speaker).toBe('Outlet');
    expect(extractSpeech(p, {})[0]![0]!.speaker).toBeNull();
  });
  test('non-article blocks are plain narration', () => {
    const out = extractSpeech([{ text: '“Quoted,” she said.', kind: 'furniture' }], { author: 'A' });
    expect(out[0]).toEqual([{ kind: 'narration', speaker: 'A', cue: null, start: 0, end: 19, text: '“Quoted,” she said.' }]);
  });
  test('an empty paragraph has no spans', () => expect(extractSpeech([{ text: '' }])).toEqual([[]]));
});

describe('quotation marks', () => {
  test('apostrophes inside and at the edge of words are not quotes', () => {
    expect(scanQuotes("don't, Russia’s, 'til, the Russians' plans")).toEqual([]);
  });
  test('curly, straight, guillemets and single quotes', () => {
    const text = '“a” "b" «c» ‘d’';
    expect(scanQuotes(text).map((q) => text.slice(q.start, q.end))).toEqual(['“a”', '"b"', '«c»', '‘d’']);
  });
  test('an unclosed quotation runs to the end of the paragraph', () => {
    const q = scanQuotes('He said: “and then');
    expect(q).toEqual([{ start: 9, end: 18, unclosed: true, carried: false }]);
  });
});

describe('hostile input: never throws, always tiles, linear time', () => {
  const inputs = [
    '"'.repeat(10_000),
    '“'.repeat(10_000),
    '”'.repeat(10_000),
    "'".repeat(10_000),
    '“said ”said “said, ”said he said'.repeat(2_000),
    'He said “ unbalanced, and she said ” too, said he, “',
    'said said said said said said told told according to',
    '\u00a0\u2028\u2029 “ ” \ud800 \udc00',
  ];
  test.each(inputs.map((s, i) => [i, s] as const))('input %i', (_, text) => {
    const out = extractSpeech([{ text }, { text }], { author: 'A' });
    out.forEach((spans) => expectTiling(text, spans));
  });
  // How long hostile text takes is measured by `npm run bench` (never by a timed assertion here).
});

describe('corrections', () => {
  const paragraphs = [{ text: 'Sources said the plan is dead. “It is,” said Ann Lee.', anchor: 'p-sources' }];
  test('a correction replaces the words it covers and is marked', () => {
    const { spans, unapplied } = extractSpeechDetailed(paragraphs, { author: 'A' }, [
      { paragraph: 'p-sources', words: '"It is,"', kind: 'direct', speaker: 'Ann Leigh' },
      { paragraph: 0, words: 'not in the text', kind: 'scare', speaker: null },
      { paragraph: 'p-missing', words: 'plan', kind: 'scare', speaker: null },
    ]);
    expectTiling(paragraphs[0]!.text, spans[0]!);
    const corrected = spans[0]!.filter((s) => s.corrected);
    expect(corrected).toEqual([{ kind: 'direct', speaker: 'Ann Leigh', holder: 'person', cue: null, start: 31, end: 39, text: '“It is,”', corrected: true }]);
    expect(unapplied.map((u) => u.words)).toEqual(['not in the text', 'plan']);
  });
  test('without corrections nothing is marked corrected', () => {
    expect(extractSpeech(paragraphs, {}).flat().some((s) => s.corrected)).toBe(false);
  });
  test('locateWords ignores quote style, whitespace and case', () => {
    expect(locateWords('He called it “a  Triumph”.', '"a triumph"')).toEqual([13, 25]);
    expect(locateWords('abc', 'x')).toBeNull();
  });
});

describe('spansInRange: does a quoted range belong to one speaker?', () => {
  const text = '“We are ready,” said Ivan Petrov. Officials said the offer was a bluff.';
  const spans = extractSpeech([{ text }], { author: 'A' })[0]!;
  test('inside one quotation', () => {
    const [s, e] = locateWords(text, 'We are ready')!;
    expect(spansInRange(spans, s, e)).toMatchObject({ single: true, speakers: ['Ivan Petrov'] });
  });
  test('straddling a quotation and narration fails', () => {
    const [s, e] = locateWords(text, 'ready,” said Ivan')!;
    const r = spansInRange(spans, s, e);
    expect(r.single).toBe(false);
    expect(r.speakers).toEqual(['Ivan Petrov', 'A']);
  });
  test('straddling two speakers fails', () => {
    const [s] = locateWords(text, 'We are')!;
    const [, e] = locateWords(text, 'the offer')!;
    expect(spansInRange(spans, s, e).speakers).toContain('Officials');
    expect(spansInRange(spans, s, e).single).toBe(false);
  });
});

describe('real seeds', () => {
  const sources = loadSources(SEEDS, ROOT);
  test.each(sources.map((s) => [s.entry.id, s] as const))('%s: spans tile every paragraph', (_, src) => {
    const out = extractSpeech(src.paragraphs, { author: src.entry.author, outlet: src.entry.outlet });
    expect(out).toHaveLength(src.paragraphs.length);
    out.forEach((spans, i) => expectTiling(src.paragraphs[i]!.text, spans));
  });
});
