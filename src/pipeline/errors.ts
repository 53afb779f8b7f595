/**
 * Errors of the pipeline, for a reader at a terminal: each carries the id of
 * the rule that was broken, a one-line hint saying what to do, and where
 * known the file and line. The pipeline stays pure and throws these; the
 * loader (src/loaders/sources-loader.ts) and remark-citations turn them into
 * Astro's errors, whose `Hint:` line Astro prints. Each rule is documented
 * at the page `docLink` names (docs/sources.md for sources and the manifest,
 * docs/theses.md for citations and theses).
 */

/** The documentation page of a rule: `docs/sources.md#manifest-yaml`. */
export const docLink = (page: 'sources' | 'theses', rule: string): string => `docs/${page}.md#${rule}`;

export interface PipelineErrorDetails {
  /** Id of the rule that was broken (kebab-case, as documented). */
  rule: string;
  /** One line on what to do about it. */
  hint: string;
  file?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
}

/** A problem the pipeline found in its input, with its rule id and a hint. */
export class PipelineError extends Error {
  readonly rule: string;
  readonly hint: string;
  file: string | undefined;
  line: number | undefined;
  column: number | undefined;
  constructor(message: string, details: PipelineErrorDetails) {
    super(message);
    this.name = 'PipelineError';
    this.rule = details.rule;
    this.hint = details.hint;
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
  }
}

/**
 * The rules of the sources and their manifest (seeds/): a SourceError
 * (src/pipeline/manifest.ts) carries one, with its hint (SOURCE_HINTS).
 * Documented in docs/sources.md, one section per id.
 */
export const SOURCE_RULES = [
  'manifest-missing',
  'manifest-unreadable',
  'manifest-encoding',
  'manifest-yaml',
  'manifest-fields',
  'manifest-entries',
  'manifest-file',
  'seeds-unreadable',
  'source-encoding',
  'source-control-character',
  'source-empty',
  'source-no-article',
  'manifest-override',
  'manifest-speech',
] as const;

export type SourceRule = (typeof SOURCE_RULES)[number];

/** What to do about each source rule, in one line (the build prints it as Astro's `Hint:`). */
export const SOURCE_HINTS: Readonly<Record<SourceRule, string>> = {
  'manifest-missing': 'create seeds/sources.yaml, listing each source file with its id, title and url',
  'manifest-unreadable': 'make seeds/sources.yaml readable by the build (permissions, or a file where a folder is)',
  'manifest-encoding': 'save seeds/sources.yaml as UTF-8',
  'manifest-yaml': 'fix the YAML syntax at the line and column named',
  'manifest-fields': 'correct or remove each field named; the fields and the values each takes are listed in the docs',
  'manifest-entries': 'give each entry its own id and file, and let derivedFrom name another entry of the manifest',
  'manifest-file': 'make each entry\'s "file" name a readable file inside seeds/ (no link or path out of it)',
  'seeds-unreadable': 'make the seeds folder readable by the build',
  'source-encoding': 'save the source file as UTF-8 (no UTF-16, no invalid bytes)',
  'source-control-character': 'remove the control character at the offset named, or save the text as plain UTF-8',
  'source-empty': 'put the source text in the file, or remove its entry from seeds/sources.yaml',
  'source-no-article': 'add overrides in the manifest entry so that its article paragraphs are read as such',
  'manifest-override': 'make the override at the index named fit the text: line numbers, words and ranges as the file reads now',
  'manifest-speech': 'make the speech correction name words of an article paragraph, quoting a whole quotation',
};

/** The hint of a source rule, with its documentation: "Save seeds/sources.yaml as UTF-8; see docs/sources.md#manifest-encoding". */
export const sourceHint = (rule: SourceRule): string => `${SOURCE_HINTS[rule][0]!.toUpperCase()}${SOURCE_HINTS[rule].slice(1)}; see ${docLink('sources', rule)}`;
