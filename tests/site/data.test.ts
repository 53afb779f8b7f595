import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, SEEDS } from '../support/paths.ts';
import { loadSources } from '../../src/pipeline/load-sources.ts';
import type { ParagraphRecord } from '../../src/models/data-export.ts';

const records = JSON.parse(readFileSync(join(DIST, 'data', 'paragraphs.json'), 'utf8')) as ParagraphRecord[];
const sources = loadSources(SEEDS);

test('paragraphs.json lists every block of every source, in the documented shape', () => {
  expect(records.length).toBe(sources.reduce((n, s) => n + s.paragraphs.length, 0));
  for (const r of records) {
    expect(Object.keys(r).sort()).toEqual(['anchor', 'kind', 'line', 'n', 'role', 'source', 'text']);
    expect(['article', 'furniture', 'comment']).toContain(r.kind);
    expect(r.n === null || Number.isInteger(r.n)).toBe(true);
  }
  for (const s of sources) {
    const mine = records.filter((r) => r.source === s.entry.id);
    expect(mine.map((r) => r.anchor)).toEqual(s.paragraphs.map((p) => p.anchor));
  }
});

test('each record’s line is the seed line that holds its text, exactly as shown', () => {
  for (const s of sources) {
    const lines = readFileSync(join(SEEDS, s.entry.file), 'utf8').replace(/^\ufeff/, '').split(/\r\n?|\n/);
    for (const r of records.filter((r) => r.source === s.entry.id)) {
      expect(lines[r.line - 1], `${r.source} ${r.anchor}`).toContain(r.text);
    }
  }
});

test('article text in paragraphs.json is what the source page shows', () => {
  const html = readFileSync(join(DIST, 'sources', 'trenin-2021', 'index.html'), 'utf8');
  const first = records.find((r) => r.source === 'trenin-2021' && r.kind === 'article')!;
  expect(html).toContain(`id="${first.anchor}"`);
});
