/**
 * Names of the people in the sources: one canonical name per speaker
 * (content/people.yaml first, then a lone surname to the one full name that
 * ends with it, then the most frequent spelling), sort keys and page slugs.
 */
import GithubSlugger from 'github-slugger';
import type { PersonConfig } from './config.ts';

/** Lower-case, single spaces, straight apostrophes: how speaker names are compared. */
export const nameKey = (name: string): string => name.normalize('NFC').replace(/\s+/g, ' ').trim().replace(/[’‘]/g, "'").toLowerCase();

// ---------------------------------------------------------------------------
// Name resolution

/** A name that looks like a personal name: 2–4 words, each capitalised ("Vladimir Putin"). */
export const PERSONAL_NAME = /^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){1,3}$/u;
export const SINGLE_NAME = /^\p{Lu}[\p{L}'’.-]*$/u;

/**
 * Resolver from speaker names as written to canonical names, for one corpus
 * (`speakers`: every speaker name that occurs). See the module doc for the order of rules.
 */
export function nameResolver(speakers: readonly string[], config: readonly PersonConfig[] = []): (speaker: string) => string {
  const configured = new Map<string, string>();
  for (const e of config) for (const n of [e.name, ...e.aliases]) configured.set(nameKey(n), e.name);

  // The written form of each unconfigured name: the most frequent spelling (first seen on a tie).
  const tally = new Map<string, Map<string, number>>();
  for (const raw of speakers) {
    const s = raw.replace(/\s+/g, ' ').trim();
    if (!s || configured.has(nameKey(s))) continue;
    const forms = tally.get(nameKey(s)) ?? new Map<string, number>();
    forms.set(s, (forms.get(s) ?? 0) + 1);
    tally.set(nameKey(s), forms);
  }
  const written = new Map<string, string>();
  for (const [k, forms] of tally) written.set(k, [...forms].reduce((a, b) => (b[1] > a[1] ? b : a))[0]);

  // Full personal names by their last word, for lone surnames.
  const canonical = [...new Set([...config.map((e) => e.name), ...written.values()])];
  const byLast = new Map<string, Set<string>>();
  for (const name of canonical) {
    if (!PERSONAL_NAME.test(name)) continue;
    const last = name.split(' ').at(-1)!;
    byLast.set(last, (byLast.get(last) ?? new Set()).add(name));
  }

  return (speaker: string) => {
    const s = speaker.replace(/\s+/g, ' ').trim();
    const k = nameKey(s);
    const fromConfig = configured.get(k);
    if (fromConfig) return fromConfig;
    const form = written.get(k) ?? s;
    if (SINGLE_NAME.test(form)) {
      const full = byLast.get(form);
      if (full?.size === 1) return [...full][0]!;
    }
    return form;
  };
}

/**
 * Slugs for canonical names: github-slugger of the name without diacritics (Zelenskyy, Kottasova: an
 * address a reader can type and share as is), in sorted order so that they are stable; never empty.
 */
export function personSlugs(names: readonly string[]): Map<string, string> {
  const slugger = new GithubSlugger();
  const out = new Map<string, string>();
  for (const name of [...new Set(names)].sort(compareNames)) {
    const base = slugger.slug(name.normalize('NFKD').replace(/[\u0300-\u036f]/gu, ''));
    out.set(name, base.replace(/^-+|-+$/g, '') ? base : slugger.slug('person'));
  }
  return out;
}

/** Sort key for names: case-insensitive, a leading "the" ignored ("the Kremlin" sorts under K). */
export const nameSortKey = (name: string): string => nameKey(name).replace(/^the /, '');
export const compareNames = (a: string, b: string): number => nameSortKey(a).localeCompare(nameSortKey(b), 'en') || a.localeCompare(b, 'en');
