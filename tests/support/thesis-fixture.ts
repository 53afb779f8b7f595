/**
 * Fixture theses for throwaway builds: a thesis written for a test that is not
 * about the change log gets one, with the fingerprint the build will compute
 * (src/checks/thesis-fingerprint.ts over the same MDX parse: remark-parse,
 * remark-mdx, remark-gfm), so the test exercises what it is about.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import { parse as parseYaml } from 'yaml';
import type { Root } from 'mdast';
import { thesisFingerprint } from '../../src/checks/thesis-fingerprint.ts';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** The fingerprint the build computes for this MDX file (frontmatter and body). */
export function fingerprintOf(mdx: string): string {
  const m = FRONTMATTER.exec(mdx);
  const meta = m ? ((parseYaml(m[1]!) as Record<string, unknown> | null) ?? {}) : {};
  const body = m ? mdx.slice(m[0].length) : mdx;
  const tree = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).parse(body) as Root;
  return thesisFingerprint(meta, tree);
}

/**
 * The thesis with a change log: returned as is when it has one (or no
 * frontmatter, or one YAML cannot read: the build is to report that);
 * otherwise `changes` gets one entry dated `date`, with its fingerprint.
 */
export function withChangeLog(mdx: string, date = '2026-01-01'): string {
  const m = FRONTMATTER.exec(mdx);
  if (!m || /^changes:/m.test(m[1]!)) return mdx;
  let fingerprint: string;
  try {
    fingerprint = fingerprintOf(mdx);
  } catch {
    return mdx; // MDX the parser refuses: the build reports it
  }
  // One line, so that a fixture's body keeps its line numbers but for this one.
  const entry = `changes: [{ date: ${date}, note: "First published.", fingerprint: "${fingerprint}" }]\n`;
  return mdx.replace(m[0], `---\n${m[1]}\n${entry}---\n`);
}
