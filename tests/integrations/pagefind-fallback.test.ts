/**
 * The Pagefind integration with a bundle the re-cut does not know (another
 * Pagefind version): the build goes on with Pagefind's own bundle and one
 * warning. Pagefind really indexes two small pages; only the version its
 * bundle names is changed, as a new release would write.
 */
import { afterAll, expect, test, vi } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

vi.mock('pagefind', async (importOriginal) => {
  const real = await importOriginal<typeof import('pagefind')>();
  return {
    ...real,
    createIndex: async (...args: Parameters<typeof real.createIndex>) => {
      const created = await real.createIndex(...args);
      const index = created.index!;
      return {
        ...created,
        index: {
          ...index,
          addDirectory: index.addDirectory.bind(index),
          writeFiles: async (opts: Parameters<typeof index.writeFiles>[0]) => {
            const written = await index.writeFiles(opts);
            const file = join(written.outputPath, 'pagefind-entry.json');
            writeFileSync(file, readFileSync(file, 'utf8').replace(/"version":"[^"]+"/, '"version":"9.9.9"'));
            return written;
          },
        },
      };
    },
  };
});

const { default: pagefindIntegration } = await import('../../src/integrations/pagefind.ts');

const site = mkdtempSync(join(tmpdir(), 'pagefind-fallback-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

test('an unknown Pagefind version: its own bundle, one warning, the vocabulary still written, no failed build', { timeout: 120_000 }, async () => {
  mkdirSync(join(site, 'a'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><html lang="en"><title>Home</title><main data-pagefind-body><h1>Home</h1><p>What does Putin want from Ukraine?</p></main></html>');
  writeFileSync(join(site, 'a', 'index.html'), '<!doctype html><html lang="en"><title>A</title><main data-pagefind-body><h1>A</h1><p>NATO expansion and imperial history.</p></main></html>');
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() };
  const hook = pagefindIntegration().hooks['astro:build:done']!;
  await hook({ dir: pathToFileURL(`${site}/`), logger } as unknown as Parameters<typeof hook>[0]);
  expect(logger.warn).toHaveBeenCalledTimes(1);
  expect(String(logger.warn.mock.calls[0]![0])).toMatch(/re-cut knows Pagefind 1\.6\.0.*Pagefind's own bundle.*9\.9\.9/s);
  const dir = join(site, 'pagefind');
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as { version: string; languages: Record<string, { hash: string }> };
  expect(entry.version).toBe('9.9.9');
  // Pagefind's own files, as it named them: its metadata and fragments are there.
  expect(readdirSync(dir)).toContain(`pagefind.${entry.languages.en!.hash}.pf_meta`);
  expect(readdirSync(join(dir, 'fragment')).length).toBe(2);
  const vocabulary = JSON.parse(readFileSync(join(dir, 'vocabulary.json'), 'utf8')) as unknown[];
  expect(JSON.stringify(vocabulary)).toMatch(/expansion/);
});
