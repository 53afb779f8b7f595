/**
 * View models of the source and thesis pages: what the pages show, computed
 * here (tested in tests/models/page-models.test.ts) so that the pages only render.
 */

interface BlockLike {
  kind: string;
  role: string;
  anchor: string;
}

/** Labels of the furniture boxes on a source page, by block role. */
export const FURNITURE_LABEL: Readonly<Record<string, string>> = {
  header: 'Page header: headline, byline and date lines as printed',
  standfirst: 'Standfirst: the summary under the headline',
  byline: 'Byline: who wrote it',
  dateline: 'Dateline: where the report was filed',
  promo: 'Promotion box: newsletter, subscription, teasers (site furniture)',
  media: 'Video player or photo caption',
  credit: 'Credit line: photo credit, reporting and editing credits',
  'editor-note': 'Editor’s note added by the republishing site',
  'pull-quote': 'Pull quote: repeats words of the article',
  bio: 'Author bio',
  'link-list': 'Links and related stories (site furniture)',
  footer: 'Page footer: handle, credentials, disclaimer',
};

export interface BlockGroup<B> {
  kind: string;
  role: string;
  blocks: B[];
}

/** Consecutive blocks of the same kind (and, outside the article, the same role) form one group, in file order. */
export function groupBlocks<B extends BlockLike>(blocks: readonly B[]): BlockGroup<B>[] {
  const key = (b: { kind: string; role: string }) => (b.kind === 'article' ? 'article' : `${b.kind}:${b.role}`);
  const groups: BlockGroup<B>[] = [];
  for (const block of blocks) {
    const last = groups.at(-1);
    if (last && key(last) === key(block)) last.blocks.push(block);
    else groups.push({ kind: block.kind, role: block.role, blocks: [block] });
  }
  return groups;
}

/** How many article paragraphs (subheadings aside), furniture lines and comment lines a source has. */
export function blockCounts(blocks: readonly BlockLike[]): { article: number; furniture: number; comment: number } {
  return {
    article: blocks.filter((p) => p.kind === 'article' && p.role !== 'heading').length,
    furniture: blocks.filter((p) => p.kind === 'furniture').length,
    comment: blocks.filter((p) => p.kind === 'comment').length,
  };
}

/** Past this many blocks a source page renders lazily (content-visibility). */
export const LONG_SOURCE = 300;
export const isLongSource = (blocks: readonly unknown[]): boolean => blocks.length > LONG_SOURCE;

/**
 * The search page's source filter: every source as an option while they are
 * few; past SOURCE_OPTIONS none in the HTML (10,000 options weigh ~400 kB on
 * every visit to /search/), and the page fills the list from Pagefind's own
 * filter values when the reader opens it (src/scripts/search.ts).
 */
export const SOURCE_OPTIONS = 200;
export function sourceFilter(labels: readonly string[], max = SOURCE_OPTIONS): { options: string[]; onDemand: boolean } {
  const sorted = [...new Set(labels)].sort();
  return sorted.length <= max ? { options: sorted, onDemand: false } : { options: [], onDemand: true };
}

interface CitationLike {
  source: string;
  anchor: string;
}

/** Evidence on a thesis page: sources in order of first citation; paragraphs in source order, each with the citations of it. */
export function assembleEvidence<C extends CitationLike, S extends { data: { paragraphs: readonly BlockLike[] } }>(
  citations: readonly C[],
  sources: ReadonlyMap<string, S>,
): { id: string; source: S; paragraphs: { paragraph: S['data']['paragraphs'][number]; markers: C[] }[] }[] {
  return [...new Set(citations.map((c) => c.source))].map((id) => {
    const source = sources.get(id);
    if (!source) throw new Error(`a citation names source "${id}", which the sources collection does not have`);
    const cited = citations.filter((c) => c.source === id);
    const paragraphs = source.data.paragraphs
      .filter((p) => cited.some((c) => c.anchor === p.anchor))
      .map((paragraph) => ({ paragraph, markers: cited.filter((c) => c.anchor === paragraph.anchor) }));
    return { id, source, paragraphs };
  });
}

/** A thesis's place among all theses in home-page order (1-based, whatever the order values are), and the theses before and after it in home-page order (none at either end). */
export function thesisNeighbours<T extends { id: string; data: { order: number } }>(
  theses: readonly T[],
  id: string,
): { position: number; total: number; previous: T | undefined; next: T | undefined } {
  const ordered = [...theses].sort((a, b) => a.data.order - b.data.order);
  const i = ordered.findIndex((t) => t.id === id);
  return { position: i + 1, total: ordered.length, previous: i > 0 ? ordered[i - 1] : undefined, next: ordered[i + 1] };
}

export interface ContentsEntry {
  slug: string;
  text: string;
  children: { slug: string; text: string }[];
}

/** The page's contents: its sections (h2), each with its subsections (h3). */
export function thesisContents(headings: readonly { depth: number; slug: string; text: string }[]): ContentsEntry[] {
  const out: ContentsEntry[] = [];
  for (const h of headings) {
    if (h.depth === 2) out.push({ slug: h.slug, text: h.text, children: [] });
    else if (h.depth === 3 && out.length > 0) out.at(-1)!.children.push({ slug: h.slug, text: h.text });
  }
  return out;
}
