import { expect, test } from 'vitest';
import { useHarness } from '../support/use-harness.ts';

const harness = useHarness();

test.each([
  '/sources/trenin-2021/?highlight=NATO#%E0%A4%A',
  '/sources/trenin-2021/?highlight=%E0%A4%A#%',
  '/theses/nato-expansion/?highlight=%ZZ#%E0%A4%A',
  '/search/?q=%E0%A4%A&kind=%&source=%E0',
])('the page scripts survive a malformed URL: %s', async (path) => {
  const page = await (await harness.current.context()).newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);
});

test('with a malformed fragment, search words are still marked on the page', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto('/sources/trenin-2021/?highlight=NATO#%E0%A4%A');
  await page.locator('mark.pagefind-highlight').first().waitFor();
  expect(await page.locator('mark.pagefind-highlight').count()).toBeGreaterThan(0);
});

test('a source text served by the site cannot run as a script, even from the site itself', async () => {
  const page = await (await harness.current.context()).newPage();
  await page.goto('/');
  const response = await page.request.get('/sources/trenin-2021.txt');
  expect(response.headers()['content-type']).toBe('text/plain; charset=utf-8');
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  const outcome = await page.evaluate(
    () =>
      new Promise<string>((done) => {
        const s = document.createElement('script');
        s.src = '/sources/trenin-2021.txt';
        s.onload = () => done('ran');
        s.onerror = () => done('blocked');
        document.head.append(s);
      }),
  );
  expect(outcome).toBe('blocked');
});
