/**
 * content/people.yaml on fixture folders: tests/fixtures/people/<case>/people.yaml,
 * with expected-messages.txt (every problem, exactly as the build prints it,
 * in order; empty when the file is fine).
 */
import { expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePeopleConfig } from '../../src/models/people.ts';
import { PEOPLE_RULES } from '../../src/checks/check-people-aliases.ts';
import { FIXTURES } from '../support/paths.ts';

const CASES = join(FIXTURES, 'people');
const cases = readdirSync(CASES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const readLines = (path: string): string[] => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((l) => l !== '') : []);

test.each(cases)('%s: reports exactly the expected problems, with file:line:column and rule id', (name) => {
  const expected = readLines(join(CASES, name, 'expected-messages.txt'));
  const parse = () => parsePeopleConfig(readFileSync(join(CASES, name, 'people.yaml'), 'utf8'), 'people.yaml');
  if (expected.length === 0) {
    expect(parse).not.toThrow();
    return;
  }
  expect(parse).toThrow();
  try {
    parse();
  } catch (e) {
    expect((e as Error).message.split('\n')).toEqual(expected);
  }
});

test('every people.yaml rule id is exercised by some fixture', () => {
  const seen = new Set(cases.flatMap((name) => readLines(join(CASES, name, 'expected-messages.txt')).map((l) => / {2}([a-z-]+): /.exec(l)?.[1])));
  expect(PEOPLE_RULES.filter((rule) => !seen.has(rule))).toEqual([]);
});
