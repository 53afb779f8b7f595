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
 * a republication (its original is not among these sources)". `inline`: for use
 * inside a sentence ("opinion essay"), titles untouched.
 */
export function describeKind(entry: EntryLike, byId: ReadonlyMap<string, EntryLike>, options: { inline?: boolean } = {}): string {
  const label = entry.genre ? GENRE[entry.genre] ?? entry.genre : 'Text';
  // Inside a sentence the kind starts in lower case; titles keep theirs exactly as printed.
  const genre = options.inline ? label.charAt(0).toLowerCase() + label.slice(1) : label;
  if (!entry.derivation) return genre;
  const original = entry.derivedFrom ? byId.get(entry.derivedFrom) : undefined;
  const what = `a ${entry.derivation}`;
  return original
    ? `${genre}: ${what} of “${original.title}”`
    : `${genre}: ${what} (its original is not among these sources)`;
}
