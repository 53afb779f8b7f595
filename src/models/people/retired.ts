/**
 * People pages the anchor ledger still knows but the build no longer makes
 * for anyone (a speaker merged into another, or gone from the sources): each
 * is kept as a tombstone that links every id it published to where it is now.
 */
import { urls } from '../../lib/urls.ts';
import { compareNames } from './names.ts';
import type { Person } from '../people.ts';

// ---------------------------------------------------------------------------
// People pages that are gone

/** A people page the anchor ledger lists that no person has any more (see `retiredPeoplePages`). */
export interface RetiredPage {
  slug: string;
  /** `/people/<slug>/` */
  page: string;
  /** The page that now holds most of its statements, if any. */
  successor: { slug: string; name: string; label: string } | null;
  /** Why, as "… because <reason>" reads (recorded in the ledger when first retired). */
  reason: string;
  /** Each id it published → where it leads now (a statement on another page, a source, or the successor page). */
  targets: Map<string, string>;
}

/**
 * The people pages in `ledger` (page path → ids it published) that `people`
 * no longer builds. Each one's successor is the page that now shows the most
 * of its statement ids; each id leads to the same id on whichever page has it,
 * a source section id (`from-<source>`) to the successor's section or the
 * source page, anything else to the successor page (else the people index).
 */
export function retiredPeoplePages(ledger: ReadonlyMap<string, readonly string[]>, people: readonly Person[]): RetiredPage[] {
  const live = new Set(people.map((p) => p.slug));
  const where = new Map<string, Person>();
  for (const p of people) for (const src of p.sources) for (const st of src.statements) if (!where.has(st.id)) where.set(st.id, p);
  const out: RetiredPage[] = [];
  for (const [page, ids] of [...ledger].sort(([a], [b]) => a.localeCompare(b))) {
    const m = /^\/people\/([^/]+)\/$/.exec(page);
    if (!m || live.has(m[1]!)) continue;
    const votes = new Map<Person, number>();
    for (const id of ids) {
      const p = where.get(id);
      if (p) votes.set(p, (votes.get(p) ?? 0) + 1);
    }
    const best = [...votes].sort((a, b) => b[1] - a[1] || compareNames(a[0].name, b[0].name))[0]?.[0];
    const targets = new Map<string, string>();
    for (const id of ids) {
      const p = where.get(id);
      const fromSource = /^from-(.+)$/.exec(id)?.[1];
      if (p) targets.set(id, urls.person(p.slug, id));
      else if (fromSource && best?.sources.some((s) => s.id === fromSource)) targets.set(id, urls.person(best.slug, id));
      else if (fromSource) targets.set(id, urls.source(fromSource));
      else targets.set(id, best ? urls.person(best.slug) : urls.people());
    }
    out.push({
      slug: m[1]!,
      page,
      successor: best ? { slug: best.slug, name: best.name, label: best.label } : null,
      reason: best ? `its statements are now listed under “${best.name}”` : 'the sources no longer name this speaker',
      targets,
    });
  }
  return out;
}
