/**
 * The derivative rules of a citation, as pure functions (no files, no
 * sources loaded): a rewrite or republication of another source of the site
 * (a manifest entry with `derivedFrom`) is cited in place of its original
 * only with a reason the reader is shown (`derivative="…"`, at least three
 * words), and only a derivative takes that reason. src/checks/verify-citation.ts
 * applies them to every citation; tests/checks/check-derivative.test.ts
 * holds the table of cases.
 */
import type { Counterpart } from '../pipeline/align-sources.ts';

/** Rule id of the derivative check (the reason's wording is `bad-attribute`, a content-policy rule). */
export const DERIVATIVE_RULE = 'derivative-cited';

/** The cited source, as its manifest entry says. */
export interface DerivativeSource {
  id: string;
  /** The original it was made from, when it is a derivative. */
  derivedFrom?: string | undefined;
  /** How it was made ("translation", "republication"), when it is a derivative. */
  derivation?: string | undefined;
}

export interface DerivativeInput {
  source: DerivativeSource;
  /** ¶ number of the cited paragraph. */
  n: number;
  /** The reason given with `derivative="…"`, when given. */
  derivative?: string | undefined;
  /** The original paragraph(s) the cited paragraph comes from (src/pipeline/align-sources.ts), when there are any. */
  counterpart?: Counterpart | undefined;
  /** ¶ number of a paragraph of the original, by anchor (for the message). */
  originalN?: (anchor: string) => number | undefined;
}

/** A citation of a derivative, as the page shows it: how the source was made and why it is cited. */
export interface DerivativeMark {
  derivation?: string;
  derivativeReason?: string;
}

export interface DerivativeProblem {
  rule: typeof DERIVATIVE_RULE;
  message: string;
}

export const isDerivativeProblem = (r: DerivativeMark | DerivativeProblem): r is DerivativeProblem => 'rule' in r;

/**
 * Checks one citation against the derivative rule: a reason given for a source that is no derivative is
 * refused; a derivative's paragraph that comes from its original is refused without a reason. Otherwise
 * returns what the marker shows (empty for a source that is no derivative).
 */
export function checkDerivative(input: DerivativeInput): DerivativeMark | DerivativeProblem {
  const { source, n, derivative, counterpart } = input;
  if (source.derivedFrom === undefined) {
    if (derivative === undefined) return {};
    return {
      rule: DERIVATIVE_RULE,
      message: `derivative="…" is only for a source made from another source of this site, and ${source.id} is not (its manifest entry has no derivedFrom)`,
    };
  }
  const how = source.derivation ?? 'derivative';
  if (counterpart && derivative === undefined) {
    const paras = counterpart.anchors.map((a) => `¶${input.originalN?.(a) ?? '?'} ${a}`);
    return {
      rule: DERIVATIVE_RULE,
      message: `${source.id} is a ${how} of ${counterpart.original}, and this paragraph (¶${n}) comes from its ${paras.join(' and ')} (${counterpart.relation}): cite ${counterpart.original} there, or say why the ${how} itself is cited with derivative="…"`,
    };
  }
  return derivative === undefined ? { derivation: how } : { derivation: how, derivativeReason: derivative };
}

/** Words of a reason: letters and digits, with inner apostrophes and hyphens ("rewrite's", "re-published"). */
const WORDS = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** True when a `derivative` reason says too little for the reader: fewer than three words. */
export const reasonTooShort = (reason: string): boolean => (reason.match(WORDS) ?? []).length < 3;
