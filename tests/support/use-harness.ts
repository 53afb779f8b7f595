import { afterAll, beforeAll } from 'vitest';
import { startHarness, type Harness } from './browser.ts';

/** Starts one harness for the calling test file (beforeAll) and closes it (afterAll). */
export function useHarness(...args: Parameters<typeof startHarness>): { readonly current: Harness } {
  const ref = {} as { current: Harness };
  beforeAll(async () => {
    ref.current = await startHarness(...args);
  });
  afterAll(() => ref.current?.close());
  return ref;
}
