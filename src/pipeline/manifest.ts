/**
 * The source manifest (`seeds/sources.yaml`): its schema and the parse that
 * turns YAML text into checked entries, with errors that name file and field.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'astro/zod';
import type { SourceId } from './types.ts';
import { overridesSchema } from './overrides.ts';

/** A URL slug: lower-case letters, digits and single hyphens. */
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a URL slug (a-z, 0-9, single hyphens)');

/** One manifest entry. Unknown fields are errors, so a typo cannot pass silently. */
export const manifestEntrySchema = z.strictObject({
  /** URL slug of the source: `/sources/<id>/`. */
  id: slug,
  /** File name inside `seeds/`, kept byte-identical to the original. */
  file: z.string().regex(/^[^/\\]+\.txt$/, 'must be a .txt file name inside seeds/ (no folders)'),
  /** The headline as printed, or ours when the text has none (say so in notes). */
  title: z.string().min(1),
  /** Short label shown in citation markers, e.g. "Trenin". */
  short: z.string().min(1).optional(),
  author: z.string().min(1).optional(),
  outlet: z.string().min(1).optional(),
  /** Publication date, YYYY-MM-DD. */
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD').optional(),
  /** Address of the original; never invented. */
  url: z.url().optional(),
  /** How this text relates to another (rewrite, republication …). */
  relation: z.string().min(1).optional(),
  /** Provenance notes; anything inferred rather than printed is said here. */
  notes: z.string().min(1).optional(),
  /** Decisions for what no classification rule can decide: see src/pipeline/overrides.ts. */
  overrides: overridesSchema.optional(),
});

export const manifestSchema = z.array(manifestEntrySchema).min(1, 'must list at least one source');

export type ManifestEntry = Omit<z.infer<typeof manifestEntrySchema>, 'id'> & { id: SourceId };

/** A problem with the sources, always naming the file it is about. */
export class SourceError extends Error {
  readonly file: string;
  constructor(file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'SourceError';
    this.file = file;
  }
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const [index, field, ...rest] = issue.path;
  const entry = typeof index === 'number' ? (data as Record<string, unknown>[])[index] : undefined;
  const where =
    typeof index === 'number'
      ? `entry ${index + 1}${typeof entry?.id === 'string' ? ` (id "${entry.id}")` : ''}`
      : 'the manifest';
  if (issue.code === 'unrecognized_keys')
    return `${where}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (allowed: ${Object.keys(manifestEntrySchema.shape).join(', ')})`;
  const fieldName = [field, ...rest].filter((p) => p !== undefined).join('.');
  const value = entry && typeof field === 'string' ? entry[field] : undefined;
  const missing = value === undefined && issue.code === 'invalid_type';
  return `${where}: field "${fieldName || '(entry)'}" ${missing ? 'is required' : issue.message}${
    value !== undefined ? ` (got ${JSON.stringify(value)})` : ''}`;
}

/**
 * Parses and checks the manifest. Throws one SourceError listing every
 * problem (bad YAML, unknown or missing fields, duplicate ids or files).
 */
export function parseManifest(yamlText: string, file: string): ManifestEntry[] {
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (err) {
    const detail = err instanceof YAMLParseError ? err.message : String(err);
    throw new SourceError(file, `is not valid YAML: ${detail}`);
  }
  const result = manifestSchema.safeParse(data ?? []);
  if (!result.success) {
    throw new SourceError(file, result.error.issues.map((i) => describeIssue(i, data)).join('\n  '));
  }
  const problems: string[] = [];
  for (const key of ['id', 'file'] as const) {
    const seen = new Set<string>();
    for (const entry of result.data) {
      if (seen.has(entry[key])) problems.push(`duplicate ${key} "${entry[key]}": each source needs its own`);
      seen.add(entry[key]);
    }
  }
  if (problems.length) throw new SourceError(file, problems.join('\n  '));
  return result.data as ManifestEntry[];
}
