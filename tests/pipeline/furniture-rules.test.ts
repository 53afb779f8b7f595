/**
 * One fixture per furniture shape of issue 22: the line predicates, and each shape inside a short
 * article (classifyBlocks), including the look-alikes that must stay article text.
 */
import { describe, expect, test } from 'vitest';
import { splitLines } from '../../src/pipeline/split-paragraphs.ts';
import {
  classifyBlocks, isBoxMarker, isByline, isCreditLine, isDateLine, isDateline, isEditorNote, isImageCredit,
  isInlineTeaser, isMediaLine, isNameLine, isPromoLine, isShareLine,
} from '../../src/pipeline/classify-blocks.ts';
import { formatRun, formatSummary, shortRuns, summariseClassification } from '../../src/pipeline/classification-report.ts';
import type { Block } from '../../src/pipeline/types.ts';

const P1 = 'The harbour board met on Tuesday and agreed, after a long debate, to spend more on the breakwater next year.';
const P2 = 'Fishermen said the repairs were overdue, and several of them told the board that the old wall had been leaking for years.';
const P3 = 'The work is expected to start in the spring, once the council has approved the budget and the contractor has been chosen.';
const roles = (lines: string[]) => classifyBlocks(splitLines(lines.join('\n'))).map((b) => `${b.kind}:${b.role}`);

describe('line shapes', () => {
  test.each([
    [isByline, ['By Jane Roe', 'By: Ricardo Israel - 01/12/2025', 'Analysis by Ivana Example, CNN', 'Interview by Sofie Marr', 'Posted by hollowayresidents on 11 May 2023'],
      ['By the end of the year, the harbour will close.', 'by the harbour', 'Bystanders watched the boats.']],
    [isDateline, ['WASHINGTON (AP) —', 'EASTHOLM, Norway (Reuters) -'], ['WASHINGTON (AP) — The Senate voted on Tuesday.', 'CNN']],
    [isDateLine, ['Published 14 March 2025, 06:00', 'Thursday 6 February 2025 4:31 pm', '2 September 2024', 'Updated 3:12 PM EST, January 28, 2025'],
      ['The wall was built on 3 May 1911 by the city.', 'March on', '2025']],
    [isImageCredit, ['Photo: Jonas Ek/Eastholm Herald', '(Getty Images)', '(AP Photo/Dana Pell)', 'Image credit: Jane Doe'],
      ['Photographers gathered at the quay.', '(the figures are from 2020)']],
    [isCreditLine, ['Reporting by Rosa Linden and Karl Mott; Editing by Peter Gale', 'Additional reporting by Tom Achebe',
      'Associated Press writer Lena Cho in Portland, Maine, contributed to this report.'],
    ['Reporting on the harbour has been thin this year.']],
    [isMediaLine, ['Watch: Storm damage on the Esplanade', 'Play video', '0:45', '2:14', 'Video', 'Listen to this article'],
      ['Watch what the council does next.', 'Watchdogs were not consulted']],
    [isPromoLine, ['Sign up for the Herald Morning Briefing', 'Subscribe', 'Sign up', 'Advertisement', 'Enter your email address',
      'Sign up to our free newsletter to get the latest Westport news straight to your inbox.', 'Get the best of Millbrook culture every Friday'],
    ['The paper lost 5,000 subscribers last year.', 'Get the boats out of the water before the storm.', 'Join the queue, the mayor said.']],
    [isBoxMarker, ['Trending Now', 'Trending', 'Most read', 'Read more', 'Top stories'], ['Trending upward', 'Read more about the wall.']],
    [isInlineTeaser, ['Read more: Cruise calls to Eastholm double in five years'], ['Read more: the council has published its report.']],
    [isShareLine, ['Share this:', 'Share', 'Facebook', 'Email', 'Like this:', 'Like Loading...'], ['Share prices fell.', 'Facebook said nothing.']],
    [isNameLine, ['Marta Lind', 'Ana Ruiz, Northside', 'Walter Grimes, retired signalman, Eastfield', '— Dev Anand, Southgate'],
      ['A school for the trades', 'Marta Lind said no.', 'Ice and money']],
    [isEditorNote, ['[This report first appeared in the Holloway Gazette and is reposted here with permission.]', '[Editor’s note: updated.]'],
      ['[The mayor first appeared at 9pm.] Then the vote.']],
  ] as const)('%o', (is, yes, no) => {
    for (const x of yes) expect([x, is(x)]).toEqual([x, true]);
    for (const x of no) expect([x, is(x)]).toEqual([x, false]);
  });
});

describe('each shape inside an article', () => {
  test('standfirst, byline and date after a question headline', () => {
    expect(roles(['LOCAL NEWS', 'Who will pay for the new sea wall?', 'Homeowners face bills of up to £9,000 each under a plan the council will debate.',
      'By Claire Example', 'Thursday 6 February 2025 4:31 pm', P1, P2])).toEqual([
      'furniture:header', 'furniture:header', 'furniture:standfirst', 'furniture:byline', 'furniture:header', 'article:paragraph', 'article:paragraph']);
  });
  test('a first prose line without a byline or date after it is the article’s, not a standfirst', () => {
    expect(roles(['Headline here', P1, 'By the end of the year, the wall will be done.', P2])[1]).toBe('article:paragraph');
  });
  test('a subheading after the standfirst and date is the body’s', () => {
    expect(roles(['Opinion', 'What should we do with the depot?', 'We asked readers. Here are their replies.', '21 April 2025', 'Make it a market', P1])).toEqual([
      'furniture:header', 'furniture:header', 'furniture:standfirst', 'furniture:header', 'article:heading', 'article:paragraph']);
  });
  test('wire dateline and byline in the header', () => {
    expect(roles(['Senate backs bill', 'By Rosa Example', 'WASHINGTON (AP) —', P1, P2]).slice(0, 3)).toEqual(['furniture:header', 'furniture:byline', 'furniture:dateline']);
  });
  test('caption and image credit', () => {
    expect(roles([P1, 'Boats at the north quay on Tuesday.', 'Photo: Jane Doe/Agency', P2])).toEqual([
      'article:paragraph', 'furniture:media', 'furniture:credit', 'article:paragraph']);
    expect(roles([P1, 'Fishing boats sit in shallow water at low tide.', '(AP Photo/Dana Pell)', P2])[1]).toBe('furniture:media');
  });
  test('newsletter box: call to action and the promotion line next to it', () => {
    expect(roles([P1, 'Sign up for the Herald Morning Briefing', 'The day’s local news in your inbox before 7am. Free for subscribers.', 'Subscribe', P2])).toEqual([
      'article:paragraph', 'furniture:promo', 'furniture:promo', 'furniture:promo', 'article:paragraph']);
  });
  test('a sentence about subscribers, away from a call to action, stays article', () => {
    expect(roles([P1, 'The paper lost 5,000 subscribers last year.', P2])[1]).toBe('article:paragraph');
  });
  test('Trending box with numbered items; a marker followed by prose stays a subheading', () => {
    expect(roles([P1, 'Trending Now', '1. Pier to close for repairs', '2. Bus route 7 axed', P2])).toEqual([
      'article:paragraph', 'furniture:promo', 'furniture:promo', 'furniture:promo', 'article:paragraph']);
    expect(roles([P1, 'Read more', P2, P3])).toEqual(['article:paragraph', 'article:heading', 'article:paragraph', 'article:paragraph']);
  });
  test('Read more teaser on one line, and a box of two', () => {
    expect(roles([P1, 'Read more: Cruise calls double in five years', P2])[1]).toBe('furniture:promo');
    expect(roles([P1, 'Read more', 'Flood defences ‘not fit for purpose’, report finds', P2]).slice(1, 3)).toEqual(['furniture:promo', 'furniture:promo']);
  });
  test('video player', () => {
    expect(roles([P1, 'Watch: Storm damage on the Esplanade', 'Play video', '0:45', P2]).slice(1, 4)).toEqual(['furniture:media', 'furniture:media', 'furniture:media']);
  });
  test('credit lines at the end', () => {
    expect(roles([P1, P2, 'Associated Press writer Lena Cho contributed to this report.', 'Reporting by Rosa Example; Editing by Peter Example']).slice(2)).toEqual([
      'furniture:credit', 'furniture:credit']);
  });
  test('pull quote with its name and title lines (repeating the text, and by shape)', () => {
    const said = '“People think the job is about ships,” she said. “It is mostly about saying no to people who are in a hurry.”';
    expect(roles([P1, said, P2, '“It is mostly about saying no to people who are in a hurry.”', 'Marta Lind', 'Harbour master, Port of Eastholm', P3])).toEqual([
      'article:paragraph', 'article:paragraph', 'article:paragraph', 'furniture:pull-quote', 'furniture:pull-quote', 'furniture:pull-quote', 'article:paragraph']);
    expect(roles([P1, '“We will build it, whatever it costs.”', 'Nadia Example', 'Cabinet member for environment', P2]).slice(1, 4)).toEqual([
      'furniture:pull-quote', 'furniture:pull-quote', 'furniture:pull-quote']);
  });
  test('contributors’ name lines in an opinion collection', () => {
    expect(roles([P1, 'Ana Ruiz, Northside', 'Keep the trams', P2, 'Walter Grimes, retired signalman, Eastfield'])).toEqual([
      'article:paragraph', 'furniture:byline', 'article:heading', 'article:paragraph', 'furniture:byline']);
  });
  test('share buttons, a correction note and a contact line at the end; Advertisement', () => {
    expect(roles([P1, 'Advertisement', P2, 'This article was amended on 15 March 2025 to correct a date.', 'Share this:', 'Facebook', 'Email'])).toEqual([
      'article:paragraph', 'furniture:promo', 'article:paragraph', 'furniture:editor-note', 'furniture:footer', 'furniture:footer', 'furniture:footer']);
    expect(roles([P1, P2, 'Have your say: write to letters@example.org. Letters may be edited.']).at(-1)).toBe('furniture:footer');
  });
  test('blog comments: a marker with “says:” and “Reply” lines after it', () => {
    const out = roles([P1, P2, P3, '2 thoughts on “The wall”', 'Dennis Ward says:', 'Shameful.', 'Reply', 'Priya Shah says:', 'Is there water?', 'Reply']);
    expect(out.slice(3)).toEqual(Array.from({ length: 7 }, () => 'comment:comment'));
    // A "Comments" subheading followed by article text is not a comment section.
    expect(roles([P1, P2, 'Comments', P3, 'Reply']).every((r) => r.startsWith('article'))).toBe(true);
  });
});

describe('the summary names short runs of non-sentences inside the article', () => {
  const b = (line: number, text: string, kind: Block['kind'] = 'article'): Block => ({ kind, role: kind === 'article' ? 'paragraph' : 'promo', text, line });
  test('two or more lines without sentences between article sentences', () => {
    const blocks = [b(1, P1), b(2, 'Cruise calls double'), b(3, 'New footbridge opens'), b(4, 'School board backs later start'), b(5, P2)];
    expect(shortRuns(blocks)).toEqual([{ from: 2, to: 4, texts: ['Cruise calls double', 'New footbridge opens', 'School board backs later start'] }]);
    const s = summariseClassification(blocks);
    expect(formatSummary('x', s)).toMatch(/; short non-sentences inside the article at lines 2–4$/);
    expect(formatRun('x', s.runs[0]!)).toMatch(/^x: lines 2–4 look like furniture inside the article \(3 short lines without sentences\): “Cruise calls double”/);
  });
  test('a single subheading, a run at the start or end, and furniture are not named', () => {
    expect(shortRuns([b(1, P1), b(2, 'Ice and money'), b(3, P2)])).toEqual([]);
    expect(shortRuns([b(1, 'Headline'), b(2, 'Another'), b(3, P1), b(4, 'Tail one'), b(5, 'Tail two')])).toEqual([]);
    expect(shortRuns([b(1, P1), b(2, 'Trending', 'furniture'), b(3, 'One', 'furniture'), b(4, P2)])).toEqual([]);
  });
});
