import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  derivativesOf, MANIFEST_FIELDS, MAX_ID_LENGTH, originalOf, parseManifest, SourceError, urlWarnings, type ManifestEntry,
} from '../../src/pipeline/manifest.ts';
import { SEEDS } from '../support/paths.ts';

/** One entry as YAML, with `extra` lines (already indented) after the required fields. */
const entry = (id: string, ...extra: string[]) => [`- id: ${id}`, `  file: ${id}.txt`, `  title: T ${id}`, ...extra.map((l) => `  ${l}`)].join('\n');
const manifest = (...entries: string[]) => entries.join('\n') + '\n';

/** The message parseManifest throws for `yaml`, or undefined when it passes. */
function problemOf(yaml: string): string | undefined {
  try {
    parseManifest(yaml, 'sources.yaml');
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(SourceError);
    return (err as Error).message;
  }
}

describe('url: only absolute http:// or https:// addresses', () => {
  test.each([
    'javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'vbscript:msgbox(1)',
    'ftp://example.com/a.txt', 'https:example.com', '//example.com/a', '/relative/path', 'https://localhost/',
  ])('%s is rejected, naming entry, field and value', (url) => {
    expect(problemOf(manifest(entry('a', `url: ${JSON.stringify(url)}`)))).toBe(
      `sources.yaml: entry 1 (id "a"): field "url" must be an absolute http:// or https:// address (got ${JSON.stringify(url)})`,
    );
  });
  test('leading or trailing whitespace is rejected (the URL parser would trim it silently)', () => {
    expect(problemOf(manifest(entry('a', 'url: " https://example.com/"')))).toBe(
      'sources.yaml: entry 1 (id "a"): field "url" must be an absolute http:// or https:// address (got " https://example.com/")',
    );
  });
  test.each(['https://edition.example.com/2025/03/22/europe/putin-wants', 'http://example.org/a?b=c#d', 'HTTPS://Example.COM/Path'])('%s is accepted unchanged', (url) => {
    expect(parseManifest(manifest(entry('a', `url: ${url}`)), 'sources.yaml')[0]!.url).toBe(url);
  });
});

describe('url: no user name or password; a warning for parameters that look like secrets', () => {
  test.each(['https://editor:hunter2@example.com/a?token=abc', 'https://editor@example.com/a', 'https://:hunter2@example.com/'])('%s is refused, naming entry and field, never repeating the password', (url) => {
    const problem = problemOf(manifest(entry('a', `url: ${JSON.stringify(url)}`)));
    expect(problem).toMatch(/^sources\.yaml: entry 1 \(id "a"\): field "url" must not carry a user name or password: the address is published in meta tags, citations and the home page \(got "https:\/\/\*\*\*@example\.com\//);
    expect(problem).not.toMatch(/hunter2|editor/);
  });
  test.each([
    ['https://example.com/a?token=abc', '"token"', 'looks'],
    ['https://example.com/a?api_key=1&sig=2', '"api_key", "sig"', 'look'],
    ['https://example.com/a?X-Amz-Signature=1', '"X-Amz-Signature"', 'looks'],
    ['https://example.com/a?password=x', '"password"', 'looks'],
    ['https://example.com/a?client_secret=x', '"client_secret"', 'looks'],
  ])('%s warns, naming the parameters', (url, names, verb) => {
    const [w, ...more] = urlWarnings({ url });
    expect(more).toEqual([]);
    expect(w).toMatch(new RegExp(`^field "url" has query parameters? ${names.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&')} that ${verb} like a secret \\(token, key, sig, password, secret\\): the address is published in meta tags, citations and the home page`));
  });
  test.each(['https://example.com/a?id=5&page=2', 'https://example.com/keynote?monkey=1', 'https://example.com/a', undefined])('%s does not warn', (url) => {
    expect(urlWarnings(url === undefined ? {} : { url })).toEqual([]);
  });
});

describe('published: a real calendar date', () => {
  test.each(['2025-02-30', '2025-13-45', '2023-02-29', '1900-02-29', '2025-04-31', '2025-00-10', '2025-3-22', 'March 2025', '22/03/2025'])(
    '%s is rejected',
    (date) => {
      // Unquoted: YAML 1.2's core schema keeps it a string, so the same check applies.
      expect(problemOf(manifest(entry('a', `published: ${date}`)))).toBe(
        `sources.yaml: entry 1 (id "a"): field "published" must be a real calendar date written YYYY-MM-DD (got "${date}")`,
      );
    },
  );
  test('a number is rejected with the same message', () => {
    expect(problemOf(manifest(entry('a', 'published: 2025')))).toBe(
      'sources.yaml: entry 1 (id "a"): field "published" must be a real calendar date written YYYY-MM-DD (got 2025)',
    );
  });
  test.each(['2024-02-29', '2000-02-29', '2025-12-31', '2021-12-28'])('%s is accepted', (date) => {
    expect(parseManifest(manifest(entry('a', `published: "${date}"`)), 'sources.yaml')[0]!.published).toBe(date);
  });
});

describe('id: a slug of at most MAX_ID_LENGTH characters', () => {
  test('the limit is 64', () => expect(MAX_ID_LENGTH).toBe(64));
  test('64 characters pass, 65 fail', () => {
    expect(parseManifest(manifest(entry('a'.repeat(64))), 's.yaml')[0]!.id).toHaveLength(64);
    expect(problemOf(manifest(entry('b'.repeat(65))))).toBe(
      `sources.yaml: entry 1 (id "${'b'.repeat(65)}"): field "id" must be at most 64 characters (got "${'b'.repeat(65)}")`,
    );
  });
  test('a 499-character id is rejected before any file is written, the value shortened in the message', () => {
    const id = 'x'.repeat(499);
    const short = `"${'x'.repeat(40)}"… (499 characters)`;
    expect(problemOf(manifest(entry('ok'), entry(id)))).toBe(
      `sources.yaml: entry 2 (id ${short}): field "id" must be at most 64 characters (got ${short})`,
    );
  });
});

describe('every error names the entry (number and id), the field and the value', () => {
  test('several problems in several entries are all listed', () => {
    const yaml = manifest(
      entry('fine'),
      entry('two', 'published: 2025-02-30', 'url: javascript:alert(1)', 'genre: satire', 'derivation: copy'),
      '- id: Not A Slug\n  file: ../etc/passwd\n  title: ""',
      '- file: x.txt\n  title: No id',
    );
    expect(problemOf(yaml)).toBe([
      'sources.yaml: entry 2 (id "two"): field "published" must be a real calendar date written YYYY-MM-DD (got "2025-02-30")',
      'entry 2 (id "two"): field "url" must be an absolute http:// or https:// address (got "javascript:alert(1)")',
      'entry 2 (id "two"): field "genre" must be one of: news-analysis, opinion, essay, news, other (got "satire")',
      'entry 2 (id "two"): field "derivation" must be one of: rewrite, republication, translation, excerpt (got "copy")',
      'entry 3 (id "Not A Slug"): field "id" must be a URL slug (a-z, 0-9, single hyphens) (got "Not A Slug")',
      'entry 3 (id "Not A Slug"): field "file" must be a .txt file name inside seeds/ (no folders, no control characters) (got "../etc/passwd")',
      'entry 3 (id "Not A Slug"): field "title" Too small: expected string to have >=1 characters (got "")',
      'entry 4: field "id" is required',
    ].join('\n  '));
  });
  test('an unknown field is named with its value and the allowed fields', () => {
    expect(problemOf(manifest(entry('a', 'hints: split at NBSP')))).toBe(
      `sources.yaml: entry 1 (id "a"): unknown field "hints" (got "split at NBSP") (allowed: ${MANIFEST_FIELDS.join(', ')})`,
    );
  });
  test('an entry that is not a mapping', () => {
    expect(problemOf('- just a string\n')).toBe(
      `sources.yaml: entry 1: must be a mapping of fields (${MANIFEST_FIELDS.join(', ')}) (got "just a string")`,
    );
  });
  test('a manifest that is not a list, or empty', () => {
    expect(problemOf('id: a\n')).toMatch(/^sources\.yaml: the manifest .* \(it must be a YAML list of entries\)$/);
    expect(problemOf('')).toBe('sources.yaml: the manifest must list at least one source (it must be a YAML list of entries)');
  });
  test('duplicate ids and files name both entries', () => {
    const yaml = manifest(entry('same'), '- id: same\n  file: other.txt\n  title: B', '- id: third\n  file: same.txt\n  title: C');
    expect(problemOf(yaml)).toBe([
      'sources.yaml: entry 2 (id "same"): field "id" must be unique: entry 1 (id "same") has it too (got "same")',
      'entry 3 (id "third"): field "file" must be unique: entry 1 (id "same") has it too (got "same.txt")',
    ].join('\n  '));
  });
  test('a control character in a file name is rejected', () => {
    expect(problemOf('- id: a\n  file: "a\\u0000.txt"\n  title: A\n')).toBe(
      'sources.yaml: entry 1 (id "a"): field "file" must be a .txt file name inside seeds/ (no folders, no control characters) (got "a\\u0000.txt")',
    );
  });
});

describe('provenance: genre, derivedFrom, derivation', () => {
  test('a valid chain parses, and its fields are kept', () => {
    const entries = parseManifest(manifest(
      entry('orig', 'genre: news-analysis'),
      entry('rw', 'derivedFrom: orig', 'derivation: rewrite', 'genre: news'),
      entry('ex', 'derivedFrom: rw', 'derivation: excerpt'),
      entry('repub', 'derivation: republication', 'genre: essay'),
      entry('tr', 'derivation: translation', 'genre: opinion'),
    ), 'sources.yaml');
    expect(entries.map((e) => [e.id, e.genre, e.derivedFrom, e.derivation])).toEqual([
      ['orig', 'news-analysis', undefined, undefined],
      ['rw', 'news', 'orig', 'rewrite'],
      ['ex', undefined, 'rw', 'excerpt'],
      ['repub', 'essay', undefined, 'republication'],
      ['tr', 'opinion', undefined, 'translation'],
    ]);
  });
  test('derivedFrom must name another source in the manifest', () => {
    expect(problemOf(manifest(entry('a', 'derivedFrom: nowhere', 'derivation: rewrite')))).toBe(
      'sources.yaml: entry 1 (id "a"): field "derivedFrom" must name the id of another source in this manifest; there is none (got "nowhere")',
    );
  });
  test('derivedFrom may not name the entry itself', () => {
    expect(problemOf(manifest(entry('a', 'derivedFrom: a', 'derivation: excerpt')))).toBe(
      'sources.yaml: entry 1 (id "a"): field "derivedFrom" must name another source, not the entry itself (got "a")',
    );
  });
  test('a cycle is reported once, with its path', () => {
    expect(problemOf(manifest(
      entry('x'),
      entry('a', 'derivedFrom: b', 'derivation: rewrite'),
      entry('b', 'derivedFrom: a', 'derivation: rewrite'),
    ))).toBe('sources.yaml: entry 2 (id "a"): field "derivedFrom" makes a cycle: a → b → a (got "b")');
  });
  test('a longer cycle entered from outside is reported at its first member', () => {
    expect(problemOf(manifest(
      entry('tail', 'derivedFrom: q', 'derivation: excerpt'),
      entry('p', 'derivedFrom: r', 'derivation: translation'),
      entry('q', 'derivedFrom: p', 'derivation: rewrite'),
      entry('r', 'derivedFrom: q', 'derivation: rewrite'),
    ))).toBe('sources.yaml: entry 2 (id "p"): field "derivedFrom" makes a cycle: p → r → q → p (got "r")');
  });
  test('derivedFrom requires derivation', () => {
    expect(problemOf(manifest(entry('o'), entry('a', 'derivedFrom: o')))).toBe(
      'sources.yaml: entry 2 (id "a"): field "derivation" is required when "derivedFrom" is set (got derivedFrom "o"); it must be one of: rewrite, republication, translation, excerpt',
    );
  });
  test.each(['rewrite', 'excerpt'])('derivation %s without derivedFrom is rejected', (derivation) => {
    expect(problemOf(manifest(entry('a', `derivation: ${derivation}`)))).toBe(
      `sources.yaml: entry 1 (id "a"): field "derivation" needs "derivedFrom" naming its original in this manifest; without it only "republication" or "translation" (of an original not in the corpus) is allowed (got "${derivation}")`,
    );
  });
  test('the free-text relation field still works', () => {
    expect(parseManifest(manifest(entry('a', 'relation: Republished from a print edition.')), 's')[0]!.relation).toBe(
      'Republished from a print edition.',
    );
  });
});

describe('originalOf and derivativesOf', () => {
  const entries = parseManifest(manifest(
    entry('orig'),
    entry('rw', 'derivedFrom: orig', 'derivation: rewrite'),
    entry('ex', 'derivedFrom: rw', 'derivation: excerpt'),
    entry('alone', 'derivation: republication'),
  ), 'sources.yaml');
  const ids = (list: (ManifestEntry | undefined)[]) => list.map((e) => e?.id);
  test('originalOf follows derivedFrom to the end of the chain', () => {
    expect(ids(['orig', 'rw', 'ex', 'alone', 'unknown'].map((id) => originalOf(entries, id)))).toEqual([
      'orig', 'orig', 'orig', 'alone', undefined,
    ]);
  });
  test('originalOf stops on a cycle in unchecked entries', () => {
    const looped = [
      { id: 'a', file: 'a.txt', title: 'A', derivedFrom: 'b', derivation: 'rewrite' },
      { id: 'b', file: 'b.txt', title: 'B', derivedFrom: 'a', derivation: 'rewrite' },
    ] as ManifestEntry[];
    expect(originalOf(looped, 'a')?.id).toMatch(/^[ab]$/);
  });
  test('derivativesOf lists the direct derivatives', () => {
    expect(ids(derivativesOf(entries, 'orig'))).toEqual(['rw']);
    expect(ids(derivativesOf(entries, 'rw'))).toEqual(['ex']);
    expect(derivativesOf(entries, 'ex')).toEqual([]);
  });
});

describe('seeds/sources.yaml', () => {
  const text = readFileSync(join(SEEDS, 'sources.yaml'), 'utf8');
  const entries = parseManifest(text, 'seeds/sources.yaml');
  test('its header comment lists exactly the fields the schema accepts', () => {
    const header = text.slice(0, text.indexOf('\n- '));
    const block = header.slice(header.indexOf('# Fields'));
    const documented = [...block.matchAll(/^# {3}([a-zA-Z]+(?:, [a-zA-Z]+)*)/gm)].flatMap((m) => m[1]!.split(', '));
    expect(documented.sort()).toEqual([...MANIFEST_FIELDS].sort());
    expect(header).not.toMatch(/hints/);
  });
  test('provenance of the seeds', () => {
    const byId = Object.fromEntries(entries.map((e) => [e.id, e]));
    expect(byId['cnn-retelling-2025']).toMatchObject({ derivedFrom: 'kottasova-cnn-2025', derivation: 'rewrite' });
    expect(byId['trenin-2021']!.derivation).toBe('republication');
    expect(byId['trenin-2021']!.derivedFrom).toBeUndefined();
    expect(originalOf(entries, 'cnn-retelling-2025')?.id).toBe('kottasova-cnn-2025');
    expect(entries.every((e) => e.genre !== undefined)).toBe(true);
  });
});
