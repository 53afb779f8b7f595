/** What kind of text a source is, in words a reader understands, from its manifest entry. */

const GENRE: Record<string, string> = {
  'news-analysis': 'News analysis',
  opinion: 'Opinion essay',
  essay: 'Essay',
  news: 'News report',
  other: 'Text',
};

interface EntryLike {
  id: string;
  title: string;
  genre?: string | undefined;
  derivation?: string | undefined;
  derivedFrom?: string | undefined;
}

/**
 * "Opinion essay"; "News analysis: an anonymous rewrite of “<title>”"; "Essay:
 * a republication (its original is not among these sources)".
 */
export function describeKind(entry: EntryLike, byId: ReadonlyMap<string, EntryLike>): string {
  const genre = entry.genre ? GENRE[entry.genre] ?? entry.genre : 'Text';
  if (!entry.derivation) return genre;
  const original = entry.derivedFrom ? byId.get(entry.derivedFrom) : undefined;
  const what = `a ${entry.derivation}`;
  return original
    ? `${genre}: ${what} of “${original.title}”`
    : `${genre}: ${what} (its original is not among these sources)`;
}
