import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { datesInText, extractDates, type DateMention, type DatesContext } from '../../src/pipeline/dates.ts';
import { compare, iso, isValid, shift } from '../../src/pipeline/dates/calendar.ts';
import { EVENT_WORDS, eventAround, sentenceBounds } from '../../src/pipeline/dates/clause.ts';
import { extractSpeech, type SpeechContext } from '../../src/pipeline/speech.ts';
import { FIXTURES } from '../support/paths.ts';

interface Expected {
  para: number;
  words: string;
  date: string | null;
  precision: string;
  explicit: boolean;
  end?: string;
  resolvedFrom?: string;
  /** false: must be absent. */
  inferred?: boolean;
  bound?: string;
  /** null: must be absent. */
  speaker?: string | null;
  note?: string;
  event?: string;
}
interface Case {
  ctx: DatesContext;
  /** Run the speech stage over the paragraphs first and hand its spans to the dates stage. */
  speech?: SpeechContext;
  paragraphs: string[];
  /** The expected list is all the stage may find. */
  exact?: boolean;
  expect: Expected[];
}

const CASES = join(FIXTURES, 'dates');
const cases = readdirSync(CASES).filter((d) => existsSync(join(CASES, d, 'case.yaml')));

function run(c: Case): DateMention[][] {
  const paragraphs = c.paragraphs.map((text) => ({ text }));
  const spans = c.speech ? extractSpeech(paragraphs, c.speech) : [];
  return extractDates(
    paragraphs.map((p, i) => ({ ...p, spans: spans[i] })),
    c.ctx,
  );
}

describe('fixture cases (tests/fixtures/dates/<case>/case.yaml)', () => {
  test('there is a case for each form', () => expect(cases.length).toBeGreaterThanOrEqual(14));
  test.each(cases)('%s', (name) => {
    const c = parse(readFileSync(join(CASES, name, 'case.yaml'), 'utf8')) as Case;
    const out = run(c);
    out.forEach((ms, i) => {
      for (const m of ms) {
        expect(c.paragraphs[i]!.slice(m.offset, m.offset + m.words.length)).toBe(m.words);
        expect(c.paragraphs[i]).toContain(m.event);
      }
    });
    for (const e of c.expect) {
      const got = out[e.para]!.find((m) => m.words === e.words);
      expect(
        got,
        `no mention "${e.words}" in ¶${e.para}: ${JSON.stringify(out[e.para]?.map((m) => m.words))}`,
      ).toBeDefined();
      const m = got!;
      expect({ date: m.date, precision: m.precision, explicit: m.explicit }, e.words).toEqual({
        date: e.date,
        precision: e.precision,
        explicit: e.explicit,
      });
      expect(m.end, `end of "${e.words}"`).toBe(e.end);
      expect(m.resolvedFrom, `resolvedFrom of "${e.words}"`).toBe(e.resolvedFrom);
      expect(m.bound, `bound of "${e.words}"`).toBe(e.bound);
      if (e.inferred !== undefined) expect(m.inferred ?? false, `inferred of "${e.words}"`).toBe(e.inferred);
      if (e.speaker !== undefined) expect(m.speaker ?? null, `speaker of "${e.words}"`).toBe(e.speaker);
      if (e.note !== undefined) expect(m.note, `note of "${e.words}"`).toBe(e.note);
      if (e.event !== undefined) expect(m.event, `event of "${e.words}"`).toBe(e.event);
      if (m.date === null) expect(m.note, `an unresolved mention says why: "${e.words}"`).toBeTruthy();
    }
    if (c.exact) {
      out.forEach((ms, i) => {
        const want = c.expect.filter((e) => e.para === i).map((e) => e.words);
        expect(
          ms.map((m) => m.words),
          `¶${i}`,
        ).toEqual(want);
      });
    }
  });
});

describe('hostile input', () => {
  test('a line of ten thousand numbers yields no years', () => {
    const line = (n: number) => Array.from({ length: n }, (_, i) => String(1000 + (i % 1100))).join(' ');
    expect(datesInText(line(10_000), { published: '2022-03-01' })).toEqual([]);
    expect(datesInText(line(40_000))).toEqual([]);
    // How long it takes is measured by `npm run bench`, never by a timed assertion here.
  });
  test('ten thousand comma- and dash-joined numbers after one cue: at most a short list', () => {
    const commas = `in ${Array.from({ length: 10_000 }, (_, i) => String(1000 + (i % 1100))).join(', ')}`;
    expect(datesInText(commas).length).toBeLessThanOrEqual(1 + 4);
    const dashes = Array.from({ length: 10_000 }, (_, i) => String(1000 + (i % 1100))).join('-');
    expect(datesInText(dashes)).toEqual([]);
  });
  test('ten thousand real dates are all found', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `in ${1900 + (i % 100)}`).join(' and ');
    const out: DateMention[] = datesInText(text);
    expect(out.length).toBe(10_000);
  });
  test('long runs of digits, months and punctuation end (never throw)', () => {
    const junk = '9'.repeat(50_000) + ' March '.repeat(5_000) + '(((('.repeat(5_000) + ' the '.repeat(5_000);
    expect(() => datesInText(junk, { published: '2022-03-01' })).not.toThrow();
  });
  test('an empty text and non-article blocks have no mentions', () => {
    expect(datesInText('')).toEqual([]);
    expect(
      extractDates([
        { text: 'In 2014 it began.', kind: 'comment' },
        { text: 'In 2014 it began.', kind: 'furniture' },
      ]),
    ).toEqual([[], []]);
  });
  test('a malformed publication date is no date to count from', () => {
    expect(datesInText('It happened last year.', { published: '2022-02-31' })[0]).toMatchObject({
      date: null,
      note: 'no publication date to count from',
    });
  });
});

describe('events', () => {
  test('the event is the sentence, or at most EVENT_WORDS words of its clause around the mention', () => {
    const text = `Short first sentence. ${'word '.repeat(40)}in 2014 the war began ${'more '.repeat(40)}end.`;
    const [m] = datesInText(text);
    expect(m!.event.split(/\s+/).length).toBeLessThanOrEqual(EVENT_WORDS);
    expect(m!.event).toContain('in 2014 the war began');
    expect(text).toContain(m!.event);
  });
  test('sentences do not break after initials and abbreviations', () => {
    const text = 'The U.S. Senate met on Jan. 5. Then it rested.';
    expect(sentenceBounds(text).map(([s, e]) => text.slice(s, e))).toEqual([
      'The U.S. Senate met on Jan. 5.',
      'Then it rested.',
    ]);
    expect(eventAround(text, sentenceBounds(text), 23, 29)).toBe('The U.S. Senate met on Jan. 5');
  });
});

describe('calendar', () => {
  test('ISO forms, validity and shifts', () => {
    expect(iso({ y: 900 })).toBe('0900');
    expect(iso({ y: 2021, m: 3, d: 5 })).toBe('2021-03-05');
    expect(isValid({ y: 2021, m: 2, d: 29 })).toBe(false);
    expect(isValid({ y: 2024, m: 2, d: 29 })).toBe(true);
    expect(isValid({ y: 1900, m: 2, d: 29 })).toBe(false);
    expect(shift({ y: 2022, m: 3, d: 31 }, -1, 'month')).toEqual({ y: 2022, m: 2, d: 28 });
    expect(shift({ y: 2024, m: 2, d: 29 }, 1, 'year')).toEqual({ y: 2025, m: 2, d: 28 });
    expect(shift({ y: 2022, m: 12, d: 28 }, 1, 'week')).toEqual({ y: 2023, m: 1, d: 4 });
    expect(shift({ y: 50, m: 1, d: 1 }, -1, 'day')).toEqual({ y: 49, m: 12, d: 31 });
    expect(compare({ y: 2021 }, { y: 2021, m: 5 })).toBe(0);
  });
});
