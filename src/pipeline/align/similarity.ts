/**
 * tf-idf cosine similarity between sentences through an inverted index:
 * only original sentences that share a term with a query are ever scored.
 *
 * Cost: building is linear in the number of terms; one query costs the sum
 * of the posting-list lengths of its terms (at most the number of original
 * sentences per term), so aligning n derivative sentences against m original
 * ones is O(n · t · p) with t terms per sentence and p the mean posting length,
 * far below n · m edit distances, and no pair of long texts is ever diffed.
 */

/** A sparse, L2-normalised tf-idf vector. */
export type TermVector = Map<string, number>;

export interface TfIdf {
  /** Vector of a bag of terms under this collection's idf. */
  vector(terms: readonly string[]): TermVector;
}

/** idf = ln(1 + N / df) over `documents` (each a bag of terms); unseen terms get the largest idf. */
export function tfIdf(documents: readonly (readonly string[])[]): TfIdf {
  const df = new Map<string, number>();
  for (const doc of documents) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(documents.length, 1);
  const idf = (t: string) => Math.log(1 + n / (df.get(t) ?? 1));
  return {
    vector(terms) {
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      const v: TermVector = new Map();
      let norm = 0;
      for (const [t, c] of tf) {
        const w = (1 + Math.log(c)) * idf(t);
        v.set(t, w);
        norm += w * w;
      }
      norm = Math.sqrt(norm);
      if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
      return v;
    },
  };
}

/** Cosine of two normalised vectors. */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, w] of small) s += w * (large.get(t) ?? 0);
  return s;
}

export interface Scored {
  /** Index of the document in the indexed collection. */
  doc: number;
  score: number;
}

/** An inverted index over a collection of vectors. */
export class InvertedIndex {
  private readonly postings = new Map<string, { doc: number; weight: number }[]>();

  constructor(vectors: readonly TermVector[]) {
    vectors.forEach((v, doc) => {
      for (const [t, weight] of v) {
        let list = this.postings.get(t);
        if (!list) this.postings.set(t, (list = []));
        list.push({ doc, weight });
      }
    });
  }

  /** Every indexed document sharing a term with `query`, by descending cosine. */
  query(query: TermVector): Scored[] {
    const acc = new Map<number, number>();
    for (const [t, w] of query) {
      for (const p of this.postings.get(t) ?? []) acc.set(p.doc, (acc.get(p.doc) ?? 0) + w * p.weight);
    }
    return [...acc].map(([doc, score]) => ({ doc, score })).sort((a, b) => b.score - a.score || a.doc - b.doc);
  }
}
