/**
 * What the parts of remark-citations share: the MDX nodes they walk, a
 * problem attached to a node, and a citation element that passed the policy.
 */
import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import type { AttributionRule } from '../../checks/check-attribution.ts';
import type { CitationRequest, CitationRule } from '../../lib/citation-model.ts';
import type { SummaryRule } from '../thesis-summary.ts';
import type { VersionRule } from '../thesis-version.ts';
import type { PolicyRule } from './policy.ts';

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;
export type AnyNode = Root | RootContent;

/** Every rule id remark-citations can report. */
export type RuleId = PolicyRule | CitationRule | AttributionRule | SummaryRule | VersionRule;

/** A problem attached to a node of the tree. */
export interface Problem {
  node: AnyNode | JsxElement['attributes'][number];
  label: string;
  rule: RuleId;
  message: string;
}

/** A citation element that passed the policy, with what it asks for. */
export interface Candidate {
  node: JsxElement;
  label: string;
  request: CitationRequest;
  /** Whose words or view the thesis says these are (`by`). */
  by?: string | undefined;
  /** Why a derivative is cited in place of its original (`derivative`). */
  derivative?: string | undefined;
}

export const isJsx = (node: AnyNode): node is JsxElement => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

/** "a, b, c", or "none". */
export const list = (names: Iterable<string>): string => [...names].join(', ') || 'none';
