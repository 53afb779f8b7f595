import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import {
  checkThesisFiles,
  formatThesisFileProblems,
  readFrontmatter,
  readThesisFiles,
  thesisSlug,
  type ThesisFile,
} from '../../src/integrations/thesis-files.ts';
import { FIXTURES, ROOT } from '../support/paths.ts';

const thesis = (path: string, frontmatter: Record<string, unknown> = {}): ThesisFile => ({ path, frontmatter });

describe('checkThesisFiles', () => {
  test('the real thesis folder has no problems', () => {
    const files = readThesisFiles(join(ROOT, 'content/theses'));
    expect(files.length).toBeGreaterThan(0);
    expect(checkThesisFiles(files)).toEqual([]);
  });

  test('a folder with every kind of problem: each is named with its file, in file order', () => {
    const problems = checkThesisFiles(readThesisFiles(join(FIXTURES, 'theses/folder-problems')));
    expect(formatThesisFileProblems('content/theses', problems).split('\n')).toEqual([
      'Thesis files check failed: 8 problems in content/theses/',
      '  content/theses/a-thesis.mdx  bad-related: related: "post-soviet-border" names no thesis; did you mean "post-soviet-borders"? (theses: a-thesis, b-thesis, post-soviet-borders)',
      '  content/theses/a-thesis.mdx  bad-related: related: "a-thesis" is this thesis itself',
      '  content/theses/b-thesis.mdx  duplicate-slug: has the slug "b-thesis", as b thesis.mdx does: each thesis needs its own (rename the file)',
      '  content/theses/draft.md  not-a-thesis: a Markdown (.md) file is not built: theses are .mdx files (rename it to .mdx)',
      '  content/theses/notes.txt  not-a-thesis: only thesis files (.mdx) belong in the theses folder',
      '  content/theses/post-soviet-borders.mdx  duplicate-order: order: 1 is also the order of a-thesis.mdx',
      '  content/theses/sub/nested.mdx  not-a-thesis: theses must sit directly in the theses folder: files in subfolders are not built',
      '  content/theses/upper.MDX  not-a-thesis: the extension must be lower-case .mdx',
    ]);
    // .gitkeep is allowed; "b thesis.mdx" is the first file with slug b-thesis, so only the second one is named.
  });

  test('slugs follow the glob loader: frontmatter slug, else the slugged file name', () => {
    expect(thesisSlug(thesis('Some Thesis.mdx'))).toBe('some-thesis');
    expect(thesisSlug(thesis('x.mdx', { slug: 'own' }))).toBe('own');
    const problems = checkThesisFiles([thesis('one.mdx', { slug: 'same' }), thesis('two.mdx', { slug: 'same', related: ['one'] })]);
    expect(problems.map((p) => `${p.file} ${p.rule}`)).toEqual(['two.mdx duplicate-slug', 'two.mdx bad-related']);
  });

  test('related may name any other thesis; odd values are left to the schema', () => {
    expect(checkThesisFiles([thesis('a.mdx', { related: ['b'] }), thesis('b.mdx', { related: ['a', 3] }), thesis('c.mdx')])).toEqual([]);
  });

  test('an unrelated name gets no "did you mean"', () => {
    const [problem] = checkThesisFiles([thesis('nato.mdx', { related: ['economy'] })]);
    expect(problem).toEqual({ file: 'nato.mdx', rule: 'bad-related', message: 'related: "economy" names no thesis (theses: nato)' });
  });
});

test('a missing folder has no files', () => {
  expect(readThesisFiles(join(FIXTURES, 'theses/no-such-folder'))).toEqual([]);
});

test('readFrontmatter reads a leading YAML block only', () => {
  expect(readFrontmatter('---\ntitle: x\nrelated: [a]\n---\n\nText')).toEqual({ title: 'x', related: ['a'] });
  expect(readFrontmatter('Text\n---\ntitle: x\n---\n')).toBeUndefined();
  expect(readFrontmatter('---\n: : bad\n---\n')).toBeUndefined();
  expect(readFrontmatter('---\n- a list\n---\n')).toBeUndefined();
});
