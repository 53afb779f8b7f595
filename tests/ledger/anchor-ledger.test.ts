import { describe, expect, test } from 'vitest';
import {
  combine,
  containment,
  describeChanges,
  emptyLedger,
  fingerprint,
  ledgerFix,
  parseLedger,
  reconcile,
  reconcilePage,
  serialiseLedger,
  shingleHashes,
  SIMILARITY_THRESHOLD,
  type CurrentAnchor,
  type LedgerEntry,
} from '../../src/ledger/anchor-ledger.ts';
import { paragraphsOf } from '../../src/pipeline/load-sources.ts';

const PAGE = '/sources/example/';
const LEAD = 'This opening paragraph is long enough to be prose rather than a header line, which is what the classifier looks for first.';
const A = 'The Kremlin asked for a formal halt to the eastern enlargement of the alliance and a freeze on its military infrastructure.';
const B = 'Washington answered that the door of the alliance would stay open, and offered talks on missiles and exercises instead.';
const C = 'Diplomats on both sides expected a long winter of negotiations, with no agreement before the spring at the earliest.';
const D = 'Markets barely moved on the news, which traders read as one more round in a quarrel that had lasted twenty years.';

/** The anchors the real pipeline gives these paragraphs (stage 4), as a page publishes them. */
const anchorsOf = (paras: string[]): CurrentAnchor[] => paragraphsOf([LEAD, ...paras].join('\n\n')).map((p) => ({ id: p.anchor, text: p.text }));
const first = (paras: string[], today = '2026-01-01') => reconcilePage(PAGE, [], anchorsOf(paras), today).entries;
const idOf = (text: string, paras: string[]) => anchorsOf(paras).find((a) => a.text === text)!.id;

describe('a new page', () => {
  test('every anchor is appended with its date, fingerprint and the anchor before it', () => {
    const r = reconcilePage(PAGE, [], anchorsOf([A, B]), '2026-01-01');
    expect(r.added).toHaveLength(3);
    expect(r.entries.map((e) => e.first)).toEqual(['2026-01-01', '2026-01-01', '2026-01-01']);
    expect(r.entries[0]!.after).toBeNull();
    expect(r.entries[2]!.after).toBe(r.entries[1]!.id);
    expect(r.entries[1]).toMatchObject(fingerprint(A));
    expect(r.problems).toEqual([]);
  });

  test('rebuilding the same text changes nothing', () => {
    const entries = first([A, B, C]);
    const again = reconcilePage(PAGE, entries, anchorsOf([A, B, C]), '2026-02-02');
    expect(again.entries).toEqual(entries);
    expect(again.added).toEqual([]);
    expect(again.aliases.size).toBe(0);
  });
});

describe('a ledger anchor keeps resolving', () => {
  test('an edited word: the old id leads to the new version, and the successor is recorded', () => {
    const entries = first([A, B, C]);
    const edited = B.replace('exercises', 'manoeuvres');
    const r = reconcilePage(PAGE, entries, anchorsOf([A, edited, C]), '2026-02-02');
    const newId = idOf(edited, [A, edited, C]);
    expect(r.problems).toEqual([]);
    expect(r.aliases.get(newId)).toEqual([idOf(B, [A, B, C])]);
    expect(r.entries.find((e) => e.id === idOf(B, [A, B, C]))!.successor).toBe(newId);
    expect(r.added).toEqual([newId]);
    expect(r.entries.find((e) => e.id === newId)!.first).toBe('2026-02-02');
  });

  test('a split paragraph: the old id leads to the part holding most of its text', () => {
    const long = `${A} ${B} ${C}`;
    const entries = first([long, D]);
    const big = `${A} ${B}`;
    const r = reconcilePage(PAGE, entries, anchorsOf([big, C, D]), '2026-02-02');
    expect(r.problems).toEqual([]);
    expect(r.aliases.get(idOf(big, [big, C, D]))).toEqual([idOf(long, [long, D])]);
  });

  test('merged paragraphs: both old ids lead to the merged one', () => {
    const entries = first([A, B, D]);
    const merged = `${A} ${B}`;
    const r = reconcilePage(PAGE, entries, anchorsOf([merged, D]), '2026-02-02');
    expect(r.problems).toEqual([]);
    expect(r.aliases.get(idOf(merged, [merged, D]))).toEqual([idOf(A, [A, B, D]), idOf(B, [A, B, D])]);
  });

  test('a changed anchor normalisation renames ids of unchanged text: each leads to its new id', () => {
    const entries = first([A, B]);
    // As if a new normalisation made other ids: the same texts under new names.
    const renamed = anchorsOf([A, B]).map((a) => ({ ...a, id: `${a.id}-v2` }));
    const r = reconcilePage(PAGE, entries, renamed, '2026-02-02');
    expect(r.problems).toEqual([]);
    for (const a of anchorsOf([A, B])) expect(r.aliases.get(`${a.id}-v2`)).toEqual([a.id]);
  });

  test('edited twice: the first id follows its recorded successor to the latest version', () => {
    const v1 = first([A, B]);
    const B2 = B.replace('Washington', 'The White House');
    const v2 = reconcilePage(PAGE, v1, anchorsOf([A, B2]), '2026-02-02').entries;
    const B3 = `${B2} It repeated the offer a week later, to no avail, and the talks in Geneva ended without a date for more.`;
    const r = reconcilePage(PAGE, v2, anchorsOf([A, B3]), '2026-03-03');
    expect(r.problems).toEqual([]);
    expect(r.aliases.get(idOf(B3, [A, B3]))?.sort()).toEqual([idOf(B, [A, B]), idOf(B2, [A, B2])].sort());
  });

  test('the same id back on the page wins over a recorded successor', () => {
    const v1 = first([A, B]);
    const B2 = B.replace('Washington', 'The White House');
    const v2 = reconcilePage(PAGE, v1, anchorsOf([A, B2]), '2026-02-02').entries;
    const r = reconcilePage(PAGE, v2, anchorsOf([A, B]), '2026-03-03');
    expect(r.problems).toEqual([]);
    expect(r.aliases.get(idOf(B, [A, B]))).toEqual([idOf(B2, [A, B2])]);
  });
});

describe('a removed block', () => {
  test('without a tombstone it is a problem naming the anchor and the page', () => {
    const entries = first([A, B, C]);
    const r = reconcilePage(PAGE, entries, anchorsOf([A, C]), '2026-02-02');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.id).toBe(idOf(B, [A, B, C]));
    expect(r.problems[0]!.message).toContain(`${PAGE}#${idOf(B, [A, B, C])}`);
    expect(r.problems[0]!.message).toMatch(/would vanish.*tombstone/);
  });

  test('with a tombstone it is shown in place, after the block before it, linking it', () => {
    const entries: LedgerEntry[] = first([A, B, C]).map((e) => (e.id === idOf(B, [A, B, C]) ? { ...e, tombstone: { date: '2026-02-02', reason: 'it repeated the paragraph above' } } : e));
    const r = reconcilePage(PAGE, entries, anchorsOf([A, C]), '2026-02-02');
    expect(r.problems).toEqual([]);
    expect(r.tombstones).toEqual([
      { id: idOf(B, [A, B, C]), date: '2026-02-02', reason: 'it repeated the paragraph above', aliases: [], after: idOf(A, [A, C]), near: idOf(A, [A, C]) },
    ]);
  });

  test('a tombstone whose neighbour went too is placed after the nearest earlier block still there', () => {
    const tomb = { date: '2026-02-02', reason: 'gone' };
    const entries: LedgerEntry[] = first([A, B, C, D]).map((e) => ([idOf(B, [A, B, C, D]), idOf(C, [A, B, C, D])].includes(e.id) ? { ...e, tombstone: tomb } : e));
    const r = reconcilePage(PAGE, entries, anchorsOf([A, D]), '2026-02-02');
    expect(r.tombstones.map((t) => t.after)).toEqual([idOf(A, [A, D]), idOf(A, [A, D])]);
  });

  test('a tombstone after an edited block follows that block’s new version', () => {
    const entries = first([A, B, C]).map((e) => (e.id === idOf(C, [A, B, C]) ? { ...e, tombstone: { date: '2026-02-02', reason: 'gone' } } : e));
    const B2 = B.replace('Washington', 'The White House');
    const r = reconcilePage(PAGE, entries, anchorsOf([A, B2]), '2026-02-02');
    expect(r.tombstones.map((t) => t.after)).toEqual([idOf(B2, [A, B2])]);
  });

  test('a successor chain that ends at a tombstone fails (successor-chain); the old id is given its own tombstone', () => {
    const v1 = first([A, B, C]);
    const B2 = B.replace('Washington', 'The White House');
    const v2 = reconcilePage(PAGE, v1, anchorsOf([A, B2, C]), '2026-02-02').entries;
    const [b, b2] = [idOf(B, [A, B, C]), idOf(B2, [A, B2, C])];
    const tombed = v2.map((e) => (e.id === b2 ? { ...e, tombstone: { date: '2026-03-03', reason: 'it was wrong' } } : e));
    const r = reconcilePage(PAGE, tombed, anchorsOf([A, C]), '2026-03-03');
    expect(r.problems.map((p) => [p.id, p.rule, p.fixed, p.message])).toEqual([
      [
        b,
        'successor-chain',
        'successor',
        `${PAGE}#${b}: successor-chain: its successor chain (${b} → ${b2}) ends at a tombstone (${b2}, removed on 2026-03-03), not at an anchor on the page. Give the entry its own "tombstone" (its links then say why it went), or lead its "successor" to the block that now holds its text`,
      ],
    ]);
    expect(ledgerFix(r.problems[0]!, 'content/anchors.lock.json', '2026-03-03')).toBe(
      `content/anchors.lock.json › "${PAGE}" › {"id":"${b}", …}: fix its "successor" (successor-chain) — its successor chain (${b} → ${b2}) ends at a tombstone (${b2}, removed on 2026-03-03), not at an anchor on the page`,
    );
    // Its own tombstone settles it: each old id says why it went.
    const both = tombed.map((e) => (e.id === b ? { ...e, tombstone: { date: '2026-03-03', reason: 'it was wrong' } } : e));
    const fixed = reconcilePage(PAGE, both, anchorsOf([A, C]), '2026-03-03');
    expect(fixed.problems).toEqual([]);
    expect(fixed.tombstones.map((t) => t.id)).toEqual([b, b2]);
  });
});

describe('similarity', () => {
  test(`a successor needs ${SIMILARITY_THRESHOLD * 100}% of the old text and no close rival; a successor written by hand settles it`, () => {
    const half1 = 'Alpha bravo charlie delta echo foxtrot golf hotel';
    const half2 = 'india juliet kilo lima mike november oscar papa';
    const whole = `${half1} ${half2}.`;
    const entries = first([whole, D]);
    const oldId = idOf(whole, [whole, D]);
    // Split in two equal halves: neither holds half of the old text's shingles (the pair across the cut is lost).
    const split = [`${half1}.`, `${half2}.`, D];
    const r = reconcilePage(PAGE, entries, anchorsOf(split), '2026-02-02');
    expect(r.problems.map((p) => p.id)).toEqual([oldId]);
    expect(r.problems[0]!.message).toMatch(/no block of the page holds 50% of its text \(closest: .*, 4\d%\)/);
    const chosen = idOf(`${half2}.`, split);
    const fixed = entries.map((e) => (e.id === oldId ? { ...e, successor: chosen } : e));
    const r2 = reconcilePage(PAGE, fixed, anchorsOf(split), '2026-02-02');
    expect(r2.problems).toEqual([]);
    expect(r2.aliases.get(chosen)).toEqual([oldId]);
    // Two blocks that each hold all of it: ambiguous.
    const twice = [`${whole} Quebec romeo sierra tango.`, `${whole} Uniform victor whiskey xray.`, D];
    const r3 = reconcilePage(PAGE, entries, anchorsOf(twice), '2026-02-02');
    expect(r3.problems.map((p) => p.id)).toEqual([oldId]);
    expect(r3.problems[0]!.message).toMatch(/ambiguous: .*\(100%\), .*\(100%\)/);
  });

  test('containment is the share of the old sketch found in the candidate', () => {
    expect(containment(fingerprint(A).sketch, shingleHashes(A))).toBe(1);
    expect(containment(fingerprint(A).sketch, shingleHashes(`${B} ${A}`))).toBe(1);
    expect(containment(fingerprint(A).sketch, shingleHashes(D))).toBeLessThan(SIMILARITY_THRESHOLD);
    expect(containment('', shingleHashes(A))).toBe(0);
  });

  test('fingerprints ignore case, punctuation and quote style, not words', () => {
    expect(fingerprint('“Putin is an opportunist,” he said.').text).toBe(fingerprint('"putin is an opportunist" he said').text);
    expect(fingerprint('Putin is an opportunist.').text).not.toBe(fingerprint('Putin is no opportunist.').text);
  });
});

describe('the whole ledger', () => {
  test('a page no longer built is a problem for each of its anchors', () => {
    const ledger = { ...emptyLedger(1), pages: { [PAGE]: first([A]), '/theses/gone/': first([B]) } };
    const r = reconcile(ledger, new Map([[PAGE, anchorsOf([A])]]), '2026-02-02');
    expect(r.problems.map((p) => p.page)).toEqual(['/theses/gone/', '/theses/gone/']);
    expect(r.problems[0]!.message).toMatch(/no longer built/);
  });

  test('redirects and tombstones by page; the file round-trips and lists changes', () => {
    const ledger = { ...emptyLedger(1), pages: { [PAGE]: first([A, B]) } };
    const edited = A.replace('formal', 'firm');
    const r = reconcile(ledger, new Map([[PAGE, anchorsOf([edited, B])]]), '2026-02-02');
    expect(r.redirects.get(PAGE)!.get(idOf(A, [A, B]))).toBe(idOf(edited, [edited, B]));
    expect(parseLedger(serialiseLedger(r.ledger))).toEqual(r.ledger);
    expect(describeChanges(ledger, r.ledger)).toEqual([
      `${PAGE}: 1 new anchor (${idOf(edited, [edited, B])})`,
      `${PAGE}: 1 successor found (${idOf(A, [A, B])} → ${idOf(edited, [edited, B])})`,
    ]);
    expect(combine(r.ledger, r.pages).problems).toEqual([]);
  });

  test('a broken file is rejected naming the page, entry and field', () => {
    const good = serialiseLedger({ ...emptyLedger(1), pages: { [PAGE]: first([A]) } });
    expect(() => parseLedger('{')).toThrow(/not valid JSON/);
    expect(() => parseLedger(good.replace('"first":"2026-01-01"', '"first":"soon"'))).toThrow(/pages\["\/sources\/example\/"\]\[0\] .*first must be a real calendar date YYYY-MM-DD, not "soon"/);
    expect(() => parseLedger(good.replace('"after":null', '"after":null,"tombstone":{"date":"2026-01-01"}'))).toThrow(/tombstone must be/);
    expect(() => parseLedger(good.replace('"after":null', '"after":null,"redirect":"x"'))).toThrow(/unknown field "redirect"/);
  });
});

describe('anchors inside a block (speech spans in their paragraph)', () => {
  const QUOTE = '“We will not give up an inch,”';
  const P1 = `${QUOTE} the minister said on Tuesday, speaking to reporters in the capital after the talks had ended.`;
  const P1_EDITED = `${QUOTE} the minister said on Wednesday, speaking to reporters in the capital after the talks had ended.`;
  const P1_REQUOTED = '“We shall not give up anything,” the minister said on Wednesday, speaking to reporters in the capital after the talks had ended.';
  /** A paragraph anchor (as the pipeline makes it) and its spans, published as the source page does. */
  const withSpans = (paras: string[]): CurrentAnchor[] =>
    anchorsOf(paras).flatMap((a) => {
      const quote = /^“[^”]*”/.exec(a.text)?.[0];
      return quote ? [a, { id: `${a.id}-sp1`, text: quote, in: a.id }] : [a];
    });

  test('a span is recorded with its paragraph (`in`), after it, and a new paragraph comes after the paragraph before it, not after its spans', () => {
    const r = reconcilePage(PAGE, [], withSpans([P1, B]), '2026-01-01');
    const span = r.entries.find((e) => e.id.endsWith('-sp1'))!;
    const para = r.entries.find((e) => e.id === span.in)!;
    expect(span.after).toBe(para.id);
    expect(r.entries.find((e) => e.id === idOf(B, [P1, B]))!.after).toBe(para.id);
    expect(parseLedger(serialiseLedger({ ...emptyLedger(1), pages: { [PAGE]: r.entries } })).pages[PAGE]).toEqual(r.entries);
  });

  test('when a word of its paragraph changes, the old span id leads to the same words inside the edited paragraph', () => {
    const before = reconcilePage(PAGE, [], withSpans([P1, B]), '2026-01-01').entries;
    const oldSpan = `${idOf(P1, [P1, B])}-sp1`;
    const now = withSpans([P1_EDITED, B]);
    const newPara = idOf(P1_EDITED, [P1_EDITED, B]);
    expect(newPara).not.toBe(idOf(P1, [P1, B]));
    const r = reconcilePage(PAGE, before, now, '2026-02-01');
    expect(r.problems).toEqual([]);
    expect(r.aliases.get(`${newPara}-sp1`)).toEqual([oldSpan]);
    expect(r.entries.find((e) => e.id === oldSpan)!.successor).toBe(`${newPara}-sp1`);
  });

  test('when the span’s own words change too, it leads to its paragraph’s successor; never to another block', () => {
    const before = reconcilePage(PAGE, [], withSpans([P1, B]), '2026-01-01').entries;
    const oldSpan = `${idOf(P1, [P1, B])}-sp1`;
    const r = reconcilePage(PAGE, before, withSpans([P1_REQUOTED, B]), '2026-02-01');
    expect(r.problems).toEqual([]);
    const newPara = idOf(P1_REQUOTED, [P1_REQUOTED, B]);
    expect(r.entries.find((e) => e.id === oldSpan)!.successor).toBe(newPara);
    expect(r.aliases.get(newPara)).toContain(oldSpan);
  });

  test('a span of a paragraph that is removed follows the paragraph’s tombstone', () => {
    const before = reconcilePage(PAGE, [], withSpans([P1, B]), '2026-01-01').entries;
    const para = idOf(P1, [P1, B]);
    const marked = before.map((e) => (e.id === para ? { ...e, tombstone: { date: '2026-02-01', reason: 'it was a duplicate' } } : e));
    const r = reconcilePage(PAGE, marked, withSpans([B]), '2026-02-01');
    expect(r.problems).toEqual([]);
    expect(r.tombstones.find((t) => t.id === para)!.aliases).toEqual([`${para}-sp1`]);
  });

  test('a span whose paragraph was edited, then removed, follows the tombstone; a span led to another block’s tombstone fails', () => {
    const before = reconcilePage(PAGE, [], withSpans([P1, B]), '2026-01-01').entries;
    const [oldPara, newPara] = [idOf(P1, [P1, B]), idOf(P1_EDITED, [P1_EDITED, B])];
    const mid = reconcilePage(PAGE, before, withSpans([P1_EDITED, B]), '2026-02-01').entries;
    expect(mid.find((e) => e.id === `${oldPara}-sp1`)!.successor).toBe(`${newPara}-sp1`);
    const tomb = { date: '2026-03-01', reason: 'it was a duplicate' };
    const removed = mid.map((e) => ([oldPara, newPara].includes(e.id) ? { ...e, tombstone: tomb } : e));
    const r = reconcilePage(PAGE, removed, withSpans([B]), '2026-03-01');
    expect(r.problems).toEqual([]);
    expect(r.tombstones.find((t) => t.id === newPara)!.aliases).toEqual([`${oldPara}-sp1`, `${newPara}-sp1`]);
    // A span whose successor is written by hand to the tombstone of a block it was never in.
    const b = idOf(B, [P1_EDITED, B]);
    const stray: LedgerEntry = { id: `${b}-sp9`, first: '2026-01-01', ...fingerprint('“a quote”'), after: b, in: b, successor: newPara };
    const bad = reconcilePage(PAGE, [...removed, stray], withSpans([B]), '2026-03-01');
    expect(bad.problems.map((p) => `${p.id} ${p.rule}: ${p.why}`)).toEqual([`${b}-sp9 successor-chain: its successor chain (${b}-sp9 → ${newPara}) ends at a tombstone (${newPara}, removed on 2026-03-01), not at an anchor on the page`]);
  });

  test('a paragraph is not matched to a span holding its words: an edit still finds the paragraph', () => {
    const QUOTED = `“${P1.replace(/[“”]/g, '')}”`;
    const before = reconcilePage(PAGE, [], withSpans([QUOTED, B]), '2026-01-01').entries;
    const edited = QUOTED.replace('Tuesday', 'Wednesday');
    const r = reconcilePage(PAGE, before, withSpans([edited, B]), '2026-02-01');
    expect(r.problems).toEqual([]);
    expect(r.entries.find((e) => e.id === idOf(QUOTED, [QUOTED, B]))!.successor).toBe(idOf(edited, [edited, B]));
  });

  test('an entry published before nesting was recorded learns its block', () => {
    const before = reconcilePage('/people/x/', [], [{ id: 'from-a', text: 'A' }, { id: 'a--p-1-0', text: 'Words said.' }], '2026-01-01').entries;
    expect(before[1]!.in).toBeUndefined();
    const r = reconcilePage('/people/x/', before, [{ id: 'from-a', text: 'A' }, { id: 'a--p-1-0', text: 'Words said.', in: 'from-a' }], '2026-02-01');
    expect(r.entries[1]!.in).toBe('from-a');
    expect(r.added).toEqual([]);
  });
});

describe('a page no longer built', () => {
  test('is a problem for each anchor, unless its entries are tombstoned (as retiredView shows for a people page)', () => {
    const page = '/people/gone/';
    const entries = reconcilePage(page, [], [{ id: 'from-a', text: 'Source A' }, { id: 'a--p-1-0', text: 'Words said.', in: 'from-a' }], '2026-01-01').entries;
    const ledger = { ...emptyLedger(1), pages: { [page]: entries } };
    expect(combine(ledger, new Map()).problems.map((p) => p.id)).toEqual(['from-a', 'a--p-1-0']);
    const retired = entries.map((e) => ({ ...e, tombstone: { date: '2026-02-01', reason: 'its statements are now listed under “X”' } }));
    const r = reconcilePage(page, retired, [], '2026-02-01');
    expect(r.problems).toEqual([]);
    expect(r.tombstones.map((t) => t.id)).toEqual(['from-a', 'a--p-1-0']);
    expect(combine(ledger, new Map([[page, r]])).problems).toEqual([]);
  });
});
