/**
 * The documentation and the code agree: every rule id the code can report
 * and every manifest field has a section of its own in docs/ (so build
 * messages can link to docs/<page>.md#<rule-id>),
 * no section names one the code lacks, the generated tables are up to date
 * (`npm run docs:tables`), the README stays a front door, and every link
 * between the documents names a file and heading that exist.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import GithubSlugger from 'github-slugger';
import { MANIFEST_FIELDS } from '../../src/pipeline/manifest.ts';
import { anchorOf, generatedPages, pageOf, RULE_PAGES, ruleIds, ruleRegistries, SOURCES_PAGE } from '../support/docs-tables.ts';
import { ROOT } from '../support/paths.ts';

const registries = await ruleRegistries();
const rules = ruleIds(registries);
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];

/** A document's headings outside code fences, with the anchors GitHub gives them, and its explicit `<a id>`s. */
function anchorsOf(text: string): { headings: string[]; anchors: Set<string> } {
  const slugger = new GithubSlugger();
  const headings: string[] = [];
  const anchors = new Set<string>();
  let fence = false;
  for (const line of text.split('\n')) {
    if (/^\s*```/.test(line)) fence = !fence;
    if (fence) continue;
    const heading = /^#{1,6} +(.+?) *$/.exec(line);
    if (heading) {
      headings.push(heading[1]!);
      anchors.add(slugger.slug(heading[1]!.replace(/`/g, '')));
    }
    for (const m of line.matchAll(/<a (?:id|name)="([^"]+)"/g)) anchors.add(m[1]!);
  }
  return { headings, anchors };
}

/** The ids a page documents: its headings that are one code span (`` ### `not-found` ``). */
const documentedIds = (page: string): string[] =>
  anchorsOf(read(page)).headings.flatMap((h) => /^`([^`]+)`$/.exec(h)?.[1] ?? []);

describe('rule ids and manifest fields', () => {
  test('the registries are found, and every rule id the code writes as a literal is in one', () => {
    expect(registries.map((r) => r.name)).toEqual(expect.arrayContaining(['CITATION_RULES', 'ATTRIBUTION_RULES', 'TIMELINE_RULES', 'PEOPLE_RULES']));
    const known = new Set(rules.map((r) => r.id));
    const files = (dir: string): string[] => readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
    const literals = files('src').flatMap((file) => [...read(file).matchAll(/\brule: '([a-z]+(?:-[a-z]+)*)'/g)].map((m) => `${m[1]} (${file})`));
    expect(literals.length).toBeGreaterThan(0);
    expect(literals.filter((l) => !known.has(l.split(' ')[0]!))).toEqual([]);
  });

  test.each(RULE_PAGES)('%s documents every rule id the code has for it, and no other', (page) => {
    const expected = rules.filter((r) => pageOf(r.registry) === page).map((r) => r.id);
    if (page === SOURCES_PAGE) expected.push(...MANIFEST_FIELDS);
    const documented = documentedIds(page);
    expect(expected.filter((id) => !documented.includes(id)), 'in the code, without a section in the docs').toEqual([]);
    expect(documented.filter((id) => !expected.includes(id)), 'with a section in the docs, not in the code').toEqual([]);
    // Each section's anchor is the id itself (no other heading took it first), so docs/<page>.md#<id> lands on it.
    const slugger = new GithubSlugger();
    const first = new Map<string, string>();
    for (const h of anchorsOf(read(page)).headings) {
      const slug = slugger.slug(h.replace(/`/g, ''));
      if (!first.has(slug)) first.set(slug, h);
    }
    expect(expected.filter((id) => first.get(anchorOf(id)) !== `\`${id}\``)).toEqual([]);
  });

  test('the generated tables are up to date (npm run docs:tables)', async () => {
    for (const [page, [now, generated]] of await generatedPages()) expect(now, page).toBe(generated);
  });
});

describe('the documents', () => {
  test('the README is a front door of at most 200 lines', () => {
    expect(read('README.md').split('\n').length).toBeLessThanOrEqual(200);
  });

  test('every link between the documents names a file and heading that exist', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const doc of DOCS) {
      // Code blocks and code spans show links as examples; they link nowhere.
      const text = read(doc).replace(/^\s*```[\s\S]*?^\s*```/gm, '').replace(/`[^`\n]*`/g, '``');
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1]!;
        if (/^[a-z]+:/i.test(target) || target.startsWith('/')) continue; // another site, or a path of the built site
        const [path, anchor] = target.split('#') as [string, string | undefined];
        const file = path === '' ? doc : normalize(join(dirname(doc), path));
        if (!/\.md$/.test(file)) {
          if (!existsSync(join(ROOT, file))) broken.push(`${doc}: ${target} (no such file)`);
          continue;
        }
        checked++;
        if (!existsSync(join(ROOT, file))) {
          broken.push(`${doc}: ${target} (no such file)`);
          continue;
        }
        if (anchor !== undefined && !anchorsOf(read(file)).anchors.has(anchor)) broken.push(`${doc}: ${target} (no such heading)`);
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(broken).toEqual([]);
  });
});
