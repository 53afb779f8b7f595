/**
 * Reads every earlier committed version of the anchor ledger from git, once
 * per frozen build, for the append-only check (src/pipeline/anchor-ledger-history.ts):
 * `git log --first-parent --format=%H -- <file>` and `git show <commit>:<file>`.
 * Where there is no history to read (not a git clone, git missing) or only
 * part of it (a shallow clone), it says so in `note`: the build then could not
 * check, or checked only what the clone has.
 */
import { execFileSync } from 'node:child_process';
import { dirname, relative } from 'node:path';
import { readVersion, type LedgerVersion } from '../pipeline/anchor-ledger-history.ts';
import { MAX_LEDGER_BYTES } from '../pipeline/anchor-ledger.ts';

export interface LedgerHistory {
  versions: LedgerVersion[];
  /** Why the check is missing or partial (said in the build's log). */
  note?: string;
}

export function readLedgerHistory(file: string): LedgerHistory {
  let cwd = dirname(file);
  const git = (...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 4 * MAX_LEDGER_BYTES });
  let top: string;
  try {
    top = git('rev-parse', '--show-toplevel').trim();
    cwd = top; // paths below are relative to the top of the work tree
  } catch {
    return { versions: [], note: 'not a git clone (or git is missing): the ledger could not be checked against its earlier committed versions' };
  }
  const path = relative(top, file).split('\\').join('/');
  let commits: string[];
  try {
    commits = git('log', '--first-parent', '--format=%H', '--', path).split('\n').filter(Boolean);
  } catch (err) {
    return { versions: [], note: `git log failed (${(err as Error).message.split('\n')[0]}): the ledger could not be checked against its history` };
  }
  const versions: LedgerVersion[] = [];
  const unread: string[] = [];
  for (const commit of commits) {
    let text: string;
    try {
      text = git('show', `${commit}:${path}`);
    } catch {
      continue; // the commit deleted the file
    }
    const v = text.length <= MAX_LEDGER_BYTES ? readVersion(commit, text) : undefined;
    if (v) versions.push(v);
    else unread.push(commit.slice(0, 7));
  }
  const notes: string[] = [];
  let shallow = false;
  try {
    shallow = git('rev-parse', '--is-shallow-repository').trim() === 'true';
  } catch {
    /* an old git: assume complete */
  }
  if (shallow) notes.push(`the clone is shallow: versions before its oldest commit could not be checked (fetch with full history, e.g. fetch-depth: 0, to check them all)`);
  if (commits.length === 0) notes.push(`${path} has no committed version yet: nothing to check it against`);
  if (unread.length) notes.push(`${unread.length} committed version${unread.length > 1 ? 's are' : ' is'} not a readable ledger (${unread.join(', ')}) and could not be checked`);
  return { versions, ...(notes.length ? { note: notes.join('; ') } : {}) };
}
