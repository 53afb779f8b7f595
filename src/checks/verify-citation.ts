/**
 * One citation, checked as a thesis citation is: the words resolve to one
 * article paragraph as whole words (src/checks/resolve-citations.ts), a
 * `by` names the speaker the speech stage found there
 * (src/checks/check-attribution.ts), and a derivative's paragraph with a
 * counterpart in its original is refused unless `derivative` says why
 * (`derivative-cited`). Used by remark-citations (theses, the home answer) and
 * by the curated events of content/timeline.yaml (src/checks/timeline-check.ts),
 * so both follow the same rules with the same rule ids and messages.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { nameResolver, parsePeopleConfig, speakersOf, type PersonConfig } from '../models/people.ts';
import { alignmentsFor, sourcesFor } from '../build/source-index.ts';
import { counterpartOf } from '../pipeline/align-sources.ts';
import { checkDerivative, isDerivativeProblem } from './check-derivative.ts';
import type { Source } from '../pipeline/load-sources.ts';
import { checkAttribution, holderIndex, isAttributionProblem } from './check-attribution.ts';
import { buildCitationIndex, isProblem, resolveCitation, type CitationIndex } from './resolve-citations.ts';
import { isCitationFailure, type CitationAsked, type CitationFailure, type VerifiedCitation } from '../lib/citation-model.ts';

export { isCitationFailure };
export type { CitationAsked, CitationFailure, VerifiedCitation };

/** The citation index of the current sources (rebuilt only when seeds change). */
const indexes = new WeakMap<Source[], CitationIndex>();
function indexFor(seedsDir: string): CitationIndex {
  const sources = sourcesFor(seedsDir);
  let index = indexes.get(sources);
  if (!index) indexes.set(sources, (index = buildCitationIndex(sources)));
  return index;
}

/** The checked entries of content/people.yaml, when it exists (a bad file fails here, naming line, column and rule). */
export function peopleFrom(file: string | undefined, root: string): PersonConfig[] | undefined {
  if (file === undefined || !existsSync(file)) return undefined;
  return parsePeopleConfig(readFileSync(file, 'utf8'), relative(root, file));
}

/** Alias → canonical name (lower-case keys). */
function aliasesOf(people: readonly PersonConfig[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const person of people) {
    for (const name of [person.name, ...person.aliases]) map.set(name.trim().toLowerCase(), person.name);
  }
  return map;
}

/**
 * Who a `by` may name: every speaker of the sources (resolved to one name per
 * person as the people pages do), every source's author and outlet, and every
 * name and alias of content/people.yaml.
 */
function holdersOf(sources: readonly Source[], people: readonly PersonConfig[]): (by: string) => string[] {
  const resolve = nameResolver(speakersOf(sources), people);
  const names: { name: string; holder: string }[] = [];
  for (const speaker of new Set(speakersOf(sources))) names.push({ name: speaker, holder: resolve(speaker) });
  for (const { entry } of sources) for (const n of [entry.author, entry.outlet]) if (n) names.push({ name: n, holder: resolve(n) });
  for (const person of people) for (const n of [person.name, ...person.aliases]) names.push({ name: n, holder: person.name });
  return holderIndex(names);
}

export interface VerifierOptions {
  /** Absolute path of `seeds/`. */
  seedsDir: string;
  /** Optional `content/people.yaml`. */
  peopleFile?: string | undefined;
  /** Project root, for file names in messages. */
  root?: string | undefined;
}

/** A checker of citations against the current sources (loaded once; people.yaml read once per verifier). */
export function citationVerifier(options: VerifierOptions): (asked: CitationAsked) => VerifiedCitation | CitationFailure {
  const sources = sourcesFor(options.seedsDir);
  const index = indexFor(options.seedsDir);
  const entries = new Map(sources.map((s) => [s.entry.id as string, s.entry]));
  const people = peopleFrom(options.peopleFile, options.root ?? process.cwd());
  const aliases = people ? aliasesOf(people) : undefined;
  const holders = holdersOf(sources, people ?? []);
  return (asked) => {
    const result = resolveCitation(asked.request, index);
    if (isProblem(result)) return { rule: result.rule, message: result.message };
    const paragraph = index.sources.get(result.source)!.paragraphs.find((p) => p.paragraph.anchor === result.anchor)!.paragraph;
    const entry = entries.get(result.source)!;
    const who = checkAttribution({
      kind: result.kind,
      by: asked.by,
      spans: paragraph.spans ?? [],
      start: result.start,
      end: result.end,
      narrator: entry.author ?? entry.outlet,
      aliases,
      holders,
    });
    if (isAttributionProblem(who)) return { rule: who.rule, message: `${who.message} (${result.source} ¶${result.n})` };
    const counterpart = entry.derivedFrom === undefined ? undefined : counterpartOf(alignmentsFor(options.seedsDir), entry.id, result.anchor);
    const original = counterpart && sources.find((x) => x.entry.id === counterpart.original);
    const derived = checkDerivative({
      source: entry,
      n: result.n,
      derivative: asked.derivative,
      counterpart,
      originalN: (anchor) => original?.paragraphs.find((p) => p.anchor === anchor)?.n,
    });
    if (isDerivativeProblem(derived)) return derived;
    const cite: VerifiedCitation = { ...result, ...derived };
    if (asked.by !== undefined) cite.by = asked.by;
    if (who.speaker !== undefined) cite.speaker = who.speaker;
    return cite;
  };
}
