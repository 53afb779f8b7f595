/**
 * The public data files under /data/ (documented in the README, "Data"):
 * what the build knows about the sources, as plain JSON lists.
 */

/** One block of one source, as `dist/data/paragraphs.json` lists it. */
export interface ParagraphRecord {
  source: string;
  anchor: string;
  /** Number within its kind (¶n for article paragraphs, Fn furniture, Cn comments); null if unnumbered. */
  n: number | null;
  kind: 'article' | 'furniture' | 'comment';
  role: string;
  /** 1-based line of the seed file where the block starts. */
  line: number;
  /** The text exactly as shown on the source page. */
  text: string;
}

interface SourceLike {
  id: string;
  paragraphs: { anchor: string; n?: number | null | undefined; kind: ParagraphRecord['kind']; role: string; line: number; text: string }[];
}

/** Every block of every source, sources in the given order, blocks in file order. */
export function paragraphRecords(sources: SourceLike[]): ParagraphRecord[] {
  return sources.flatMap((s) =>
    s.paragraphs.map((p) => ({ source: s.id, anchor: p.anchor, n: p.n ?? null, kind: p.kind, role: p.role, line: p.line, text: p.text })),
  );
}

/** JSON as served: stable key order from the records, one trailing newline. */
export const toJson = (value: unknown): string => `${JSON.stringify(value, null, 1)}\n`;
