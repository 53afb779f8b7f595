import { expect, test } from 'vitest';
import { useHarness } from '../support/use-harness.ts';

const harness = useHarness();

test.each([
  ['home', '/'],
  ['thesis', '/theses/opportunism-toward-trump/'],
  ['source', '/sources/kirichenko-2025/'],
  ['search with a query', '/search/?q=Crimea'],
  ['404', '/nothing-here/'],
])('the %s page requests nothing outside its own origin', async (_, path) => {
  const context = await harness.current.context();
  const requested: string[] = [];
  context.on('request', (r) => requested.push(r.url()));
  const page = await context.newPage();
  await page.goto(path);
  if (path.startsWith('/search/')) await page.locator('#search-status').filter({ hasText: /match|No results/ }).waitFor();
  await page.waitForLoadState('networkidle');
  expect(requested.length).toBeGreaterThan(0);
  const foreign = requested.filter((u) => !u.startsWith(`${harness.current.server.url}/`) && !u.startsWith('data:'));
  expect(foreign).toEqual([]);
});
