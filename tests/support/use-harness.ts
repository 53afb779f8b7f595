import { afterAll, beforeAll } from 'vitest';
import { startHarness, type Harness } from './browser.ts';

/** Starts one harness for the calling test file (beforeAll) and closes it (afterAll). */
export function useHarness(): { readonly current: Harness } {
  const ref = {} as { current: Harness };
  beforeAll(async () => {
    ref.current = await startHarness();
  });
  afterAll(() => ref.current?.close());
  return ref;
}
