/**
 * The version check of a thesis page, run by remark-citations on thesis
 * files before any citation becomes a marker.
 *
 * A thesis's frontmatter lists its `changes` (oldest first), each
 * `{ date, note, fingerprint }`. The fingerprint of the page's
 * reader-visible text (src/checks/thesis-fingerprint.ts) must equal the
 * newest entry's; when it does not, the check reports rule `thesis-changed`
 * at that entry's line, with the new fingerprint, so that every change
 * readers can see gets a dated note in "What changed".
 */
import { readFileSync } from 'node:fs';
import type { Root } from 'mdast';
import { thesisFingerprint } from '../checks/thesis-fingerprint.ts';

export const VERSION_RULES = ['thesis-changed'] as const;
export type VersionRule = (typeof VERSION_RULES)[number];

interface Change {
  /** YYYY-MM-DD, or the Date YAML makes of an unquoted one. */
  date: string | Date;
  note: string;
  fingerprint?: string;
}

const day = (d: unknown): string => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));

/** The line of the newest `changes` entry in the file's frontmatter (1-based), or 1. */
export function newestChangeLine(source: string): number {
  const lines = source.split('\n');
  const end = lines.indexOf('---', 1);
  const front = lines.slice(0, end === -1 ? lines.length : end);
  const at = front.findLastIndex((l) => /^\s*-\s*(\{\s*)?date:|^changes:\s*\[.*\bdate:/.test(l));
  return at === -1 ? 1 : at + 1;
}

export interface VersionProblem {
  line: number;
  label: string;
  rule: VersionRule;
  message: string;
}

/** Compares the text's fingerprint with the newest entry of `changes`; returns the problem, if any. */
export function checkVersion(tree: Root, frontmatter: Record<string, unknown>, path: string | undefined): { fingerprint: string; problem?: VersionProblem } {
  const fingerprint = thesisFingerprint(frontmatter, tree);
  const changes = Array.isArray(frontmatter.changes) ? (frontmatter.changes as Change[]) : [];
  const newest = changes.at(-1);
  if (newest?.fingerprint === fingerprint) return { fingerprint };
  let line = 1;
  try {
    if (path) line = newestChangeLine(readFileSync(path, 'utf8'));
  } catch {
    // a file that is not on disk (tests): the frontmatter's first line
  }
  return {
    fingerprint,
    problem: {
      line,
      label: newest ? `changes: ${day(newest.date)}` : 'changes',
      rule: 'thesis-changed',
      message:
        `the text readers see now has fingerprint ${fingerprint}, but the newest entry of \`changes\` ${newest ? `records ${newest.fingerprint ?? 'none'}` : 'is missing'}: ` +
        `add an entry at the end of \`changes\`, { date: YYYY-MM-DD, note: "what changed, for readers", fingerprint: "${fingerprint}" } ` +
        '(a markup-only change keeps the fingerprint and needs no entry)',
    },
  };
}
