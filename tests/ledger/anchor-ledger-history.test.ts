/**
 * The ledger is append-only (src/ledger/history.ts): against
 * every earlier committed version, no entry vanishes or changes its
 * fingerprint, a new hand-written successor holds half the old text or gives
 * a reason, and a page has no more tombstones than anchors it ever published.
 * The file itself (src/ledger/anchor-ledger.ts, parseLedger): keys checked
 * and kept out of prototypes, real dates, plain reasons, a size limit; and
 * reconcilePage: a tombstone on a live anchor, a future tombstone, a broken
 * successor chain.
 */
import { describe, expect, test } from 'vitest';
import { checkLedgerHistory, readVersion, type LedgerVersion } from '../../src/ledger/history.ts';
import { emptyLedger, fingerprint, MAX_LEDGER_BYTES, parseLedger, reconcilePage, serialiseLedger, type Ledger, type LedgerEntry } from '../../src/ledger/anchor-ledger.ts';

const PAGE = '/sources/example/';
const A = 'The Kremlin asked for a formal halt to the eastern enlargement of the alliance and a freeze on its military infrastructure.';
const B = 'Washington answered that the door of the alliance would stay open, and offered talks on missiles and exercises instead.';
const C = 'Diplomats on both sides expected a long winter of negotiations, with no agreement before the spring at the earliest.';
const entry = (id: string, text: string, extra: Partial<LedgerEntry> = {}): LedgerEntry => ({ id, first: '2026-01-01', ...fingerprint(text), after: null, ...extra });
const ledgerOf = (pages: Record<string, LedgerEntry[]>): Ledger => ({ ...emptyLedger(1), pages: Object.assign(Object.create(null) as Ledger['pages'], pages) });
const version = (commit: string, l: Ledger): LedgerVersion => readVersion(commit, serialiseLedger(l))!;
const committed = ledgerOf({ [PAGE]: [entry('p-a', A), entry('p-b', B)] });

describe('append-only against the committed versions', () => {
  test('an entry deleted from the file (with its paragraph) is named, with the commit that had it', () => {
    const now = ledgerOf({ [PAGE]: [entry('p-a', A)] });
    expect(checkLedgerHistory(now, [version('1111111aaaa', committed)])).toEqual([
      { page: PAGE, id: 'p-b', field: 'entry', message: 'vanished: it was committed in 1111111, and an entry, once committed, stays (give it a "tombstone" or a "successor" instead)' },
    ]);
  });

  test('a whole page deleted from the file: every entry is named', () => {
    expect(checkLedgerHistory(ledgerOf({}), [version('2222222', committed)]).map((p) => `${p.page}#${p.id} ${p.field}`)).toEqual([`${PAGE}#p-a entry`, `${PAGE}#p-b entry`]);
  });

  test('an entry deleted in an earlier commit is still owed: the union over every version counts', () => {
    const later = ledgerOf({ [PAGE]: [entry('p-a', A)] });
    expect(checkLedgerHistory(later, [version('3333333', later), version('2222222', committed)]).map((p) => p.id)).toEqual(['p-b']);
  });

  test('a changed fingerprint is named by field, old and new value', () => {
    const now = ledgerOf({ [PAGE]: [entry('p-a', A), { ...entry('p-b', B), text: fingerprint(C).text }] });
    const [p] = checkLedgerHistory(now, [version('4444444', committed)]);
    expect(p).toMatchObject({ page: PAGE, id: 'p-b', field: 'text' });
    expect(p!.message).toBe(`its fingerprint changed: "text" was "${fingerprint(B).text}" when committed in 4444444, and is "${fingerprint(C).text}" now`);
  });

  test('a new hand-written successor holding under half the old text fails unless the entry gives a reason', () => {
    const now = ledgerOf({ [PAGE]: [entry('p-a', A), entry('p-b', B, { successor: 'p-c' }), entry('p-c', C)] });
    const recorded = new Map([[PAGE, [{ id: 'p-b', to: 'p-c', score: 0, reasoned: false }]]]);
    expect(checkLedgerHistory(now, [version('5555555', committed)], recorded)).toEqual([
      {
        page: PAGE,
        id: 'p-b',
        field: 'successor',
        message: 'its new successor "p-c" holds 0% of its text, under 50%: lead it to the block that holds its text, or give the entry a "reason" saying why "p-c" is where its links should go',
      },
    ]);
    expect(checkLedgerHistory(now, [version('5555555', committed)], new Map([[PAGE, [{ id: 'p-b', to: 'p-c', score: 0, reasoned: true }]]]))).toEqual([]);
    // Once committed, it was checked then: a later version does not re-judge it (later edits may lower its share).
    expect(checkLedgerHistory(now, [version('5555555', committed), version('6666666', now)], recorded)).toEqual([]);
  });

  test('invented tombstones: a page cannot have more than the anchors it ever published', () => {
    const tomb = { date: '2026-01-02', reason: 'it was invented' };
    const now = ledgerOf({ [PAGE]: [entry('p-a', A, { tombstone: tomb }), entry('p-b', B, { tombstone: tomb }), entry('p-x1', 'x one', { tombstone: tomb })] });
    const problems = checkLedgerHistory(now, [version('7777777', committed)]);
    expect(problems).toEqual([
      { page: PAGE, id: 'p-x1', field: 'tombstone', message: 'the page has 3 tombstones, more than the 2 anchors it ever published in a committed ledger: a tombstone is for an anchor that was published' },
    ]);
  });

  test('a committed version is read into maps: a "__proto__" page pollutes nothing', () => {
    const v = readVersion('8888888', '{"version":1,"anchorNormalisation":1,"pages":{"__proto__":[{"id":"polluted","text":"x","sketch":"","after":null}]}}')!;
    expect(v.pages.get('__proto__')!.map((e) => e.id)).toEqual(['polluted']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(readVersion('9999999', 'not json')).toBeUndefined();
  });
});

describe('the ledger file', () => {
  const good = serialiseLedger(committed);
  const withEntry = (extra: string) => good.replace(`"after":null}`, `"after":null,${extra}}`);

  test('page keys are page paths, and pages have no prototype ("__proto__" never replaces it)', () => {
    const polluting = '{"version":1,"anchorNormalisation":1,"pages":{"__proto__":[]}}';
    expect(() => parseLedger(polluting)).toThrow('pages["__proto__"]: is not a page path such as "/sources/<id>/" (segments of letters, digits and -._~, starting and ending with /)');
    expect(() => parseLedger(good.replace(`"${PAGE}"`, '"/sources/../etc/"'))).toThrow(/pages\["\/sources\/\.\.\/etc\/"\]: is not a page path/);
    const l = parseLedger(good.replace(`"${PAGE}"`, '"/__proto__/"'));
    expect(Object.getPrototypeOf(l.pages)).toBeNull();
    expect(l.pages['/__proto__/']).toHaveLength(2);
    expect(Object.getPrototypeOf(parseLedger(good).pages)).toBeNull();
  });

  test('ids are anchor ids', () => {
    expect(() => parseLedger(good.replace('"id":"p-a"', '"id":"p a<b>"'))).toThrow(`pages["${PAGE}"][0]: id must be an anchor id (letters, digits and -._~), not "p a<b>"`);
    expect(() => parseLedger(withEntry('"successor":"../x"'))).toThrow(/\(p-a\): successor must be an id/);
  });

  test('a tombstone date is a real calendar date', () => {
    expect(() => parseLedger(withEntry('"tombstone":{"date":"2025-13-45","reason":"it was wrong"}'))).toThrow(
      `pages["${PAGE}"][0] (p-a): tombstone date must be a real calendar date YYYY-MM-DD, not "2025-13-45"`,
    );
    expect(() => parseLedger(withEntry('"tombstone":{"date":"2025-02-30","reason":"it was wrong"}'))).toThrow(/tombstone date must be a real calendar date/);
  });

  test.each([
    ['x'.repeat(201), 'is 201 characters long, over 200'],
    ['it was wrong\\nThis paragraph was added', 'has a line break or control character'],
    ['<b>it</b> was wrong', 'has markup (< or >): it is shown as plain text'],
    ['see https://evil.example', 'has a web address: it is shown as plain text, uncited'],
    ['   ', 'is empty'],
  ])('a tombstone reason is plain text of at most 200 characters: %j', (reason, why) => {
    expect(() => parseLedger(withEntry(`"tombstone":{"date":"2025-01-01","reason":"${reason}"}`))).toThrow(
      `pages["${PAGE}"][0] (p-a): tombstone reason ${why} (plain text of at most 200 characters, read after "because")`,
    );
  });

  test('a successor reason goes with a successor, and is plain text too', () => {
    expect(() => parseLedger(withEntry('"reason":"the paragraph moved"'))).toThrow(/\(p-a\): reason explains a successor/);
    expect(() => parseLedger(withEntry('"successor":"p-b","reason":"<i>x</i>"'))).toThrow(/\(p-a\): reason has markup/);
    expect(parseLedger(withEntry('"successor":"p-b","reason":"the argument moved to this paragraph"')).pages[PAGE]![0]!.reason).toBe('the argument moved to this paragraph');
  });

  test('a ledger over the size limit fails with a clear error, before it is parsed', () => {
    const huge = good + ' '.repeat(MAX_LEDGER_BYTES);
    expect(() => parseLedger(huge)).toThrow(/^the file is 8\.0 MB, over the limit of 8 MB \(MAX_LEDGER_BYTES\): a ledger this size is invented or runaway/);
  });
});

describe('reconciling a page', () => {
  const anchors = [
    { id: 'p-a', text: A },
    { id: 'p-b', text: B },
  ];

  test('a tombstone on an anchor the page still has fails, naming it', () => {
    const r = reconcilePage(PAGE, [entry('p-a', A, { tombstone: { date: '2026-01-02', reason: 'it was wrong' } }), entry('p-b', B)], anchors, '2026-02-01');
    expect(r.problems.map((p) => p.message)).toEqual([`${PAGE}#p-a: it has a tombstone (removed on 2026-01-02), but the page still has this anchor. Remove the "tombstone" from its ledger entry, or remove the block`]);
  });

  test('a tombstone dated after today fails', () => {
    const r = reconcilePage(PAGE, [entry('p-a', A), entry('p-b', B), entry('p-c', C, { tombstone: { date: '2027-01-01', reason: 'it was wrong' } })], anchors, '2026-02-01');
    expect(r.problems.map((p) => p.message)).toEqual([`${PAGE}#p-c: its tombstone is dated 2027-01-01, after today (2026-02-01): date a removal on the day it was made`]);
  });

  test('a successor chain must end at a live anchor: a missing id, a cycle or a tombstone fails (successor-chain), whatever similarity would find', () => {
    // p-c's text is on the page as p-c2: similarity would find it, but the hand-written chain is broken.
    const now = [...anchors, { id: 'p-c2', text: C }];
    const missing = reconcilePage(PAGE, [entry('p-c', C, { successor: 'p-nowhere' })], now, '2026-02-01');
    expect(missing.problems.map((p) => p.why)).toEqual(['its successor "p-nowhere" is neither on the page nor in the ledger']);
    const cycle = reconcilePage(PAGE, [entry('p-c', C, { successor: 'p-d' }), entry('p-d', 'gone text', { successor: 'p-c' })], now, '2026-02-01');
    expect(cycle.problems.map((p) => `${p.id}: ${p.why}`)).toEqual(['p-c: its successors form a cycle (p-c → p-d → p-c)', 'p-d: its successors form a cycle (p-c → p-d → p-c)']);
    expect(missing.problems.map((p) => p.message)).toEqual([
      `${PAGE}#p-c: successor-chain: its successor "p-nowhere" is neither on the page nor in the ledger. Lead its "successor" to an anchor on the page, or give the entry a "tombstone"`,
    ]);
    expect([...missing.problems, ...cycle.problems].map((p) => [p.rule, p.fixed])).toEqual(Array(3).fill(['successor-chain', 'successor']));
    // The hostile hand-written successor of issue 25: an anchor led to another block's removal note (no 50% check applies there).
    const tomb = { date: '2026-01-15', reason: 'it repeated the paragraph above' };
    const toTomb = reconcilePage(PAGE, [entry('p-c', C, { successor: 'p-d' }), entry('p-d', 'gone text', { successor: 'p-e' }), entry('p-e', 'more gone text', { tombstone: tomb })], now, '2026-02-01');
    expect(toTomb.problems.map((p) => p.message)).toEqual([
      `${PAGE}#p-c: successor-chain: its successor chain (p-c → p-d → p-e) ends at a tombstone (p-e, removed on 2026-01-15), not at an anchor on the page. Give the entry its own "tombstone" (its links then say why it went), or lead its "successor" to the block that now holds its text`,
      `${PAGE}#p-d: successor-chain: its successor chain (p-d → p-e) ends at a tombstone (p-e, removed on 2026-01-15), not at an anchor on the page. Give the entry its own "tombstone" (its links then say why it went), or lead its "successor" to the block that now holds its text`,
    ]);
    const fine = reconcilePage(PAGE, [entry('p-c', C)], now, '2026-02-01');
    expect(fine.problems).toEqual([]);
    // A tombstone of its own (with or without the successor it had) settles an old id.
    const own = reconcilePage(PAGE, [entry('p-c', C, { successor: 'p-e', tombstone: tomb }), entry('p-e', 'more gone text', { tombstone: tomb })], now, '2026-02-01');
    expect(own.problems).toEqual([]);
  });

  test('the successors followed from the file are reported with the share of the old text they hold', () => {
    const r = reconcilePage(PAGE, [entry('p-a', A), entry('p-b', B), entry('p-c', C, { successor: 'p-a', reason: 'the winter talks are now told in the first paragraph' })], anchors, '2026-02-01');
    expect(r.problems).toEqual([]);
    expect(r.recorded).toEqual([{ id: 'p-c', to: 'p-a', score: 0, reasoned: true }]);
  });
});
