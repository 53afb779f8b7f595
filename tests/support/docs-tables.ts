/**
 * `npm run docs:tables` — writes the tables of docs/ that come from the code:
 * every rule id the build can report (between `<!-- rules:start -->` and
 * `<!-- rules:end -->`) and every manifest field (between
 * `<!-- fields:start -->` and `<!-- fields:end -->`). tests/project/docs.test.ts
 * fails when a table is out of date, and when a rule id or field has no
 * heading of its own in its page (or a heading names one the code lacks).
 *
 * Rule ids are collected from the code's registries, wherever they live:
 * every `export const <NAME>_RULES = [...]` in a module under src/ (each
 * module that reports rule ids exports one). Manifest and source rules
 * (registries named MANIFEST_… or SOURCE_…) are documented in
 * docs/sources.md, the anchor ledger's (LEDGER_…) in docs/links.md, every
 * other rule in docs/theses.md, so build messages can
 * link to `docs/<page>.md#<rule-id>`. Warnings (`warning <id>:` in a message
 * the code prints) are collected from the source text.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { slug as githubSlug } from 'github-slugger';
import { manifestEntrySchema, MANIFEST_FIELDS } from '../../src/pipeline/manifest.ts';
import { ROOT } from './paths.ts';

export interface Registry {
  /** The exported name, e.g. `CITATION_RULES`. */
  name: string;
  /** The module that exports it, relative to the project. */
  file: string;
  ids: readonly string[];
}

export const THESES_PAGE = 'docs/theses.md';
export const SOURCES_PAGE = 'docs/sources.md';
export const LINKS_PAGE = 'docs/links.md';
/** The pages with a rule reference. */
export const RULE_PAGES = [THESES_PAGE, SOURCES_PAGE, LINKS_PAGE];

/** The page that documents a registry's rules: source and manifest rules, the anchor ledger's, the rest (theses). */
export const pageOf = (registry: Pick<Registry, 'name'>): string =>
  /^(MANIFEST|SOURCE)_/.test(registry.name) ? SOURCES_PAGE : /^LEDGER_/.test(registry.name) ? LINKS_PAGE : THESES_PAGE;

/** What each registry's rules check, for the table (a registry not listed is shown by its name). */
const CHECKS: Record<string, string> = {
  POLICY_RULES: 'thesis MDX: content policy, every paragraph cites, derivatives',
  CITATION_RULES: 'a citation’s words in its source (theses, the home answer, timeline.yaml)',
  ATTRIBUTION_RULES: 'who said it (`by`)',
  SUMMARY_RULES: 'In brief, positions, the home page’s answer',
  VERSION_RULES: 'What changed (`changes`)',
  THESIS_FILE_RULES: 'the thesis folder',
  LINK_RULES: 'links to this site (end of the build)',
  PEOPLE_RULES: '`content/people.yaml`',
  TIMELINE_RULES: '`content/timeline.yaml`',
  LEDGER_RULES: 'an entry of `content/anchors.lock.json`',
  SOURCE_RULES: 'a source file or `seeds/sources.yaml` (the build stops)',
  WARNINGS: 'a warning: printed, the build goes on',
};

const REGISTRY = /^export const ([A-Z][A-Z0-9_]*_RULES)\b/gm;
/** Warnings have no registry: they are printed as `file:line:column  warning <id>: message`. */
const WARNING = /\bwarning ([a-z]+(?:-[a-z]+)+): /g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(d.name) && !d.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every rule registry under src/, sorted by module path and name, then the warnings (as `WARNINGS`). */
export async function ruleRegistries(): Promise<Registry[]> {
  const registries: Registry[] = [];
  const warnings = new Set<string>();
  for (const path of sourceFiles(join(ROOT, 'src')).sort()) {
    const text = readFileSync(path, 'utf8');
    for (const m of text.matchAll(WARNING)) warnings.add(m[1]!);
    const names = [...text.matchAll(REGISTRY)].map((m) => m[1]!);
    if (!names.length) continue;
    const mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    for (const name of names) {
      const ids = mod[name];
      if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw new Error(`${relative(ROOT, path)}: ${name} is not a list of rule ids`);
      registries.push({ name, file: relative(ROOT, path), ids });
    }
  }
  if (warnings.size) registries.push({ name: 'WARNINGS', file: 'src/', ids: [...warnings].sort() });
  return registries;
}

/** Every rule id with the registry it is in, in registry order; an id in two registries is an error. */
export function ruleIds(registries: readonly Registry[]): { id: string; registry: Registry }[] {
  const seen = new Map<string, Registry>();
  for (const registry of registries) {
    for (const id of registry.ids) {
      const earlier = seen.get(id);
      if (earlier && earlier.name !== registry.name) throw new Error(`rule id "${id}" is in ${earlier.name} and ${registry.name}`);
      seen.set(id, registry);
    }
  }
  return [...seen].map(([id, registry]) => ({ id, registry }));
}

/** The anchor GitHub gives a heading made of one code span: `` `dateKind` `` → `datekind`. */
export const anchorOf = (id: string): string => githubSlug(id);

export function rulesTable(registries: readonly Registry[], page: string): string {
  const rows = ruleIds(registries)
    .filter(({ registry }) => pageOf(registry) === page)
    .map(({ id, registry }) => `| [\`${id}\`](#${anchorOf(id)}) | ${CHECKS[registry.name] ?? registry.name} | \`${registry.name}\` |`);
  if (!rows.length) return 'No rule ids of this kind in the code yet.';
  return ['| rule | checks | registry |', '|---|---|---|', ...rows].join('\n');
}

type Def = { type: string; innerType?: Schema; in?: Schema; element?: Schema };
type Schema = { def: Def; format?: string | null; options?: string[] };

function describe(schema: Schema): string {
  const { def } = schema;
  if (def.type === 'optional') return describe(def.innerType!);
  if (def.type === 'pipe') return describe(def.in!);
  if (def.type === 'enum') return `one of ${schema.options!.map((o) => `\`${o}\``).join(', ')}`;
  if (def.type === 'boolean') return '`true` or `false`';
  if (def.type === 'array') return 'a list';
  if (def.type === 'string') return schema.format === 'date' ? 'a date, YYYY-MM-DD' : 'text';
  return def.type;
}

export function fieldsTable(): string {
  const shape = manifestEntrySchema.shape as unknown as Record<string, Schema>;
  const rows = MANIFEST_FIELDS.map((field) => {
    const schema = shape[field]!;
    return `| [\`${field}\`](#${anchorOf(field)}) | ${schema.def.type === 'optional' ? 'no' : 'yes'} | ${describe(schema)} |`;
  });
  return ['| field | required | value |', '|---|---|---|', ...rows].join('\n');
}

/** `text` with the part between `<!-- name:start -->` and `<!-- name:end -->` replaced by `table`. */
export function withTable(text: string, name: string, table: string, page: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${page}: no ${start} … ${end} markers`);
  return `${text.slice(0, from + start.length)}\n${table}\n${text.slice(to)}`;
}

/** Each page with generated tables, as it should read: path → [now, generated]. */
export async function generatedPages(): Promise<Map<string, [string, string]>> {
  const registries = await ruleRegistries();
  const pages = new Map<string, [string, string]>();
  for (const page of RULE_PAGES) {
    const now = readFileSync(join(ROOT, page), 'utf8');
    let text = now;
    text = withTable(text, 'rules', rulesTable(registries, page), page);
    if (page === SOURCES_PAGE) text = withTable(text, 'fields', fieldsTable(), page);
    pages.set(page, [now, text]);
  }
  return pages;
}

if (import.meta.main) {
  for (const [page, [now, generated]] of await generatedPages()) {
    if (now === generated) console.log(`${page}: up to date`);
    else {
      writeFileSync(join(ROOT, page), generated);
      console.log(`${page}: tables written`);
    }
  }
}
