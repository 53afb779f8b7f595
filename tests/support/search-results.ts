import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Scrolls every listed search result into view, as a reader would, until none is left to load (results fill in as they come into view). */
export async function loadListed(page: Page): Promise<void> {
  await expect
    .poll(async () => {
      await page.evaluate(() => document.querySelector('.result-pending')?.scrollIntoView());
      return page.locator('.result-pending').count();
    }, { timeout: 20_000 })
    .toBe(0);
}
