/**
 * What the seeds' manifest says, for tests that must hold for any corpus: a sixth source in seeds/
 * (with or without a `url`) must not break `npm test`, so tests count and name sources from here,
 * never from a hard-coded list.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SEEDS } from './paths.ts';

export interface SeedEntry {
  id: string;
  file: string;
  title: string;
  url?: string;
  published?: string;
  derivedFrom?: string;
}

/** The entries of seeds/sources.yaml, in file order. */
export const seedEntries = (): SeedEntry[] => parse(readFileSync(join(SEEDS, 'sources.yaml'), 'utf8')) as SeedEntry[];

/** How many sources the seeds list. */
export const SEED_COUNT = seedEntries().length;

/** The number the manifest check gives an entry appended to seeds/sources.yaml (entries count from 1). */
export const NEXT_ENTRY = SEED_COUNT + 1;
