/**
 * The anchor ledger's hostile and careless cases (issue 25), one folder each under tests/fixtures/ledger/:
 * `ledger.json` (the file as a contributor left it), `anchors.json` (page → the anchors the page has now),
 * optionally `committed.json` (an earlier committed version, for the append-only check under CI), and
 * `expected-messages.txt`: every line the build prints for it, exactly (file › page › entry, the field, and
 * the rule where there is one). The steps are the build's (src/ledger/store.ts): the file is
 * parsed (a bad one stops there), reconciled with the pages' anchors on TODAY (problems stop there), then,
 * with a committed version, checked against it.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ledgerFix, parseLedger, reconcile, type CurrentAnchor } from '../../src/ledger/anchor-ledger.ts';
import { checkLedgerHistory, readVersion } from '../../src/ledger/history.ts';
import { FIXTURES } from '../support/paths.ts';

const CASES = join(FIXTURES, 'ledger');
const FILE = 'content/anchors.lock.json';
const TODAY = '2026-02-01';
const COMMIT = '1234567890abcdef1234567890abcdef12345678';
const cases = readdirSync(CASES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** What the build prints for a case, one line per problem. */
function messages(dir: string): string[] {
  let ledger;
  try {
    ledger = parseLedger(readFileSync(join(dir, 'ledger.json'), 'utf8'));
  } catch (err) {
    return [`anchor ledger ${FILE}: ${(err as Error).message}`];
  }
  const anchors = JSON.parse(readFileSync(join(dir, 'anchors.json'), 'utf8')) as Record<string, CurrentAnchor[]>;
  const r = reconcile(ledger, new Map(Object.entries(anchors)), TODAY);
  if (r.problems.length) return r.problems.map((p) => ledgerFix(p, FILE, TODAY));
  if (!existsSync(join(dir, 'committed.json'))) return [];
  const committed = readVersion(COMMIT, readFileSync(join(dir, 'committed.json'), 'utf8'))!;
  const recorded = new Map([...r.pages].map(([page, p]) => [page, p.recorded]));
  return checkLedgerHistory(r.ledger, [committed], recorded).map((p) => `${FILE} › ${JSON.stringify(p.page)} › ${JSON.stringify(p.id)} › ${p.field}: ${p.message}`);
}

describe.each(cases)('%s', (name) => {
  test('fails with exactly the expected messages, naming page, entry and field', () => {
    const dir = join(CASES, name);
    const expected = readFileSync(join(dir, 'expected-messages.txt'), 'utf8').split('\n').filter((l) => l !== '');
    expect(expected.length, 'every case here is a problem').toBeGreaterThan(0);
    expect(messages(dir)).toEqual(expected);
  });
});

test('a case’s ledger, with the problem taken out, is accepted: each case fails for its own reason only', () => {
  // The successor-to-tombstone case with the old id given its own tombstone, as the message says.
  const dir = join(CASES, 'successor-to-tombstone');
  const text = readFileSync(join(dir, 'ledger.json'), 'utf8').replace('"successor":"p-d"}', '"successor":"p-d","tombstone":{"date":"2026-01-15","reason":"it repeated the paragraph above"}}');
  const anchors = JSON.parse(readFileSync(join(dir, 'anchors.json'), 'utf8')) as Record<string, CurrentAnchor[]>;
  expect(reconcile(parseLedger(text), new Map(Object.entries(anchors)), TODAY).problems).toEqual([]);
});
