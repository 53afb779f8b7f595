/**
 * Remark plugin: enforces the thesis content policy (Markdown plus <Cite>,
 * <Quote> and a few inline HTML elements; no import/export, no {expressions},
 * no other HTML), then resolves each `<Cite>` and `<Quote>` to a source
 * paragraph, renders it as plain HTML (no runtime component) and records the
 * resolved citations on the page's frontmatter for the evidence section and
 * for source-page backlinks.
 *
 * This file is the shell; the parts are in ./remark-citations/: policy.ts
 * (the content policy), coverage.ts (every paragraph cites), resolve.ts (each
 * citation checked and numbered) and render.ts (the HTML).
 *
 * Every problem is attached to its node as a vfile message (with a rule id,
 * source `remark-citations`, real line and column); the plugin then fails once,
 * listing every problem of the file as
 * `file:line:column  <Element …>  rule-id: message`.
 */
import { basename, extname, relative } from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { AstroError } from 'astro/errors';
import { docLink } from '../pipeline/errors.ts';
import { sourcesFor } from '../build/source-index.ts';
import { urls } from '../lib/urls.ts';
import { clipLine as clip } from '../pipeline/normalise-text.ts';
import { ATTRIBUTION_RULES } from '../checks/check-attribution.ts';
import { checkAnswer, checkSummary, liftPositions, renderedWords, renderPositions, SUMMARY_RULES } from './thesis-summary.ts';
import { checkVersion, VERSION_RULES } from './thesis-version.ts';
import { CITATION_RULES } from '../checks/resolve-citations.ts';
import { checkPolicy, POLICY_RULES } from './remark-citations/policy.ts';
import { checkCoverage, uncoveredClaims } from './remark-citations/coverage.ts';
import { resolveCandidates } from './remark-citations/resolve.ts';
import { renderCitations, renderLinks, renderNotes } from './remark-citations/render.ts';
import type { AnyNode, Problem, RuleId } from './remark-citations/tree.ts';

export type { PageCitation } from '../lib/citation-model.ts';
export { asBrowserReads, COMPONENTS, INLINE_HTML, POLICY_RULES, type AttributeSpec, type ComponentName, type ComponentSpec, type PolicyRule } from './remark-citations/policy.ts';
export { markerLabel } from './remark-citations/render.ts';

/** Every rule id this plugin can report. */
export const RULES: readonly RuleId[] = [...POLICY_RULES, ...CITATION_RULES, ...ATTRIBUTION_RULES, ...SUMMARY_RULES, ...VERSION_RULES];

/**
 * Error thrown when a file breaks the policy or any citation fails; the message lists every problem, and the
 * hint (Astro prints it as `Hint:`) where each broken rule is documented: `docs/theses.md#<rule-id>`.
 */
export class CitationError extends AstroError {
  /** Where the first problem is (Astro's error overlay shows it). */
  line: number | undefined;
  column: number | undefined;
  /** One vfile message per problem, in document order. */
  readonly messages: VFileMessage[];
  /** The rule ids broken, in order of first appearance. */
  readonly rules: string[];
  constructor(message: string, messages: VFileMessage[] = []) {
    const rules = [...new Set(messages.map((m) => m.ruleId).filter((r): r is string => typeof r === 'string'))];
    super(message, citationHint(rules));
    this.messages = messages;
    this.rules = rules;
    this.name = 'CitationError';
    this.line = messages[0]?.line;
    this.column = messages[0]?.column;
  }
}

/** "Fix each problem listed; the rules: docs/theses.md#partial-word, docs/theses.md#unknown-source". */
export const citationHint = (rules: readonly string[]): string =>
  `Fix each problem listed; ${rules.length === 1 ? 'the rule' : 'the rules'}: ${rules.map((r) => docLink('theses', r)).join(', ')}`;

export interface RemarkCitationsOptions {
  /** Absolute path of `seeds/`. */
  seedsDir: string;
  /** Optional `content/people.yaml`: aliases a `by` may use ("the Russian president" → "Vladimir Putin"). */
  peopleFile?: string;
  /** Project root, for relative file names in messages. */
  root?: string;
  /** Absolute path of `content/theses/`: files there are thesis pages, which must open with "In brief". */
  thesesDir?: string;
  /** Absolute path of `content/home/`: files there are the home page's overall answer (short, every sentence cited). */
  answerDir?: string;
  /**
   * The base path the site is built for (`/` or `/explainer/`): a link written `/sources/x/` in a thesis names
   * a page from the site's root, and is rendered (and checked) as `<base>sources/x/`. Default: the site's
   * (src/lib/urls.ts, BASE_PATH), as citation markers use.
   */
  base?: string;
}

const startOf = (node: Problem['node']): { line: number; column: number } => node.position?.start ?? { line: 0, column: 0 };

export default function remarkCitations(options: RemarkCitationsOptions) {
  return (tree: Root, file: VFile): void => {
    const name = relative(options.root ?? process.cwd(), file.path || '(unknown file)');
    const problems: Problem[] = [];
    liftPositions(tree);
    const candidates = checkPolicy(tree, problems);
    checkCoverage(tree, problems);
    const inside = (dir: string | undefined): boolean => dir !== undefined && file.path !== undefined && !relative(dir, file.path).startsWith('..');
    const isThesis = inside(options.thesesDir);
    const entries = new Map((candidates.length > 0 || isThesis ? sourcesFor(options.seedsDir) : []).map((s) => [s.entry.id as string, s.entry]));
    problems.push(...checkSummary(tree, { required: isThesis, sourceIds: new Set(entries.keys()) }));
    // The page's version: its reader-visible text against the newest entry of its change log; and its length.
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    if (isThesis) {
      const { problem } = checkVersion(tree, data.astro.frontmatter, file.path);
      if (problem) problems.push({ node: { type: 'text', value: '', position: { start: { line: problem.line, column: 1 }, end: { line: problem.line, column: 1 } } } as AnyNode, label: problem.label, rule: problem.rule, message: problem.message });
      data.astro.frontmatter.words = renderedWords(tree);
    }
    if (inside(options.answerDir)) problems.push(...checkAnswer(tree));

    // Each citation checked as every citation of the site is (src/checks/verify-citation.ts).
    const { resolved, problems: refused } = resolveCandidates(candidates, options);
    problems.push(...refused);

    if (problems.length) {
      problems.sort((a, b) => startOf(a.node).line - startOf(b.node).line || startOf(a.node).column - startOf(b.node).column);
      const messages = problems.map((p) =>
        file.message(p.message, { place: p.node.position, ruleId: p.rule, source: 'remark-citations' }),
      );
      const lines = problems.map((p, i) => `  ${name}:${messages[i]!.line ?? '?'}:${messages[i]!.column ?? '?'}  ${p.label}  ${p.rule}: ${p.message}`);
      throw new CitationError(
        `Citation check failed: ${problems.length} problem${problems.length > 1 ? 's' : ''} in ${name}\n${lines.join('\n')}`,
        messages,
      );
    }

    for (const { node, sentence } of uncoveredClaims(tree)) {
      const at = node.position?.start;
      console.warn(`${name}:${at?.line ?? '?'}:${at?.column ?? '?'}  warning uncovered-claim: "${clip(sentence, 60)}" states a view or a number after the last citation of its paragraph`);
    }
    renderCitations(tree, resolved);
    renderNotes(tree);
    renderPositions(tree, entries);
    renderLinks(tree, name, isThesis ? `/theses/${basename(file.path, extname(file.path))}/` : inside(options.answerDir) ? '/' : undefined, options.base ?? urls.base);
    data.astro.frontmatter.citations = resolved.map((r) => r.cite);
  };
}
