/**
 * Questions asked of a built timeline (src/models/timeline.ts): the entries a
 * thesis cites, an entry's short label, and the one entry a date in a
 * thesis's own words refers to.
 */
import type { TimelineEntry, Timeline } from '../timeline.ts';

/**
 * At most `max` entries of a thesis for its short timeline: those citing one of
 * its paragraphs, by date, preferring titled and multi-source entries when
 * there are more.
 */
export function thesisTimeline(timeline: Timeline, thesis: string, max = 8): TimelineEntry[] {
  const mine = timeline.entries.filter((e) => e.theses.includes(thesis));
  if (mine.length <= max) return mine;
  const rank = (e: TimelineEntry) => (e.title ? 4 : 0) + Math.min(e.sourceCount, 3) + (e.mentions.some((m) => m.explicit) ? 1 : 0);
  const keep = new Set([...mine].sort((a, b) => rank(b) - rank(a) || a.date.localeCompare(b.date)).slice(0, max));
  return mine.filter((e) => keep.has(e));
}

/**
 * A short label of an entry: its title, else the words of its lead event that
 * lead up to the date, at most `words` of them ("… what Saddam Hussein did in 1990").
 */
export function entryLabel(e: TimelineEntry, words = 8): string {
  if (e.title) return e.title;
  const m = e.mentions[0];
  if (!m) return '';
  const end = Math.min(m.event.length, Math.max(0, m.offset - m.eventStart) + m.words.length);
  const parts = m.event.slice(0, end).split(/\s+/).filter(Boolean);
  const cut = parts.length > words;
  return `${cut ? '… ' : ''}${parts.slice(-words).join(' ')}`;
}

/** A date a thesis sentence gives, and the paragraphs that sentence (or, failing that, its paragraph) cites. */
export interface ProseDate {
  /** ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD). */
  date: string;
  /** `source#anchor` of each cited paragraph. */
  cites: readonly string[];
}

/**
 * The timeline entry a dated thesis claim refers to, or undefined when none
 * or more than one fits (the date is then left unlinked, never guessed). An
 * entry fits when one of its mentions (derivatives folded in) is in a cited
 * paragraph and gives the same date, or a more precise date within it (the
 * thesis says "2014", the source "February 2014"); a cited source's own
 * publication fits the same way ("in December 2021 Trenin argued"). Equal
 * dates win over more precise ones; when both a cited source's publication
 * and an event of its paragraph fit ("Trenin (December 2021) wrote that …"
 * where the paragraph also names December 2021), the words could mean either,
 * and the date stays unlinked.
 */
export function entryForProseDate(timeline: Timeline, prose: ProseDate): TimelineEntry | undefined {
  const cited = new Set(prose.cites);
  const sources = new Set(prose.cites.map((c) => c.slice(0, c.indexOf('#'))));
  const fit = (date: string | null): 0 | 1 | 2 => (date === prose.date ? 2 : date?.startsWith(`${prose.date}-`) ? 1 : 0);
  const tiers: [TimelineEntry[], TimelineEntry[]] = [[], []];
  let published = false;
  let events = false;
  for (const e of timeline.entries) {
    let best = 0;
    if (e.kind === 'published') best = e.source && sources.has(e.source) ? fit(e.date) : 0;
    else for (const m of [...e.mentions, ...e.folded]) if (cited.has(`${m.source}#${m.anchor}`)) best = Math.max(best, fit(m.date));
    if (!best) continue;
    tiers[2 - best]!.push(e);
    if (e.kind === 'published') published = true;
    else events = true;
  }
  if (published && events) return undefined;
  for (const tier of tiers) if (tier.length) return tier.length === 1 ? tier[0] : undefined;
  return undefined;
}
