import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { digest, readCached, writeCached } from '../../src/build/build-cache.ts';
import { ROOT } from '../support/paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'wpw-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('build cache', () => {
  test('digest separates its parts', () => {
    expect(digest('ab', 'c')).not.toBe(digest('a', 'bc'));
    expect(digest('a')).toBe(digest('a'));
  });

  test('writes atomically, reads back, keeps the newest files of a bucket', () => {
    const before = process.env.WPW_CACHE_DIR;
    process.env.WPW_CACHE_DIR = join(dir, 'unit');
    try {
      for (let i = 0; i < 5; i++) writeCached('b', `k${i}`, { i }, 3);
      expect(readdirSync(join(dir, 'unit', 'b')).filter((f) => f.endsWith('.json'))).toHaveLength(3);
      expect(readCached('b', 'k4')).toEqual({ i: 4 });
      expect(readCached('b', 'missing')).toBeUndefined();
    } finally {
      if (before === undefined) delete process.env.WPW_CACHE_DIR;
      else process.env.WPW_CACHE_DIR = before;
    }
  });
});

describe('citations cached across processes', () => {
  // A process formats and writes the cache at exit; the next one formats nothing and says the same.
  const script = `
    import { STYLES, formatReference, formatInText, sourceItem, citeCacheStats } from './src/models/cite.ts';
    const item = sourceItem({ id: 'doe-2024', title: 'A <b>title</b> & more', author: 'Jane Doe', outlet: 'The Daily', published: '2024-02-29' }, 'https://example.org/s/');
    const out = STYLES.flatMap((s) => [formatReference(item, s.key, 'html'), formatReference(item, s.key, 'text'), formatInText(item, s.key, { paragraph: 3 })]);
    console.log(JSON.stringify({ out, stats: citeCacheStats() }));
  `;
  const run = () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, WPW_CACHE_DIR: join(dir, 'cite') } });
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { out: string[]; stats: { hits: number; misses: number } };
  };

  test('a warm process builds no engine and formats the same text', { timeout: 120_000 }, () => {
    const cold = run();
    expect(cold.stats).toMatchObject({ hits: 0, misses: 9 });
    expect(existsSync(join(dir, 'cite', 'cite'))).toBe(true);
    const warm = run();
    expect(warm.stats).toMatchObject({ hits: 9, misses: 0 });
    expect(warm.out).toEqual(cold.out);
  });
});

describe('the source pipeline cached across processes', () => {
  const script = `
    import { sourcesFor, alignmentsFor, sourcesFromDisk } from './src/build/source-index.ts';
    const sources = sourcesFor('seeds');
    const alignments = alignmentsFor('seeds');
    console.log(JSON.stringify({ fromDisk: sourcesFromDisk('seeds'), sources, alignments }));
  `;
  const run = () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, WPW_CACHE_DIR: join(dir, 'sources') } });
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { fromDisk: boolean; sources: unknown[]; alignments: unknown[] };
  };

  test('a warm process reads the same sources and alignments back', { timeout: 120_000 }, () => {
    const cold = run();
    expect(cold.fromDisk).toBe(false);
    const warm = run();
    expect(warm.fromDisk).toBe(true);
    expect(warm.sources).toEqual(cold.sources);
    expect(warm.alignments).toEqual(cold.alignments);
  });

  test('the key changes with a byte of a seed or of the manifest', async () => {
    const { seedsKey } = await import('../../src/build/source-index.ts');
    const copy = join(dir, 'seeds-copy');
    cpSync(join(ROOT, 'seeds'), copy, { recursive: true });
    const before = seedsKey(copy);
    const file = readdirSync(copy).find((f) => f.endsWith('.txt'))!;
    appendFileSync(join(copy, file), ' ');
    const afterSeed = seedsKey(copy);
    appendFileSync(join(copy, 'sources.yaml'), '\n');
    const afterManifest = seedsKey(copy);
    expect(new Set([before, afterSeed, afterManifest]).size).toBe(3);
    expect(seedsKey(copy)).toBe(afterManifest);
  });

  test('the key does not depend on where the project lies: two copies with the same seeds share it', () => {
    const key = (project: string) => {
      cpSync(join(ROOT, 'seeds'), join(project, 'seeds'), { recursive: true });
      const script = `import { seedsKey } from ${JSON.stringify(join(ROOT, 'src/build/source-index.ts'))}; console.log(seedsKey('seeds'));`;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout.trim();
    };
    const a = key(mkdtempSync(join(dir, 'project-a-')));
    const b = key(mkdtempSync(join(dir, 'project-b-')));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toBe(a);
  });
});
