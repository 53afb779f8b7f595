/**
 * Resolution of remark-citations: each citation element that passed the
 * content policy is checked as every citation of the site is
 * (src/checks/verify-citation.ts: the words, the attribution, the derivative
 * rule) and numbered on its page (`cite-1`, `cite-2`, …, in document order).
 */
import { citationVerifier, isCitationFailure } from '../../checks/verify-citation.ts';
import type { PageCitation } from '../../lib/citation-model.ts';
import type { Candidate, JsxElement, Problem } from './tree.ts';

export interface ResolveOptions {
  seedsDir: string;
  peopleFile?: string | undefined;
  root?: string | undefined;
}

/** The citations of one page: those that resolved, with their markers, and a problem for each that did not. */
export function resolveCandidates(candidates: readonly Candidate[], options: ResolveOptions): { resolved: { node: JsxElement; cite: PageCitation }[]; problems: Problem[] } {
  const resolved: { node: JsxElement; cite: PageCitation }[] = [];
  const problems: Problem[] = [];
  if (candidates.length === 0) return { resolved, problems };
  const verify = citationVerifier({ seedsDir: options.seedsDir, peopleFile: options.peopleFile, root: options.root });
  for (const candidate of candidates) {
    const result = verify(candidate);
    if (isCitationFailure(result)) {
      problems.push({ node: candidate.node, label: candidate.label, rule: result.rule, message: result.message });
      continue;
    }
    resolved.push({ node: candidate.node, cite: { ...result, id: `cite-${resolved.length + 1}` } });
  }
  return { resolved, problems };
}
