/**
 * Editorial speech corrections that cover part of a quotation: a `direct`
 * correction is applied to the whole quotation (and the build says so); any
 * other kind is refused with a message quoting the words and the quotation.
 * A quotation is never left in pieces without a speaker. Invented text.
 */
import { describe, expect, test } from 'vitest';
import { applySpeechCorrections, extractSpeechDetailed, type SpeechCorrection, type SpeechSpan } from '../../src/pipeline/speech.ts';
import { buildSource } from '../../src/pipeline/load-sources.ts';
import { SourceError, type ManifestEntry } from '../../src/pipeline/manifest.ts';
import type { SourceFile } from '../../src/pipeline/read-sources.ts';

const CTX = { author: 'A. Writer' };
const QUOTE = '“We will not close the port, whatever the weather does to the pier this winter.”';
const paragraphs = [
  // The stage finds no speaker for this quotation.
  { text: `Harbour officials met on Monday. ${QUOTE} The mayor left early.`, anchor: 'p-harbour' },
  { text: 'Ann Lee, a fisher, said the plan was “a fantasy for people who never go to sea”.', anchor: 'p-fisher' },
  { text: '“Nets are cheap,” a trader said, and a buyer answered: “boats are not.”', anchor: 'p-market' },
];
const apply = (corrections: SpeechCorrection[]) => applySpeechCorrections(paragraphs, extractSpeechDetailed(paragraphs, CTX).spans, corrections, CTX);
const show = (spans: SpeechSpan[]) => spans.map((s) => `${s.kind}:${s.speaker ?? '-'}${s.corrected ? '*' : ''} ${s.text}`);

describe('a correction covering part of a quotation', () => {
  test('before: the stage found the quotation without a speaker', () => {
    expect(show(extractSpeechDetailed(paragraphs, CTX).spans[0]!)).toEqual([
      'narration:A. Writer Harbour officials met on Monday. ', `direct:- ${QUOTE}`, 'narration:A. Writer  The mayor left early.',
    ]);
  });

  test('direct: the speaker is given to the whole quotation, never to a piece of it, and a note says so', () => {
    const r = apply([{ paragraph: 'p-harbour', words: 'We will not close the port', kind: 'direct', speaker: 'Bo Chan' }]);
    expect(r.unapplied).toEqual([]);
    expect(show(r.spans[0]!)).toEqual(['narration:A. Writer Harbour officials met on Monday. ', `direct:Bo Chan* ${QUOTE}`, 'narration:A. Writer  The mayor left early.']);
    expect(r.spans[0]!.every((s) => s.speaker !== null)).toBe(true);
    expect(r.notes).toEqual([
      `paragraph "p-harbour": the words "We will not close the port" are part of the quotation ${QUOTE} (no speaker found); ` +
        'the correction (direct, speaker Bo Chan) is applied to the whole quotation. Put the whole quotation in "words" to say so',
    ]);
  });

  test('direct words running from inside one quotation into the next cover both', () => {
    const r = apply([{ paragraph: 'p-market', words: 'cheap," a trader said, and a buyer answered: "boats', kind: 'direct', speaker: 'Cy Dee' }]);
    expect(show(r.spans[2]!)).toEqual(['direct:Cy Dee* “Nets are cheap,” a trader said, and a buyer answered: “boats are not.”']);
    expect(r.notes[0]).toMatch(/the quotation “Nets are cheap,” and “boats are not\.” \(/);
  });

  test('the whole quotation named: applied as written, no note', () => {
    const r = apply([{ paragraph: 'p-harbour', words: QUOTE, kind: 'direct', speaker: 'Bo Chan' }]);
    expect(show(r.spans[0]!)[1]).toBe(`direct:Bo Chan* ${QUOTE}`);
    expect(r.notes).toEqual([]);
  });

  test.each(['scare', 'narration', 'reported'] as const)('%s: refused, naming the paragraph, the words and the full quotation', (kind) => {
    const r = apply([{ paragraph: 'p-fisher', words: 'a fantasy', kind, speaker: kind === 'scare' ? null : 'Ann Lee' }]);
    expect(r.unapplied).toHaveLength(1);
    expect(r.unapplied[0]!.reason).toBe(
      `paragraph "p-fisher": the words "a fantasy" are part of the quotation “a fantasy for people who never go to sea” (speaker Ann Lee), not all of it, ` +
        `and a ${kind} correction would leave the rest of the quotation in pieces. Put the whole quotation in "words", or (to cut it on purpose) first correct the whole quotation, then its part`,
    );
    // Nothing was changed.
    expect(r.spans[1]).toEqual(extractSpeechDetailed(paragraphs, CTX).spans[1]);
  });

  test('cutting a quotation on purpose: correct all of it first, then its part', () => {
    const r = apply([
      { paragraph: 'p-harbour', words: QUOTE, kind: 'direct', speaker: 'Bo Chan' },
      { paragraph: 'p-harbour', words: 'whatever the weather does to the pier this winter.”', kind: 'direct', speaker: 'Di Eve' },
    ]);
    expect(r.unapplied).toEqual([]);
    expect(show(r.spans[0]!).slice(1, 3)).toEqual(['direct:Bo Chan* “We will not close the port, ', 'direct:Di Eve* whatever the weather does to the pier this winter.”']);
  });

  test('words not found: unapplied without a reason, as before', () => {
    const r = apply([{ paragraph: 'p-harbour', words: 'not in the text', kind: 'direct', speaker: 'X' }]);
    expect(r.unapplied).toEqual([{ paragraph: 'p-harbour', words: 'not in the text', kind: 'direct', speaker: 'X' }]);
  });
});

describe('in the build', () => {
  const TEXT = [
    'Harbour news',
    '',
    'This opening paragraph is long enough to be prose, so the line above it is the header of this invented text.',
    '',
    `Harbour officials met on Monday. ${QUOTE} The mayor left early.`,
  ].join('\n');
  const file = (speech: ManifestEntry['speech']): SourceFile => ({
    entry: { id: 'harbour', file: 'h.txt', title: 'H', author: 'A. Writer', speech } as ManifestEntry,
    path: 'seeds/h.txt', bytes: new Uint8Array(), text: TEXT, sha256: '0'.repeat(64), size: 1,
  });
  const anchor = () => buildSource(file([])).paragraphs.find((p) => p.text.startsWith('Harbour officials'))!.anchor;

  test('a direct correction of part of a quotation: applied to all of it, and a build notice names file, entry and paragraph', () => {
    const source = buildSource(file([{ para: anchor(), words: 'We will not close', kind: 'direct', speaker: 'Bo Chan' }]));
    const spans = source.paragraphs.find((p) => p.anchor === anchor())!.spans!;
    expect(spans.filter((s) => s.kind === 'direct').map((s) => [s.speaker, s.text])).toEqual([['Bo Chan', QUOTE]]);
    expect(source.notices).toHaveLength(1);
    expect(source.notices![0]).toMatch(new RegExp(`^seeds/h\\.txt: manifest entry "harbour", field "speech": paragraph "${anchor()}": the words "We will not close" are part of the quotation “We will not close the port, whatever`));
  });

  test('any other kind: the build fails naming file, entry, paragraph, words and the quotation', () => {
    const build = () => buildSource(file([{ para: anchor(), words: 'We will not close', kind: 'scare', speaker: null }]));
    expect(build).toThrow(SourceError);
    expect(build).toThrow(
      `seeds/h.txt: manifest entry "harbour", field "speech": paragraph "${anchor()}": the words "We will not close" are part of the quotation ${QUOTE} (no speaker found), not all of it`,
    );
  });
});
