/**
 * Typed pipeline errors (src/pipeline/errors.ts): each carries a rule id and a
 * one-line hint naming the rule's documentation, and every rule id listed is
 * thrown somewhere in the pipeline.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { docLink, PipelineError, SOURCE_RULES, sourceHint } from '../../src/pipeline/errors.ts';
import { parseManifest, SourceError } from '../../src/pipeline/manifest.ts';
import { decodeSource } from '../../src/pipeline/read-sources.ts';
import { ROOT } from '../support/paths.ts';

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
};

describe('source errors carry their rule and a hint', () => {
  test.each([
    ['manifest-yaml', () => parseManifest('- id: [unclosed', 'seeds/sources.yaml')],
    ['manifest-fields', () => parseManifest('- id: x\n  file: x.txt\n  title: X\n  published: 2025-02-30\n', 'seeds/sources.yaml')],
    ['source-encoding', () => decodeSource(new Uint8Array([0x66, 0xff, 0x66]), 'seeds/x.txt')],
    ['source-empty', () => decodeSource(new TextEncoder().encode(' \n\u200b\n'), 'seeds/x.txt')],
  ])('%s', (rule, f) => {
    const e = thrown(f);
    expect(e).toBeInstanceOf(SourceError);
    expect(e).toBeInstanceOf(PipelineError);
    expect(e).toMatchObject({ rule, file: expect.stringMatching(/^seeds\//) });
    expect((e as PipelineError).hint).toContain(`see docs/sources.md#${rule}`);
    expect((e as PipelineError).hint).not.toContain('\n');
  });
});

test('a hint is one line, starts with a capital and names the rule’s page', () => {
  for (const rule of SOURCE_RULES) {
    const hint = sourceHint(rule);
    expect(hint, rule).toMatch(/^\p{Lu}[^\n]*; see docs\/sources\.md#[a-z-]+$/u);
    expect(hint.endsWith(docLink('sources', rule)), rule).toBe(true);
  }
});

test('every source rule id is thrown by the pipeline, and every SourceError names one of them', () => {
  const dir = join(ROOT, 'src/pipeline');
  const code = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts') && d.name !== 'errors.ts')
    .map((d) => readFileSync(join(d.parentPath, d.name), 'utf8'))
    .join('\n');
  // The rule is a SourceError's last argument: a literal id, or the rule of the error it re-throws.
  const calls = [...code.matchAll(/new SourceError\(([\s\S]*?)\);$/gm)].map((m) => m[1]!.trim());
  expect(calls.length).toBeGreaterThan(10);
  const unnamed = calls.filter((args) => !/(?:'[a-z]+(?:-[a-z]+)+'|err\.rule as SourceRule),?$/.test(args));
  expect(unnamed).toEqual([]);
  const named = new Set(calls.flatMap((args) => /'([a-z]+(?:-[a-z]+)+)',?$/.exec(args)?.[1] ?? []));
  expect([...named].filter((r) => !(SOURCE_RULES as readonly string[]).includes(r))).toEqual([]);
  expect(SOURCE_RULES.filter((r) => !named.has(r))).toEqual([]);
});
