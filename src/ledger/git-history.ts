/**
 * Reads every earlier committed version of the anchor ledger from git, once
 * per frozen build, for the append-only check (src/ledger/history.ts):
 * `git log --first-parent --format=%H -- <file>` lists the commits, and one
 * `git cat-file --batch` reads every version (one process, however long the
 * history).
 * Where there is no history to read (not a git clone, git missing) or only
 * part of it (a shallow clone), it says so in `note`: the build then could not
 * check, or checked only what the clone has.
 */
import { execFileSync } from 'node:child_process';
import { dirname, relative } from 'node:path';
import { readVersion, type LedgerVersion } from './history.ts';
import { MAX_LEDGER_BYTES } from './anchor-ledger.ts';

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
  let blobs: Map<string, Buffer>;
  try {
    blobs = readBlobs(cwd, commits.map((c) => `${c}:${path}`));
  } catch (err) {
    return { versions: [], note: `git cat-file failed (${(err as Error).message.split('\n')[0]}): the ledger could not be checked against its history` };
  }
  for (const commit of commits) {
    const blob = blobs.get(`${commit}:${path}`);
    if (!blob) continue; // the commit deleted the file
    const v = blob.length <= MAX_LEDGER_BYTES ? readVersion(commit, blob.toString('utf8')) : undefined;
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

/**
 * The objects named by `specs` (`<commit>:<path>`), read by one `git cat-file --batch`: its output is, for each
 * input line, `<sha> <type> <size>\n<content>\n`, or `<spec> missing\n` for an object that does not exist.
 */
function readBlobs(cwd: string, specs: string[]): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (!specs.length) return out;
  const raw = execFileSync('git', ['cat-file', '--batch'], { cwd, input: specs.map((s) => `${s}\n`).join(''), stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: specs.length * (MAX_LEDGER_BYTES + 1024) });
  let at = 0;
  for (const spec of specs) {
    const eol = raw.indexOf(10, at);
    if (eol < 0) break;
    const header = raw.subarray(at, eol).toString('utf8');
    at = eol + 1;
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) continue; // "<spec> missing" (or ambiguous): nothing follows
    const size = Number(m[2]);
    if (m[1] === 'blob') out.set(spec, raw.subarray(at, at + size));
    at += size + 1;
  }
  return out;
}
