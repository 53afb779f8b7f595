/** The timeline's grouping (src/models/timeline.ts) on small invented inputs. */
import { expect, test } from 'vitest';
import { agrees, buildTimeline, contentWords, dateLabel, entryForProseDate, entryLabel, thesisTimeline } from '../../src/models/timeline.ts';
import type { EventRecord } from '../../src/models/data-export.ts';

const para = (anchor: string, text: string, n = 1) => ({ anchor, n, text });
const ev = (source: string, anchor: string, text: string, words: string, date: string | null, precision: EventRecord['precision'] = 'year', extra: Partial<EventRecord> = {}): EventRecord => ({
  source, anchor, date, precision, explicit: true, words, offset: text.indexOf(words), event: text, ...extra,
});
const A = 'Russia annexed Crimea in 2014 after the protests in Kyiv.';
const B = 'In 2014 Russia annexed Crimea, a peninsula of Ukraine.';
const C = 'In 2014 the price of oil fell sharply.';
const D = 'Russia annexed Crimea in 2014 after protests.';

const sources = [
  { id: 'a', label: 'A', title: 'A', published: '2021-01-05', paragraphs: [para('pa', A)] },
  { id: 'b', label: 'B', title: 'B', paragraphs: [para('pb', B), para('pc', C, 2)] },
  { id: 'd', label: 'D', title: 'D', derivedFrom: 'a', derivation: 'rewrite', paragraphs: [para('pd', D)] },
];
const events = [ev('a', 'pa', A, '2014', '2014'), ev('b', 'pb', B, '2014', '2014', 'year', { speaker: 'Ann Lee' }), ev('b', 'pc', C, '2014', '2014'), ev('d', 'pd', D, '2014', '2014')];

test('same date and precision with two shared content words share an entry; a derivative is folded, not a second source', () => {
  const t = buildTimeline({ sources, events, counterpart: (d, anchor) => (d === 'd' && anchor === 'pd' ? { original: 'a', anchors: ['pa'] } : undefined), citations: [{ thesis: 't1', source: 'b', anchor: 'pb' }] });
  const crimea = t.entries.find((e) => e.mentions.some((m) => m.anchor === 'pa'))!;
  expect(crimea.mentions.map((m) => m.source)).toEqual(['a', 'b']);
  expect(crimea.folded.map((m) => m.source)).toEqual(['d']);
  expect(crimea.sourceCount).toBe(2);
  expect(crimea.sources).toEqual(['a', 'b', 'd']);
  expect(crimea.theses).toEqual(['t1']);
  const oil = t.entries.find((e) => e.mentions.some((m) => m.anchor === 'pc'))!;
  expect(oil).not.toBe(crimea);
  // The publication date stands on the same line, after the events.
  expect(t.entries.map((e) => e.kind)).toEqual(['event', 'event', 'published']);
  expect(t.entries.at(-1)!.title).toBe('A published');
});

test('a curated event titles its mentions and shows differing dates side by side', () => {
  const E = 'He took office on December 31, 1999.';
  const F = 'From 2000, when he became president, prices rose.';
  const t = buildTimeline({
    sources: [
      { id: 'e', label: 'E', title: 'E', paragraphs: [para('pe', E)] },
      { id: 'f', label: 'F', title: 'F', paragraphs: [para('pf', F)] },
    ],
    events: [ev('e', 'pe', E, 'December 31, 1999', '1999-12-31', 'day'), ev('f', 'pf', F, 'From 2000', '2000', 'year', { bound: 'start' })],
    curated: [{ title: 'He comes to power', date: '2000', cites: [{ source: 'f', anchor: 'pf', offset: 0, date: '2000' }, { source: 'e', anchor: 'pe', offset: E.indexOf('December'), date: '1999-12-31' }] }],
  });
  expect(t.entries).toHaveLength(1);
  const e = t.entries[0]!;
  expect(e.title).toBe('He comes to power');
  expect(e.id).toMatch(/^e-2000-comes-power-[0-9a-z]{4}$/);
  expect(e.dates.map((d) => [d.label, d.by])).toEqual([['2000', ['F']], ['31 December 1999', ['E']]]);
});

test('undated mentions are listed apart; content words skip stop words, months and dates', () => {
  const G = 'Two years ago the war began.';
  const t = buildTimeline({ sources: [{ id: 'g', label: 'G', title: 'G', paragraphs: [para('pg', G)] }], events: [ev('g', 'pg', G, 'Two years ago', null, 'year', { note: 'no publication date' })] });
  expect(t.entries).toEqual([]);
  expect(t.unplaced.map((m) => m.words)).toEqual(['Two years ago']);
  expect([...contentWords('In February the Russians annexed Crimea')]).toEqual(['russian', 'annex', 'crimea']);
});

test('date labels, agreement and short labels', () => {
  expect(dateLabel({ date: '1990', end: '1999', precision: 'decade' })).toBe('the 1990s');
  expect(dateLabel({ date: '0900', end: '0999', precision: 'century' })).toBe('the 10th century');
  expect(dateLabel({ date: '2000', end: '2099', precision: 'century' })).toBe('the 21st century');
  expect(dateLabel({ date: '2022-02', precision: 'month' })).toBe('February 2022');
  expect(dateLabel({ date: '2019', precision: 'approximate' })).toBe('c. 2019');
  expect(dateLabel({ date: '2023', end: '2025', precision: 'year' })).toBe('2023–2025');
  expect(agrees('2022', { date: '2022-02', precision: 'month' })).toBe(true);
  expect(agrees('2022-02-24', { date: '2022-02', precision: 'month' })).toBe(false);
  expect(agrees('2021', { date: '2022-02', precision: 'month' })).toBe(false);
  expect(agrees('2024', { date: '2023', end: '2025', precision: 'year' })).toBe(true);
  expect(agrees('1995', { date: '1990', end: '1999', precision: 'decade' })).toBe(false);
  const t = buildTimeline({ sources, events });
  expect(entryLabel(t.entries.find((e) => e.mentions.some((m) => m.anchor === 'pa'))!, 4)).toBe('… annexed Crimea in 2014');
  expect(thesisTimeline(t, 'none')).toEqual([]);
});

test("a thesis's date links to the one entry its cited paragraphs date so; else to none", () => {
  const E = 'Russia annexed Crimea in February 2014, and in 2014 the rouble fell.';
  const F = 'The war in Georgia began in August 2008.';
  const t = buildTimeline({
    sources: [
      { id: 'a', label: 'A', title: 'A', published: '2021-12-05', paragraphs: [para('pa', A), para('pe', E, 2)] },
      { id: 'b', label: 'B', title: 'B', paragraphs: [para('pb', B), para('pc', C, 2)] },
      { id: 'f', label: 'F', title: 'F', published: '2008-08-20', paragraphs: [para('pf', F)] },
    ],
    events: [
      ev('a', 'pa', A, '2014', '2014'),
      ev('b', 'pb', B, '2014', '2014'),
      ev('b', 'pc', C, '2014', '2014'),
      ev('a', 'pe', E, 'February 2014', '2014-02', 'month'),
      ev('f', 'pf', F, 'August 2008', '2008-08', 'month'),
    ],
  });
  const id = (date: string, cites: string[]) => entryForProseDate(t, { date, cites })?.id;
  const crimea = t.entries.find((e) => e.mentions.some((m) => m.anchor === 'pa'))!.id;
  // The same date in a cited paragraph.
  expect(id('2014', ['a#pa'])).toBe(crimea);
  // Two cited paragraphs dating the same event: still one entry.
  expect(id('2014', ['a#pa', 'b#pb'])).toBe(crimea);
  // Two different events of that date among the cited paragraphs: ambiguous, unlinked.
  expect(id('2014', ['a#pa', 'b#pc'])).toBeUndefined();
  // A coarser thesis date finds the more precise mention; an equal date wins over a more precise one.
  expect(id('2014', ['a#pe'])).toBe(t.entries.find((e) => e.date === '2014-02')!.id);
  expect(id('2014', ['a#pa', 'a#pe'])).toBe(crimea);
  // A date no cited paragraph gives, or a more precise one than the paragraph gives: unlinked.
  expect(id('2015', ['a#pa'])).toBeUndefined();
  expect(id('2014-02-24', ['a#pa'])).toBeUndefined();
  // Not cited: unlinked, whatever the timeline holds.
  expect(id('2014', ['b#pz'])).toBeUndefined();
  // A cited source's publication ("A (December 2021) wrote").
  expect(id('2021-12', ['a#pa'])).toBe('pub-a');
  // Publication and an event of the cited paragraph both fit: either reading is possible, so unlinked.
  expect(id('2008-08', ['f#pf'])).toBeUndefined();
  expect(id('2008', ['f#pf'])).toBeUndefined();
});
