/**
 * "Did you mean …?" for a search with no results: the index's own vocabulary
 * (the words of every indexed text, as Pagefind's fragments hold them, so
 * nothing the search cannot find), written once per build as
 * /pagefind/vocabulary.json and fetched by the search page only when a query
 * finds nothing. Pure functions: the build makes the list, the browser picks
 * the nearest word.
 */

/** Words of at least four letters, most frequent first, each in its most common spelling. */
export function vocabularyOf(texts: Iterable<string>): string[] {
  const counts = new Map<string, Map<string, number>>();
  for (const text of texts) {
    for (const word of text.match(/\p{L}{4,}(?:['’]\p{L}+)?/gu) ?? []) {
      const key = word.toLowerCase();
      const forms = counts.get(key) ?? new Map<string, number>();
      forms.set(word, (forms.get(word) ?? 0) + 1);
      counts.set(key, forms);
    }
  }
  return [...counts.values()]
    .map((forms) => {
      const [form] = [...forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
      return { form, n: [...forms.values()].reduce((a, b) => a + b, 0) };
    })
    .sort((a, b) => b.n - a.n || (a.form.toLowerCase() < b.form.toLowerCase() ? -1 : 1))
    .map((w) => w.form);
}

/** Edit distance (insertions, deletions, substitutions, and swaps of neighbours), stopping above `max`. */
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The query with each word the vocabulary lacks replaced by its nearest word
 * (one edit for words of up to five letters, two above; the more frequent
 * wins a tie), or undefined when there is nothing to suggest.
 */
export function suggest(query: string, vocabulary: readonly string[]): string | undefined {
  const known = new Set(vocabulary.map((w) => w.toLowerCase()));
  let changed = false;
  const out = query.replace(/\p{L}+(?:['’]\p{L}+)?/gu, (word) => {
    const lower = word.toLowerCase();
    if (lower.length < 4 || known.has(lower)) return word;
    const max = lower.length <= 5 ? 1 : 2;
    let best: string | undefined;
    let bestD = max + 1;
    for (const w of vocabulary) {
      // Only a word nearer than the best so far matters: the distance may stop above that.
      const d = distance(lower, w.toLowerCase(), bestD - 1);
      if (d < bestD) {
        best = w;
        bestD = d;
        if (d === 1) break;
      }
    }
    if (!best) return word;
    changed = true;
    return best;
  });
  return changed ? out : undefined;
}
