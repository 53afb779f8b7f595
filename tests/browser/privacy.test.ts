import { afterAll, beforeAll, expect, test } from 'vitest';
import { startHarness, type Harness } from '../support/browser.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

test.each([
  ['home', '/'],
  ['thesis', '/theses/opportunism-toward-trump/'],
  ['source', '/sources/kirichenko-2025/'],
  ['search with a query', '/search/?q=Crimea'],
  ['404', '/nothing-here/'],
])('the %s page requests nothing outside its own origin', async (_, path) => {
  const context = await h.context();
  const requested: string[] = [];
  context.on('request', (r) => requested.push(r.url()));
  const page = await context.newPage();
  await page.goto(path);
  if (path.startsWith('/search/')) await page.locator('#search-status').filter({ hasText: /match|No results/ }).waitFor();
  await page.waitForLoadState('networkidle');
  expect(requested.length).toBeGreaterThan(0);
  const foreign = requested.filter((u) => !u.startsWith(`${h.server.url}/`) && !u.startsWith('data:'));
  expect(foreign).toEqual([]);
});
