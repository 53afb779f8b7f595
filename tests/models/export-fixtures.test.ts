/**
 * Exports of hostile values from fixture files (tests/fixtures/exports/, see its README): each source of a
 * `sources.yaml` (accepted by the manifest parser) and each `thesis.yaml` is written as cite.bib, cite.ris and
 * cite.json (src/models/cite.ts) and read back by independent parsers: one record, each field once, no line of
 * RIS that is not a tag line, the title as written (line breaks as spaces).
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseRis } from 'astrocite-ris';
import { citationFiles, exportSafe, sourceItem, thesisItem, type CslItem } from '../../src/models/cite.ts';
import { parseManifest } from '../../src/pipeline/manifest.ts';
import { FIXTURES } from '../support/paths.ts';

const CASES = join(FIXTURES, 'exports');
const items: [string, CslItem][] = readdirSync(CASES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .sort((a, b) => a.name.localeCompare(b.name))
  .flatMap((d): [string, CslItem][] => {
    const dir = join(CASES, d.name);
    if (existsSync(join(dir, 'sources.yaml'))) {
      return parseManifest(readFileSync(join(dir, 'sources.yaml'), 'utf8'), 'sources.yaml').map((e) => [`${d.name}: source ${e.id}`, sourceItem(e, undefined)]);
    }
    const t = parseYaml(readFileSync(join(dir, 'thesis.yaml'), 'utf8')) as { slug: string; title: string; lastChanged: string };
    return [[`${d.name}: thesis ${t.slug}`, thesisItem(t, `https://site.example/theses/${t.slug}/`, String(t.lastChanged))]];
  });

test('every folder gives at least one item, each with a line break to defuse', () => {
  expect(items.length).toBeGreaterThanOrEqual(readdirSync(CASES, { withFileTypes: true }).filter((d) => d.isDirectory()).length);
  for (const [, item] of items) expect(JSON.stringify(item)).toMatch(/\\n/);
});

describe.each(items)('%s', (_, item) => {
  const files = citationFiles(item);
  const safe = exportSafe(item);

  test('BibTeX: one entry, no parse error, each field once, the title as written (line breaks as spaces)', () => {
    const { entries, errors } = parseBibtex(files.bib);
    expect(errors).toEqual([]);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.fields.title).toBe(safe.title);
    expect(safe.title).not.toMatch(/[\n\r\u2028\u2029]/);
    const names = [...files.bib.matchAll(/^\s+([a-z]+) = /gm)].map((m) => m[1]);
    expect(names).toEqual([...new Set(names)]);
    expect(files.bib.match(/^@/gm)).toHaveLength(1);
  });

  test('RIS: one record, every line a tag line, TY and ER once, one title', () => {
    expect(parseRis(files.ris)).toHaveLength(1);
    expect(parseRis(files.ris)[0]!.title).toBe(safe.title);
    const lines = files.ris.trimEnd().split('\n');
    expect(lines.filter((l) => !/^[A-Z][A-Z0-9] {2}-( |$)/.test(l))).toEqual([]);
    const tags = lines.map((l) => l.slice(0, 2));
    for (const once of ['TY', 'ER']) expect(tags.filter((t) => t === once)).toHaveLength(1);
    expect(tags.filter((t) => t === 'T1' || t === 'TI')).toHaveLength(1);
  });

  test('CSL-JSON: one item', () => {
    expect(JSON.parse(files.json)).toHaveLength(1);
  });
});
