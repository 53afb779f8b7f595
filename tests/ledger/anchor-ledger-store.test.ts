/**
 * The ledger at the end of a build (closeLedger): when published anchors would
 * vanish, the error says in one line per anchor what to add to the file. Pages
 * only read the ledger (ledgerView) and declare their anchors in their HTML;
 * the build reconciles the declarations in one pass.
 * Invented pages and text, a ledger in a temporary folder.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnchorLedgerError, closeLedger, declarationJson, ledgerView, openLedger, retiredView, takeDeclarations } from '../../src/ledger/store.ts';
import { ledgerFix, parseLedger, TOMBSTONE_REASON_PLACEHOLDER } from '../../src/ledger/anchor-ledger.ts';

const PERSON = '/people/ann-lee/';
const SECTION_A = { id: 'from-harbour-news', text: 'Harbour news: the port stays open' };
const SECTION_B = { id: 'from-fish-market', text: 'The fish market and its buyers' };
const SAID_A = { id: 'harbour-news--p-we-will-not-close-1a2b3c-0', text: 'We will not close the port, whatever the weather does to the pier.', in: SECTION_A.id };
const SAID_B = { id: 'fish-market--p-nets-are-cheap-4d5e6f-0', text: 'Nets are cheap, boats are not, and the buyers know it.', in: SECTION_B.id };

let dir: string;
let file: string;
const env = process.env.ANCHOR_LEDGER_TODAY;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-'));
  file = join(dir, 'anchors.lock.json');
  process.env.ANCHOR_LEDGER_TODAY = '2026-12-07';
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  if (env === undefined) delete process.env.ANCHOR_LEDGER_TODAY;
  else process.env.ANCHOR_LEDGER_TODAY = env;
});

/** One build: open, each page declares its anchors, close. */
const build = (pages: Record<string, { id: string; text: string; in?: string }[]>) => {
  openLedger(file);
  return closeLedger({ frozen: false, declarations: Object.entries(pages).map(([page, anchors]) => ({ page, anchors })) });
};
const failure = (pages: Parameters<typeof build>[0]): AnchorLedgerError => {
  try {
    build(pages);
  } catch (err) {
    expect(err).toBeInstanceOf(AnchorLedgerError);
    return err as AnchorLedgerError;
  }
  throw new Error('the build passed');
};

describe('anchors that would vanish: one line each saying what to add', () => {
  test('a speaker fix takes a source’s section off a people page: the tombstone to paste, and its statements follow it', () => {
    build({ [PERSON]: [SECTION_A, SAID_A, SECTION_B, SAID_B] });
    const err = failure({ [PERSON]: [SECTION_B, SAID_B] });
    const lines = err.message.split('\n');
    expect(lines[0]).toMatch(/^Anchor ledger: 2 published anchors would vanish\. Keep the text, or add to each entry of .*anchors\.lock\.json named below/);
    expect(lines.slice(1)).toEqual([
      `  ${file} › "/people/ann-lee/" › {"id":"from-harbour-news", …}: add "tombstone": {"date":"2026-12-07","reason":"the statements from this source are no longer credited to this speaker"}` +
        ' — no block of the page holds 50% of its text',
      `  ${file} › "/people/ann-lee/" › {"id":"${SAID_A.id}", …}: nothing to add: it follows the block it was in, "from-harbour-news", once that has the tombstone or successor its own line asks for` +
        ' — the block it was in (from-harbour-news) would vanish: no block of the page holds 50% of its text',
    ]);
  });

  test('doing what the line says makes the build pass, and the page shows the tombstone', () => {
    build({ [PERSON]: [SECTION_A, SAID_A, SECTION_B, SAID_B] });
    const err = failure({ [PERSON]: [SECTION_B, SAID_B] });
    const snippet = /add "tombstone": (\{.*?\}) — /.exec(err.message.split('\n')[1]!)![1]!;
    const ledger = JSON.parse(readFileSync(file, 'utf8'));
    ledger.pages[PERSON].find((e: { id: string }) => e.id === SECTION_A.id).tombstone = JSON.parse(snippet);
    writeFileSync(file, JSON.stringify(ledger));
    openLedger(file);
    const view = ledgerView(PERSON, [SECTION_B, SAID_B]);
    expect(view.tombstones.map((t) => [t.id, t.aliases])).toEqual([[SECTION_A.id, [SAID_A.id]]]);
    expect(closeLedger({ frozen: false, declarations: [{ page: PERSON, anchors: [SECTION_B, SAID_B] }] }).written).toBe(true);
  });

  test('a block that holds some of the text is offered as the successor; tied blocks both are', () => {
    const page = '/sources/harbour-news/';
    const whole = 'Alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa.';
    build({ [page]: [{ id: 'p-whole', text: whole }] });
    const err = failure({ [page]: [{ id: 'p-first', text: 'Alpha bravo charlie delta echo foxtrot golf hotel.' }, { id: 'p-second', text: 'India juliet kilo lima mike november oscar papa.' }] });
    const line = err.message.split('\n')[1]!;
    expect(line).toMatch(
      new RegExp(
        `^  ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} › "/sources/harbour-news/" › \\{"id":"p-whole", …\\}: add "tombstone": \\{"date":"2026-12-07","reason":"<why, as readers will read it after “was removed because”>"\\}, ` +
          'or, if its text went to one of them, "successor": "p-(first|second)" \\(holds 4\\d% of its text\\) or "successor": "p-(first|second)" \\(holds 4\\d% of its text\\) — no block of the page holds 50% of its text \\(closest: p-first, 4\\d%\\)$',
      ),
    );
  });

  test('the placeholder reason is not accepted in the file: it must be written', () => {
    const json = JSON.stringify({
      version: 1, anchorNormalisation: 1,
      pages: { '/sources/x/': [{ id: 'p-a', first: '2026-01-01', text: 'abc', sketch: '', after: null, tombstone: { date: '2026-12-07', reason: TOMBSTONE_REASON_PLACEHOLDER } }] },
    });
    expect(() => parseLedger(json)).toThrow(/\(p-a\): tombstone reason is still the placeholder/);
  });

  test('a successor written by hand to another block’s tombstone fails the build (successor-chain), naming page, entry and field', () => {
    const PAGE = '/sources/harbour/';
    const [A, B, C] = [
      { id: 'p-a', text: 'The harbour master said the port would stay open all winter.' },
      { id: 'p-b', text: 'Fishermen doubted it, and mended their nets on the quay.' },
      { id: 'p-c', text: 'A storm closed the pier for a week in January.' },
    ];
    build({ [PAGE]: [A, B, C] });
    // p-b and p-c go: p-c with a tombstone, p-b led to it by hand.
    const l = JSON.parse(readFileSync(file, 'utf8')) as { pages: Record<string, Record<string, unknown>[]> };
    for (const e of l.pages[PAGE]!) {
      if (e.id === 'p-c') e.tombstone = { date: '2026-12-01', reason: 'it told of another harbour' };
      if (e.id === 'p-b') e.successor = 'p-c';
    }
    writeFileSync(file, JSON.stringify(l));
    const err = failure({ [PAGE]: [A] });
    expect(err.message.split('\n')).toEqual([
      expect.stringMatching(/^Anchor ledger: 1 entry is wrong in the field its line names\. Keep the text, or add to each entry of /),
      `  ${file} › "${PAGE}" › {"id":"p-b", …}: fix its "successor" (successor-chain) — its successor chain (p-b → p-c) ends at a tombstone (p-c, removed on 2026-12-01), not at an anchor on the page`,
    ]);
    expect(err.problems.map((p) => [p.page, p.id, p.fixed, p.rule])).toEqual([[PAGE, 'p-b', 'successor', 'successor-chain']]);
  });

  test('a page no longer built: a tombstone cannot help, and the line says so', () => {
    expect(ledgerFix({ page: '/theses/gone/', id: 'p-a', message: '', why: 'the page /theses/gone/ is no longer built', pageGone: true }, 'content/anchors.lock.json', '2026-12-07')).toBe(
      'content/anchors.lock.json › "/theses/gone/" › {"id":"p-a", …}: a tombstone cannot keep it: the page is no longer built. ' +
        'Build the page again (a removed page stays as a removal notice), or restore what made it — the page /theses/gone/ is no longer built',
    );
  });
});

describe('ledgerFix on reconcilePage’s problems', () => {
  test('an ambiguous successor: both blocks are offered', async () => {
    const { reconcilePage } = await import('../../src/ledger/anchor-ledger.ts');
    const old = reconcilePage('/sources/x/', [], [{ id: 'p-a', text: 'Alpha bravo charlie delta echo foxtrot.' }], '2026-01-01').entries;
    const r = reconcilePage('/sources/x/', old, [{ id: 'p-b', text: 'Alpha bravo charlie delta echo foxtrot. Golf hotel.' }, { id: 'p-c', text: 'Alpha bravo charlie delta echo foxtrot. India juliet.' }], '2026-02-02');
    expect(r.problems.map((p) => p.candidates)).toEqual([[{ id: 'p-b', score: 1 }, { id: 'p-c', score: 1 }]]);
    expect(ledgerFix(r.problems[0]!, 'content/anchors.lock.json', '2026-02-02')).toBe(
      'content/anchors.lock.json › "/sources/x/" › {"id":"p-a", …}: add "tombstone": {"date":"2026-02-02","reason":"<why, as readers will read it after “was removed because”>"}, ' +
        'or, if its text went to one of them, "successor": "p-b" (holds 100% of its text) or "successor": "p-c" (holds 100% of its text) — ' +
        'its successor is ambiguous: p-b (100%), p-c (100%) hold nearly as much of its text',
    );
  });
});

describe('one-way: pages read the ledger; the build reconciles what they declared', () => {
  test('reading a view records nothing: a page that only read, and declared nothing, is reported as no longer built', () => {
    build({ [PERSON]: [SECTION_A, SAID_A] });
    openLedger(file);
    expect(ledgerView(PERSON, [SECTION_A, SAID_A]).tombstones).toEqual([]);
    expect(() => closeLedger({ frozen: false, declarations: [] })).toThrow(/the page \/people\/ann-lee\/ is no longer built/);
  });

  test('a declaration survives HTML: any text, "</script>" included, and comes out of the page whole', () => {
    const anchors = [{ id: 'p-x', text: 'He wrote </script><script>alert(1)</script> & “more”' }];
    const html = `<main><p id="p-x">…</p></main><script type="application/json" data-anchor-ledger>${declarationJson({ page: '/sources/x/', anchors })}</script></body>`;
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    const taken = takeDeclarations(html);
    expect(taken.declarations).toEqual([{ page: '/sources/x/', anchors }]);
    expect(taken.html).toBe('<main><p id="p-x">…</p></main></body>');
  });

  test('a page declared twice fails; a retired page keeps every anchor as a tombstone dated the day it retired', () => {
    build({ [PERSON]: [SECTION_A, SAID_A] });
    openLedger(file);
    expect(() => closeLedger({ frozen: false, declarations: [{ page: PERSON, anchors: [SECTION_A] }, { page: PERSON, anchors: [SECTION_A] }] })).toThrow(/declared its anchors twice/);
    const reason = 'this speaker is now credited on another page';
    expect(retiredView(PERSON, reason).map((t) => [t.id, t.date, t.reason])).toEqual([
      [SECTION_A.id, '2026-12-07', reason],
      [SAID_A.id, '2026-12-07', reason],
    ]);
    closeLedger({ frozen: false, declarations: [{ page: PERSON, anchors: [], retired: reason }] });
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(written.pages[PERSON].map((e: { tombstone?: { reason: string } }) => e.tombstone?.reason)).toEqual([reason, reason]);
  });
});
