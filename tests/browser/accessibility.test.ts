import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { useHarness } from '../support/use-harness.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const harness = useHarness();

const PAGES: [string, string][] = [
  ['home', '/'],
  ['thesis', '/theses/nato-expansion/'],
  ['source', '/sources/trenin-2021/'],
  ['compare view', '/sources/cnn-retelling-2025/compare/'],
  ['search with results', '/search/?q=NATO'],
  ['404', '/no-such-page/'],
];

describe.each(['light', 'dark'] as const)('%s colour scheme', (scheme) => {
  test.each(PAGES)('%s page has no axe violations', async (_, path) => {
    const page = await (await harness.current.context({ colorScheme: scheme, bypassCSP: true })).newPage(); // lets axe be injected
    await page.goto(path);
    if (path.startsWith('/search/')) await page.locator('.result').first().waitFor();
    // Open collapsed sections so their contents are checked too.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run(o?: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
      return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
  });
});

test('axe does report a real violation (the check can fail)', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.setContent('<html><body><img src="x.png"><button></button></body></html>');
  await page.addScriptTag({ content: axeSource });
  const ids = await page.evaluate(async () => (await (window as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } }).axe.run()).violations.map((v) => v.id));
  expect(ids).toEqual(expect.arrayContaining(['image-alt', 'button-name']));
});
