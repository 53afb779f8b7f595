/**
 * Values a build computes once and every page shares (the theses with their
 * citations, the sources corpus, the timeline, the people): made on first use
 * and kept for the rest of the build. In dev they are made again on each use,
 * as content changes while the server runs.
 */
export function perBuild<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => {
    if (import.meta.env.DEV) return make();
    return (made ??= make());
  };
}
