/**
 * The site's people, computed once per build from the `sources` collection,
 * the optional `content/people.yaml` and the thesis citations (logic in
 * `people.ts`; this module only gathers the inputs).
 */
import { getCollection } from 'astro:content';
import { thesesWithCitations } from './citations.ts';
import { buildPeople, nameResolver, parsePeopleConfig, retiredPeoplePages, speakersOf, type Person, type PersonConfig, type RetiredPage, type SourceInput } from '../models/people.ts';
import { ledgerPages } from '../ledger/store.ts';
import { perBuild } from '../build/per-build.ts';

export const PEOPLE_FILE = 'content/people.yaml';
// Optional file: the glob is empty when it does not exist (and Vite watches it in dev).
const files = import.meta.glob<string>('/content/people.yaml', { query: '?raw', import: 'default', eager: true });

/** The checked entries of content/people.yaml ([] without the file); a bad file fails the build. */
export function peopleConfig(): PersonConfig[] {
  const text = files['/' + PEOPLE_FILE];
  return text === undefined ? [] : parsePeopleConfig(text, PEOPLE_FILE);
}

/** Sources as the people pages order them: by publication date (undated last), then id. */
async function sourceInputs(): Promise<SourceInput[]> {
  const sources = await getCollection('sources');
  return sources
    .sort((a, b) => (a.data.published ?? '9999').localeCompare(b.data.published ?? '9999') || a.id.localeCompare(b.id))
    .map((s) => ({ id: s.id, title: s.data.title, short: s.data.short, paragraphs: s.data.paragraphs }));
}

/** Everyone who speaks in the sources, with their statements and the theses that cite them. */
export const allPeople: () => Promise<Person[]> = perBuild(async () => {
  const citations = (await thesesWithCitations()).map(({ thesis, citations }) => ({ thesis: { slug: thesis.id, title: thesis.data.title }, citations }));
  return buildPeople(await sourceInputs(), peopleConfig(), citations);
});

/** Speaker name → canonical name, for source pages and the data export (same rules as the people pages). */
export const speakerResolver: () => Promise<(speaker: string) => string> = perBuild(async () => nameResolver(speakersOf(await sourceInputs()), peopleConfig()));

/**
 * People pages the anchor ledger knows that are no longer built for anyone (a
 * speaker merged into another in content/people.yaml, or gone from the
 * sources): each is still built, as a tombstone page that keeps every id it
 * published and links each to where that statement is now.
 */
export async function retiredPeople(): Promise<RetiredPage[]> {
  return retiredPeoplePages(ledgerPages('/people/'), await allPeople());
}
