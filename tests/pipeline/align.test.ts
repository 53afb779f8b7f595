import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  alignTexts,
  longestNonDecreasing,
  splitOriginals,
  type AlignParagraph,
  type AlignText,
  type SpeechSpan,
} from '../../src/pipeline/align.ts';
import { namesIn, numbersIn, quotedSpans, sentencesWithOffsets } from '../../src/pipeline/align/text.ts';
import { compareView } from '../../src/models/compare.ts';
import { FIXTURES } from '../support/paths.ts';

const DIR = join(FIXTURES, 'align');

/**
 * One article paragraph per non-blank line, anchored `<prefix><line>`; a line
 * starting with "## " is a subheading. Paragraphs and subheadings are numbered
 * apart (`n`), as the source pages number them.
 */
function paragraphs(text: string, prefix: string): AlignParagraph[] {
  const count = { paragraph: 0, heading: 0 };
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line, i) => {
      const role = line.startsWith('## ') ? 'heading' : 'paragraph';
      return { anchor: `${prefix}${i + 1}`, text: line.replace(/^## /, '').trim(), kind: 'article', role, n: ++count[role] };
    });
}

/** A fixture's speech.json: spans located by their text in the paragraph. */
type SpeechFixture = Record<'original' | 'derivative', Record<string, { kind: SpeechSpan['kind']; speaker: string | null; text: string }[]>>;

function speechOf(fixture: SpeechFixture[keyof SpeechFixture], paras: readonly AlignParagraph[]): Record<string, SpeechSpan[]> {
  return Object.fromEntries(
    Object.entries(fixture).map(([anchor, spans]) => {
      const text = paras.find((p) => p.anchor === anchor)!.text;
      return [anchor, spans.map((s) => {
        const start = text.indexOf(s.text);
        if (start < 0) throw new Error(`speech span not in ${anchor}: ${s.text}`);
        return { kind: s.kind, speaker: s.speaker, start, end: start + s.text.length };
      })];
    }),
  );
}

function text(id: string, body: string, prefix: string, speech?: AlignText['speech']): AlignText {
  return { id, paragraphs: paragraphs(body, prefix), speech };
}

interface Expected {
  pairs: { derivative: string; original: string[]; relation: string; flags: string[]; details?: string[] }[];
  dropped: string[];
  split?: Record<string, string[]>;
  /** A part of the compare view's summary line. */
  totals?: string;
}

const cases = readdirSync(DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && readdirSync(join(DIR, d.name)).includes('expected.json'))
  .map((d) => d.name)
  .sort();

describe('fixture pairs (tests/fixtures/align/<case>/)', () => {
  test('the fixture cases are all there', () => {
    expect(cases).toEqual(
      expect.arrayContaining(['condensed', 'merged', 'split', 'reordered', 'dropped-added', 'number-changed', 'hedge-dropped', 'quote-reworded', 'name-changed', 'same',
        'renamed', 'spelling', 'alias', 'paraphrase', 'added-claims', 'softened', 'totals']),
    );
  });

  test.each(cases)('%s', (name) => {
    const read = (f: string) => readFileSync(join(DIR, name, f), 'utf8');
    const expected = JSON.parse(read('expected.json')) as Expected;
    const derivative = text('derivative', read('derivative.txt'), 'd');
    const original = text('original', read('original.txt'), 'o');
    if (existsSync(join(DIR, name, 'speech.json'))) {
      const speech = JSON.parse(read('speech.json')) as SpeechFixture;
      derivative.speech = speechOf(speech.derivative, derivative.paragraphs);
      original.speech = speechOf(speech.original, original.paragraphs);
    }
    const alignment = alignTexts({ derivative, original, derivation: 'rewrite' });
    expect(alignment).toMatchObject({ derivative: 'derivative', original: 'original', derivation: 'rewrite' });
    expect(alignment.pairs.map((p) => ({ derivative: p.derivative, original: p.original, relation: p.relation, flags: p.flags.map((f) => f.type).sort() }))).toEqual(
      expected.pairs.map((p) => ({ derivative: p.derivative, original: p.original, relation: p.relation, flags: [...p.flags].sort() })),
    );
    expected.pairs.forEach((p, i) => {
      const details = alignment.pairs[i]!.flags.map((f) => f.detail).join('\n');
      for (const d of p.details ?? []) expect(details).toContain(d);
    });
    expect(alignment.dropped).toEqual(expected.dropped);
    if (expected.split) expect(Object.fromEntries(splitOriginals(alignment))).toEqual(expected.split);
    if (expected.totals) {
      const view = compareView(alignment, { id: 'derivative', paragraphs: derivative.paragraphs }, { id: 'original', paragraphs: original.paragraphs });
      expect(view.summary).toContain(expected.totals);
    }
  });
});

describe('alignTexts', () => {
  const original = text(
    'o',
    [
      'The river town of Halden voted on Tuesday to rebuild its old stone bridge, which flood water damaged last spring.',
      '“The bridge is the heart of our town,” Mayor Ingrid Solberg said on Tuesday evening.',
    ].join('\n'),
    'o',
  );

  test('the word diff rebuilds both texts', () => {
    const d = text('d', 'Halden, a river town, voted to rebuild its old stone bridge after floods damaged it last spring.', 'd');
    const [pair] = alignTexts({ derivative: d, original, derivation: 'rewrite' }).pairs;
    const diff = pair!.diff;
    expect(diff.filter((p) => p.op !== 'added').map((p) => p.text).join('')).toBe(original.paragraphs[0]!.text);
    expect(diff.filter((p) => p.op !== 'removed').map((p) => p.text).join('')).toBe(d.paragraphs[0]!.text);
    expect(diff.some((p) => p.op === 'removed') && diff.some((p) => p.op === 'added')).toBe(true);
  });

  test('furniture and comments take no part, on either side', () => {
    const withFurniture: AlignText = {
      id: 'd',
      paragraphs: [
        { anchor: 'f1', text: 'Mayor Ingrid Solberg said on Tuesday', kind: 'furniture', role: 'header', n: 1 },
        ...original.paragraphs,
        { anchor: 'c1', text: 'The river town of Halden voted on Tuesday!', kind: 'comment', role: 'comment', n: 1 },
      ],
    };
    const a = alignTexts({ derivative: withFurniture, original, derivation: 'republication' });
    expect(a.pairs.map((p) => [p.derivative, p.relation])).toEqual([
      ['o1', 'same'],
      ['o2', 'same'],
    ]);
  });

  test('attribution-changed: direct speech that became narration, or speech given to someone else', () => {
    const d = text(
      'd',
      [
        'The river town of Halden voted on Tuesday to rebuild its old stone bridge, which flood water damaged last spring.',
        'The bridge is the heart of the town, and its mayor wants it back.',
      ].join('\n'),
      'd',
    );
    const quote = original.paragraphs[1]!.text;
    const speech = (spans: Record<string, SpeechSpan[]>) => spans;
    const oSpeech = speech({ o2: [{ kind: 'direct', speaker: 'Ingrid Solberg', start: 0, end: quote.indexOf('Mayor') }] });
    // Without speech spans the flag is not judged at all.
    const plain = alignTexts({ derivative: d, original, derivation: 'rewrite' });
    expect(plain.pairs[1]!.flags.map((f) => f.type)).not.toContain('attribution-changed');
    // Speech spans for both texts: the derivative narrates what the mayor said.
    const narrated = alignTexts({
      derivative: { ...d, speech: speech({ d2: [{ kind: 'narration', speaker: null, start: 0, end: d.paragraphs[1]!.text.length }] }) },
      original: { ...original, speech: oSpeech },
      derivation: 'rewrite',
    });
    expect(narrated.pairs[1]!.original).toEqual(['o2']);
    expect(narrated.pairs[1]!.flags.filter((f) => f.type === 'attribution-changed').map((f) => f.detail)).toEqual([
      expect.stringMatching(/^direct speech of Ingrid Solberg is narration in the derivative/),
    ]);
    // Another speaker.
    const moved = alignTexts({
      derivative: { ...d, speech: new Map([['d2', [{ kind: 'reported', speaker: 'Per Dahl', start: 0, end: 30 }]]]) },
      original: { ...original, speech: oSpeech },
      derivation: 'rewrite',
    });
    expect(moved.pairs[1]!.flags.filter((f) => f.type === 'attribution-changed').map((f) => f.detail)).toEqual([
      expect.stringMatching(/^speaker Ingrid Solberg → Per Dahl/),
    ]);
    // The same speaker, named in full or by surname, is no change.
    const kept = alignTexts({
      derivative: { ...d, speech: { d2: [{ kind: 'reported', speaker: 'Solberg', start: 0, end: 30 }] } },
      original: { ...original, speech: oSpeech },
      derivation: 'rewrite',
    });
    expect(kept.pairs[1]!.flags.map((f) => f.type)).not.toContain('attribution-changed');
  });

  test('a weak, far-away match does not beat order: a generic sentence between aligned neighbours stays in their window', () => {
    const o = text(
      'o',
      [
        'Halden council approved the stone bridge plan with nine votes to four.',
        'Engineers found cracks in two of the piers during the June inspection.',
        'The ferry service will run every half hour while the bridge is closed.',
        'Critics of the council say the town cannot afford the bridge.',
        'Tourists usually cross the bridge on their way to the old fortress.',
      ].join('\n'),
      'o',
    );
    const d = text(
      'd',
      [
        'Halden council approved the stone bridge plan with nine votes to four.',
        'The town cannot really afford it, some say.',
        'Tourists usually cross the bridge on their way to the old fortress.',
      ].join('\n'),
      'd',
    );
    const a = alignTexts({ derivative: d, original: o, derivation: 'rewrite' });
    expect(a.pairs.map((p) => p.original)).toEqual([['o1'], ['o4'], ['o5']]);
    expect(a.dropped).toEqual(['o2', 'o3']);
  });

  test('scales: 400 paragraphs against 400, shuffled in blocks, well under a second per 100 paragraphs', () => {
    const vocab = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}x`);
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const para = () => Array.from({ length: 40 }, () => vocab[Math.floor(rand() * vocab.length)]).join(' ') + '.';
    const oTexts = Array.from({ length: 400 }, para);
    // The derivative keeps every other paragraph, cut to its first 25 words, and swaps two blocks.
    const kept = oTexts.filter((_, i) => i % 2 === 0).map((t) => t.split(' ').slice(0, 25).join(' ') + '.');
    const dTexts = [...kept.slice(100, 150), ...kept.slice(0, 100), ...kept.slice(150)];
    const a = alignTexts({
      derivative: text('d', dTexts.join('\n'), 'd'),
      original: text('o', oTexts.join('\n'), 'o'),
      derivation: 'rewrite',
    });
    expect(a.pairs[0]!.original).toEqual(['o201']);
    expect(a.pairs[50]!.original).toEqual(['o1']);
    expect(a.pairs.every((p) => p.original.length === 1 && p.relation === 'condensed')).toBe(true);
    expect(a.dropped).toHaveLength(200);
    // How long it takes is measured by `npm run bench`, never by a timed assertion here.
  });
});

describe('helpers', () => {
  test('longestNonDecreasing', () => {
    expect(longestNonDecreasing([])).toEqual([]);
    expect(longestNonDecreasing([0, 1, 9, 2, 2, 3])).toEqual([0, 1, 3, 4, 5]);
    expect(longestNonDecreasing([5, 4, 3])).toHaveLength(1);
  });

  test('sentencesWithOffsets keeps offsets into the text as given', () => {
    const t = '“He is an opportunist.” But he plans.  It was 1990. e.g. not here, Rus … but';
    const s = sentencesWithOffsets(t);
    expect(s.map((x) => x.text)).toEqual(['“He is an opportunist.”', 'But he plans.', 'It was 1990. e.g. not here, Rus … but']);
    for (const x of s) expect(t.slice(x.start, x.end)).toBe(x.text);
  });

  test('numbersIn', () => {
    expect(numbersIn('Russia joined the G8, the eighth member; 20% of three million, in 1990s and 2,000.')).toEqual([
      'g8', 'eighth', '20%', 'three', 'million', '1990s', '2,000',
    ]);
  });

  test('namesIn leaves out a lone capitalised first word but keeps runs', () => {
    expect(namesIn('However, Ukraine and its European allies doubt it. The Kremlin said so. Putin agreed with JD Vance.')).toEqual([
      'Ukraine', 'European', 'Kremlin', 'JD Vance',
    ]);
  });

  test('quotedSpans: typographic and straight quotes; an open quote runs to the end; apostrophes are not quotes', () => {
    expect(quotedSpans('He said “root causes” and "neutral" state, Russia’s “historic Russia').map((q) => q.text)).toEqual([
      'root causes', 'neutral', 'historic Russia',
    ]);
  });
});
