/**
 * content/people.yaml, read and checked: each entry a canonical name with its
 * aliases and, optionally, its type; a bad file fails the build naming line,
 * column and rule.
 */
import { isNode, LineCounter, parseDocument, YAMLParseError } from 'yaml';
import { checkPeopleAliases } from '../../checks/check-people-aliases.ts';
import { z } from 'astro/zod';
import { type HolderType, HOLDER_TYPES } from './holders.ts';

// ---------------------------------------------------------------------------
// content/people.yaml

/** One entry of `content/people.yaml`. */
export interface PersonConfig {
  /** Canonical name, as the person pages show it. */
  name: string;
  /** Other names the sources use for the same person or body ("Putin", "the Russian president"). */
  aliases: string[];
  /** One line shown under the name. */
  description?: string | undefined;
  /** What kind of speaker this is, set by an editor; wins over the speech stage and the name rules (`holderTypeOf`). */
  type?: HolderType | undefined;
}

const oneLine = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .max(200, `${what} must be at most 200 characters`)
    .regex(/^[^\r\n]*$/, `${what} must be one line`);

const entrySchema = z.strictObject({
  name: oneLine('name'),
  aliases: z.array(oneLine('an alias')).default([]),
  description: oneLine('description').optional(),
  type: z.enum(HOLDER_TYPES as [HolderType, ...HolderType[]], { error: `type must be one of ${HOLDER_TYPES.join(', ')}` }).optional(),
});

/**
 * Parses and checks `content/people.yaml` (a list of `{name, aliases?, description?, type?}`).
 * Throws one Error naming the file, the entry (number and name) and the field for every
 * problem: bad YAML, an unknown or invalid field; or, one line each
 * (`file:line:column  entry …  rule-id: message`), a name or alias that is a
 * pronoun, another person's, or used twice (src/checks/check-people-aliases.ts).
 */
export function parsePeopleConfig(yamlText: string, file: string): PersonConfig[] {
  let data: unknown;
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lines });
  try {
    if (doc.errors[0]) throw doc.errors[0];
    data = doc.toJS();
  } catch (err) {
    throw new Error(`${file}: is not valid YAML: ${err instanceof YAMLParseError ? err.message : String(err)}`, { cause: err });
  }
  const result = z.array(entrySchema).safeParse(data ?? []);
  if (!result.success) {
    const raw = Array.isArray(data) ? (data as unknown[]) : [];
    const problems = result.error.issues.map((i) => {
      const [index, field] = i.path;
      if (typeof index !== 'number') return `${file}: must be a list of entries ({name, aliases, description, type}): ${i.message}`;
      const name = (raw[index] as { name?: unknown } | undefined)?.name;
      const label = `entry ${index + 1}${typeof name === 'string' ? ` ("${name}")` : ''}`;
      return `${file}: ${label}${field === undefined ? '' : `, field "${String(field)}"`}: ${i.message}`;
    });
    throw new Error([...new Set(problems)].join('\n'));
  }
  // Names and aliases (src/checks/check-people-aliases.ts), each problem at its line and column.
  const problems = checkPeopleAliases(result.data).map((p) => {
    const node = doc.getIn(p.alias === undefined ? [p.entry, 'name'] : [p.entry, 'aliases', p.alias], true);
    const at = isNode(node) && node.range ? lines.linePos(node.range[0]) : undefined;
    return `${file}:${at?.line ?? '?'}:${at?.col ?? '?'}  ${p.label}  ${p.rule}: ${p.message}`;
  });
  if (problems.length) throw new Error(problems.join('\n'));
  return result.data.map((e) => ({ name: e.name, aliases: e.aliases, description: e.description, ...(e.type ? { type: e.type } : {}) }));
}
