/**
 * The citation model: what a citation is at each step from the thesis source
 * to the built page. The pipeline resolves a request to a paragraph
 * (src/checks/resolve-citations.ts), src/checks/verify-citation.ts checks its
 * attribution and derivative rules, remark-citations numbers it on its page,
 * and rehype-thesis-anchors places it in a thesis paragraph and sentence.
 * Pages, components and plugins import these types from here, never from a
 * plugin (tests/architecture/imports.test.ts holds pages and components to it).
 */
import type { AttributionRule } from '../checks/check-attribution.ts';
import type { CitationRequest, CitationRule, ResolvedCitation } from '../checks/resolve-citations.ts';

export type { CitationRequest, CitationRule, ResolvedCitation };

/** A citation as checked: the paragraph, and what the attribution and derivative checks learned. */
export interface VerifiedCitation extends ResolvedCitation {
  /** `by` as written, when given. */
  by?: string;
  /** The speaker the words belong to, as the source identifies them (checked), when `by` is given. */
  speaker?: string;
  /** Set when the cited source is a derivative: how it was made, and why it is cited. */
  derivation?: string;
  derivativeReason?: string;
}

/** What a citation element asks for: the request, and whose words (`by`) and why a derivative (`derivative`). */
export interface CitationAsked {
  request: CitationRequest;
  by?: string | undefined;
  derivative?: string | undefined;
}

/** Why a citation was refused: its rule id and a message for the author. */
export interface CitationFailure {
  rule: CitationRule | AttributionRule | 'derivative-cited';
  message: string;
}

export const isCitationFailure = (r: VerifiedCitation | CitationFailure): r is CitationFailure => 'rule' in r;

/** What each thesis page learns about its citations (frontmatter key `citations`): the checked citation and its marker. */
export interface PageCitation extends VerifiedCitation {
  /** Element id of the marker on the thesis page (`cite-3`). */
  id: string;
}

/** A citation record once rehype-thesis-anchors has run: where on the thesis page it stands. */
export interface AnchoredCitation extends PageCitation {
  /** Anchor of the thesis paragraph holding the marker. */
  paragraph?: string;
  /** The thesis sentence that cites (markers left out). */
  sentence?: string;
}
