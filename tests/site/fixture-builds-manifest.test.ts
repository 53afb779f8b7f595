/**
 * The real `astro build` on a copy of the site fails, naming the manifest
 * file, the entry, the field and the value, for each kind of bad source the
 * manifest and decoding rules reject. The manifest's field problems share one
 * build (the check lists them all); each bad file has its own.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { buildFixtureProject, type FixtureProject } from '../support/fixture-project.ts';
import { NEXT_ENTRY } from '../support/corpus.ts';

const made: FixtureProject[] = [];
afterAll(() => made.forEach((p) => p.remove()));

const text = 'A title\nA paragraph of plain text that would otherwise be a fine source.\n';
const entry = (id: string, file: string, ...extra: string[]) =>
  [`- id: ${id}`, `  file: ${file}`, `  title: Fixture ${id}`, ...extra.map((l) => `  ${l}`), ''].join('\n');

function build(opts: Parameters<typeof buildFixtureProject>[0]): FixtureProject {
  const project = buildFixtureProject(opts);
  made.push(project);
  return project;
}

describe('bad manifest entries fail the real build, every one listed, each naming file, entry, field and value', () => {
  // One build for the four: the manifest check (src/pipeline/manifest.ts, parseManifest) lists every problem of every
  // entry in one error, "seeds/sources.yaml: <first>" and then one indented line each, so each case's message is in
  // the output of the same failed build.
  let project: FixtureProject;
  beforeAll(() => {
    project = build({
      theses: {},
      extraSources: {
        files: { 'js.txt': text, 'date.txt': text, 'cred.txt': text, 'extra.txt': text },
        manifest: [
          entry('js-url', 'js.txt', 'url: javascript:alert(1)'),
          entry('bad-date', 'date.txt', 'published: 2025-02-30'),
          entry('cred-url', 'cred.txt', 'url: https://editor:hunter2@example.com/story?token=abc'),
          entry('extra', 'extra.txt', 'titel: typo'),
        ].join(''),
      },
    });
  }, 300_000);

  test('the build fails', () => {
    expect(project.status).not.toBe(0);
    expect(project.output).not.toMatch(/Complete!/);
  });

  test('a javascript: url', () => {
    expect(project.output).toContain(
      `seeds/sources.yaml: entry ${NEXT_ENTRY} (id "js-url"): field "url" must be an absolute http:// or https:// address (got "javascript:alert(1)")`,
    );
  });

  test('an impossible date', () => {
    expect(project.output).toContain(
      `\n  entry ${NEXT_ENTRY + 1} (id "bad-date"): field "published" must be a real calendar date written YYYY-MM-DD (got "2025-02-30")`,
    );
    expect(project.output).not.toMatch(/2 March 2025|Invalid Date/);
  });

  test('a url with a user name and password (issue 25): refused, the password never printed', () => {
    expect(project.output).toContain(
      `\n  entry ${NEXT_ENTRY + 2} (id "cred-url"): field "url" must not carry a user name or password: the address is published in meta tags, citations and the home page (got "https://***@example.com/story?token=abc")`,
    );
    expect(project.output).not.toMatch(/hunter2/);
  });

  test('an unknown manifest field', () => {
    expect(project.output).toMatch(new RegExp(`\\n  entry ${NEXT_ENTRY + 3} \\(id "extra"\\): unknown field "titel"`));
  });
});

describe('bad source files fail the real build, naming the file, the entry and the value (one build each: the first bad file stops the build)', () => {
  test('a symlink out of seeds/ to /etc/passwd', () => {
    const project = build({
      theses: {},
      extraSources: { files: {}, manifest: entry('passwd', 'passwd.txt') },
      prepare: (dir) => symlinkSync('/etc/passwd', join(dir, 'seeds', 'passwd.txt')),
    });
    expect(project.status).not.toBe(0);
    expect(project.output).toContain(
      `seeds/sources.yaml: entry ${NEXT_ENTRY} (id "passwd"): field "file" names seeds/passwd.txt, which resolves to /etc/passwd, outside seeds/: a source must be a file inside seeds/ (got "passwd.txt")`,
    );
    expect(project.output).not.toMatch(/root:x:0:0|Complete!/);
  });

  test('a UTF-16 file without a byte-order mark', () => {
    const project = build({
      theses: {},
      extraSources: { files: { 'wide.txt': new Uint8Array(Buffer.from(text, 'utf16le')) }, manifest: entry('wide', 'wide.txt') },
    });
    expect(project.status).not.toBe(0);
    expect(project.output).toContain(
      `seeds/wide.txt: looks like UTF-16 LE without a byte-order mark (${text.length} of ${text.length} bytes at odd offsets are 00–08, high bytes of UTF-16 characters); save it as UTF-8\n` +
      `  listed in seeds/sources.yaml: entry ${NEXT_ENTRY} (id "wide"), field "file"`,
    );
    expect(project.output).not.toMatch(/Complete!/);
  });
});
