/**
 * The source manifest (`seeds/sources.yaml`): its schema and the parse that
 * turns YAML text into checked entries. Every error names the entry (number
 * and id), the field and the value it is about.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'astro/zod';
import type { SourceId } from './types.ts';
import { overridesSchema } from './overrides.ts';
import { PipelineError, sourceHint, type SourceRule } from './errors.ts';

/** Longest source id: ids become folder and file names in `dist/` and parts of URLs. */
export const MAX_ID_LENGTH = 64;

/** How a text was made from another one (`derivedFrom`). */
export const DERIVATIONS = ['rewrite', 'republication', 'translation', 'excerpt'] as const;
export type Derivation = (typeof DERIVATIONS)[number];
/** Derivations allowed without `derivedFrom`: the original exists but is not in the corpus. */
export const DERIVATIONS_WITHOUT_ORIGINAL: readonly Derivation[] = ['republication', 'translation'];

/** What kind of text a source is. */
export const GENRES = ['news-analysis', 'opinion', 'essay', 'news', 'other'] as const;
export type Genre = (typeof GENRES)[number];

const HTTP_URL = 'must be an absolute http:// or https:// address';
const NO_CREDENTIALS = 'must not carry a user name or password: the address is published in meta tags, citations and the home page';

/** `https://user:secret@host/…` → `https://***@host/…`, for messages (a password is never repeated). */
export function redactCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1***@');
}

/** Whether an http(s) address names a user or a password (`https://editor:hunter2@…`). */
function hasCredentials(url: string): boolean {
  try {
    const u = new URL(url);
    return u.username !== '' || u.password !== '';
  } catch {
    return false;
  }
}

/** Query parameter names that look like secrets: a word of the name is one of these (`token`, `api_key`, `X-Amz-Signature`). */
const SECRET_WORDS = new Set(['token', 'key', 'apikey', 'sig', 'signature', 'password', 'passwd', 'pwd', 'secret', 'auth']);

/**
 * Warnings for a source's `url` (not errors: a public address may carry such a parameter): query parameters
 * whose name looks like a secret, since the address is published in meta tags, citations and the home page.
 */
export function urlWarnings(entry: Pick<ManifestEntry, 'url'>): string[] {
  if (entry.url === undefined) return [];
  let params: URLSearchParams;
  try {
    params = new URL(entry.url).searchParams;
  } catch {
    return [];
  }
  const names = [...new Set([...params.keys()].filter((k) => k.toLowerCase().split(/[^a-z0-9]+/).some((w) => SECRET_WORDS.has(w))))];
  return names.length
    ? [`field "url" has query parameter${names.length > 1 ? 's' : ''} ${names.map((n) => JSON.stringify(n)).join(', ')} that look${names.length > 1 ? '' : 's'} like a secret (token, key, sig, password, secret): the address is published in meta tags, citations and the home page; remove ${names.length > 1 ? 'them' : 'it'} unless ${names.length > 1 ? 'they are' : 'it is'} part of the public address`]
    : [];
}
const oneOf = (values: readonly string[]) => `must be one of: ${values.join(', ')}`;

/** A URL slug of bounded length: lower-case letters, digits and single hyphens. */
const slug = z
  .string()
  .max(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a URL slug (a-z, 0-9, single hyphens)');

/** One manifest entry. Unknown fields are errors, so a typo cannot pass silently. */
export const manifestEntrySchema = z.strictObject({
  /** URL slug of the source: `/sources/<id>/`; at most MAX_ID_LENGTH characters. */
  id: slug,
  /** File name inside `seeds/`, kept byte-identical to the original (checked on disk by readSources). */
  file: z
    .string()
    .regex(/^[^/\\\p{Cc}]+\.txt$/u, 'must be a .txt file name inside seeds/ (no folders, no control characters)'),
  /** The headline as printed, or ours when the text has none (say so in notes). */
  title: z.string().min(1),
  /** Short label shown in citation markers, e.g. "Trenin". */
  short: z.string().min(1).optional(),
  author: z.string().min(1).optional(),
  outlet: z.string().min(1).optional(),
  /** Publication date: a real calendar date written YYYY-MM-DD. */
  published: z.iso.date({ error: 'must be a real calendar date written YYYY-MM-DD' }).optional(),
  /** What `published` is: the date the text was first published (default) or the "Updated" time it prints. */
  dateKind: z.enum(['published', 'updated'], { error: oneOf(['published', 'updated']) }).optional(),
  /** `published` is our reading of the text, not printed as such (say how in notes). */
  dateInferred: z.boolean({ error: 'must be true or false' }).optional(),
  /** Address of the original: absolute http(s) only; never invented. */
  url: z
    .string()
    .regex(/^https?:\/\/\S+$/i, HTTP_URL)
    .pipe(z.httpUrl({ error: HTTP_URL }))
    .refine((u) => !hasCredentials(u), NO_CREDENTIALS)
    .optional(),
  /** What kind of text this is. */
  genre: z.enum(GENRES, { error: oneOf(GENRES) }).optional(),
  /** Id of the source in this manifest that this text was made from (see `derivation`). */
  derivedFrom: slug.optional(),
  /** How this text was made from its original; see DERIVATIONS_WITHOUT_ORIGINAL. */
  derivation: z.enum(DERIVATIONS, { error: oneOf(DERIVATIONS) }).optional(),
  /** Free-text description of how this text relates to another, shown on its page. */
  relation: z.string().min(1).optional(),
  /** Provenance notes; anything inferred rather than printed is said here. */
  notes: z.string().min(1).optional(),
  /** Decisions for what no classification rule can decide: see src/pipeline/overrides.ts. */
  overrides: overridesSchema.optional(),
  /**
   * Editorial corrections to the speech stage where no general rule can decide
   * who speaks: the paragraph (anchor), words in it, and what they are. Shown
   * to readers as corrections; one that does not fit the text fails the build.
   */
  speech: z
    .array(
      z.strictObject({
        para: z.string().min(1),
        words: z.string().min(1),
        kind: z.enum(['direct', 'reported', 'narration', 'scare']),
        speaker: z.string().min(1).nullable(),
        cue: z.string().min(1).optional(),
        note: z.string().min(1).optional(),
      }),
    )
    .optional(),
});

/** The fields an entry may have, in the order the schema lists them. */
export const MANIFEST_FIELDS = Object.keys(manifestEntrySchema.shape) as (keyof typeof manifestEntrySchema.shape)[];

export const manifestSchema = z.array(manifestEntrySchema).min(1, 'must list at least one source');

export type ManifestEntry = Omit<z.infer<typeof manifestEntrySchema>, 'id' | 'derivedFrom'> & {
  id: SourceId;
  derivedFrom?: SourceId;
};

/** A problem with the sources, always naming the file it is about, with its rule (src/pipeline/errors.ts). */
export class SourceError extends PipelineError {
  declare file: string;
  /** The message without the leading file name. */
  readonly detail: string;
  constructor(file: string, detail: string, rule: SourceRule) {
    super(`${file}: ${detail}`, { rule, hint: sourceHint(rule), file });
    this.name = 'SourceError';
    this.detail = detail;
  }
}

/** `entry 3 (id "foo")`, or `entry 3` when the entry has no usable id. */
export function entryLabel(index: number, entry: unknown): string {
  const id = entry && typeof entry === 'object' ? (entry as Record<string, unknown>).id : undefined;
  return `entry ${index + 1}${typeof id === 'string' ? ` (id ${showValue(id)})` : ''}`;
}

/** A value as shown in messages: JSON, long strings shortened with their length. */
export function showValue(value: unknown): string {
  if (typeof value === 'string' && value.length > 80) {
    return `${JSON.stringify(value.slice(0, 40))}… (${value.length} characters)`;
  }
  return JSON.stringify(value) ?? String(value);
}

/** One problem with one field of one entry: `entry 2 (id "x"): field "url" must … (got "…")`. */
export function fieldProblem(index: number, entry: unknown, field: string, problem: string): string {
  let value = entry && typeof entry === 'object' ? (entry as Record<string, unknown>)[field] : undefined;
  if (field === 'url' && typeof value === 'string') value = redactCredentials(value);
  return `${entryLabel(index, entry)}: field "${field}" ${problem}${value !== undefined ? ` (got ${showValue(value)})` : ''}`;
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const [index, field, ...rest] = issue.path;
  if (typeof index !== 'number') return `the manifest ${issue.message} (it must be a YAML list of entries)`;
  const entry = Array.isArray(data) ? data[index] : undefined;
  if (issue.code === 'unrecognized_keys') {
    const values = issue.keys.map((k) => `"${k}"${entry && typeof entry === 'object' ? ` (got ${showValue((entry as Record<string, unknown>)[k])})` : ''}`);
    return `${entryLabel(index, entry)}: unknown field${issue.keys.length > 1 ? 's' : ''} ${values.join(', ')} (allowed: ${MANIFEST_FIELDS.join(', ')})`;
  }
  if (field === undefined) {
    return `${entryLabel(index, entry)}: must be a mapping of fields (${MANIFEST_FIELDS.join(', ')}) (got ${showValue(entry)})`;
  }
  const fieldName = [field, ...rest].join('.');
  const value = entry && typeof entry === 'object' ? (entry as Record<string, unknown>)[String(field)] : undefined;
  if (value === undefined && issue.code === 'invalid_type') return `${entryLabel(index, entry)}: field "${fieldName}" is required`;
  return fieldProblem(index, entry, fieldName, issue.message);
}

/** Cross-entry rules: unique ids and files, `derivedFrom`/`derivation` consistent and acyclic. */
function crossEntryProblems(entries: ManifestEntry[]): string[] {
  const problems: string[] = [];
  for (const key of ['id', 'file'] as const) {
    const first = new Map<string, number>();
    entries.forEach((entry, i) => {
      const earlier = first.get(entry[key]);
      if (earlier === undefined) first.set(entry[key], i);
      else problems.push(fieldProblem(i, entry, key, `must be unique: ${entryLabel(earlier, entries[earlier])} has it too`));
    });
  }
  const byId = new Map(entries.map((e) => [e.id as string, e]));
  entries.forEach((entry, i) => {
    const { derivedFrom, derivation } = entry;
    if (derivedFrom !== undefined) {
      if (derivedFrom === entry.id) problems.push(fieldProblem(i, entry, 'derivedFrom', 'must name another source, not the entry itself'));
      else if (!byId.has(derivedFrom)) problems.push(fieldProblem(i, entry, 'derivedFrom', 'must name the id of another source in this manifest; there is none'));
      if (derivation === undefined) {
        problems.push(`${entryLabel(i, entry)}: field "derivation" is required when "derivedFrom" is set (got derivedFrom ${showValue(derivedFrom)}); it ${oneOf(DERIVATIONS)}`);
      }
    } else if (derivation !== undefined && !DERIVATIONS_WITHOUT_ORIGINAL.includes(derivation)) {
      problems.push(fieldProblem(i, entry, 'derivation',
        `needs "derivedFrom" naming its original in this manifest; without it only ${DERIVATIONS_WITHOUT_ORIGINAL.map((d) => `"${d}"`).join(' or ')} (of an original not in the corpus) is allowed`));
    }
  });
  // Cycles: follow derivedFrom from each entry; report each cycle once, at its first entry in manifest order.
  const reported = new Set<string>();
  entries.forEach((entry, i) => {
    const path: string[] = [entry.id];
    let next = entry.derivedFrom;
    while (next !== undefined && next !== entry.id && byId.has(next) && !path.includes(next)) {
      path.push(next);
      next = byId.get(next)!.derivedFrom;
    }
    if (next !== entry.id || path.length < 2) return; // no cycle through this entry (a self-reference is reported above)
    const key = [...path].sort().join(' ');
    if (reported.has(key)) return;
    reported.add(key);
    problems.push(fieldProblem(i, entry, 'derivedFrom', `makes a cycle: ${[...path, entry.id].join(' → ')}`));
  });
  return problems;
}

/**
 * Parses and checks the manifest. Throws one SourceError listing every
 * problem (bad YAML, unknown, missing or invalid fields, duplicate ids or
 * files, bad `derivedFrom`/`derivation`), each naming entry, field and value.
 */
export function parseManifest(yamlText: string, file: string): ManifestEntry[] {
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (err) {
    const detail = err instanceof YAMLParseError ? err.message : String(err);
    throw new SourceError(file, `is not valid YAML: ${detail}`, 'manifest-yaml');
  }
  const result = manifestSchema.safeParse(data ?? []);
  if (!result.success) {
    throw new SourceError(file, [...new Set(result.error.issues.map((i) => describeIssue(i, data)))].join('\n  '), 'manifest-fields');
  }
  const entries = result.data as ManifestEntry[];
  const problems = crossEntryProblems(entries);
  if (problems.length) throw new SourceError(file, problems.join('\n  '), 'manifest-entries');
  return entries;
}

/**
 * The original of a source: follows `derivedFrom` to the first entry that is
 * not derived from another in the manifest. A source that is not derived is
 * its own original; an unknown id gives undefined. Assumes a checked manifest
 * (no cycles), but stops safely on one.
 */
export function originalOf(entries: readonly ManifestEntry[], id: string): ManifestEntry | undefined {
  const byId = new Map(entries.map((e) => [e.id as string, e]));
  let current = byId.get(id);
  const seen = new Set<string>();
  while (current?.derivedFrom !== undefined && !seen.has(current.id) && byId.has(current.derivedFrom)) {
    seen.add(current.id);
    current = byId.get(current.derivedFrom);
  }
  return current;
}

/** The sources made directly from `id` (those whose `derivedFrom` is `id`), in manifest order. */
export function derivativesOf(entries: readonly ManifestEntry[], id: string): ManifestEntry[] {
  return entries.filter((e) => e.derivedFrom === id);
}
