/**
 * The timeline as a build computes it once (src/models/timeline.ts is the logic;
 * this module gathers its inputs): the sources collection and its dated
 * mentions (as /data/events.json), the curated events of content/timeline.yaml
 * (checked: a problem fails here too), each derivative's alignment, and which
 * thesis cites which paragraph. Also the text-fragment link of each mention.
 */
import { getCollection } from 'astro:content';
import { eventRecords, type EventRecord } from '../models/data-export.ts';
import { speakerResolver } from './people-site.ts';
import { thesesWithCitations } from './citations.ts';
import { buildTimeline, type Timeline, type TimelineMention } from '../models/timeline.ts';
import { readCuratedTimeline, TimelineError } from '../integrations/timeline-check.ts';
import { counterpartOf } from '../pipeline/align-sources.ts';
import type { Alignment } from '../pipeline/align.ts';
import { sourceLabel, urls } from '../lib/urls.ts';
import { sourcePageBlocks } from '../models/citation-links.ts';
import { directiveFor, encodeDirective } from '../checks/text-fragments.ts';
import { perBuild } from '../build/per-build.ts';

/** Each source's dated mentions (the dates stage, run once per build for both the timeline and /data/events.json). */
const eventsBySource: () => Promise<Map<string, EventRecord[]>> = perBuild(async () => {
  const resolve = await speakerResolver();
  return new Map(
    (await getCollection('sources')).map((s) => [
      s.id,
      eventRecords([{ id: s.id, published: s.data.published, dateInferred: s.data.dateInferred, paragraphs: s.data.paragraphs }], resolve),
    ]),
  );
});

/** The dated mentions of the sources `ids`, in that order (paragraphs in file order, mentions in text order). */
export async function siteEvents(ids: readonly string[]): Promise<EventRecord[]> {
  const by = await eventsBySource();
  return ids.flatMap((id) => by.get(id) ?? []);
}

export const siteTimeline: () => Promise<Timeline> = perBuild(async () => {
  const sources = (await getCollection('sources')).sort(
    (a, b) => (a.data.published ?? '9999').localeCompare(b.data.published ?? '9999') || a.id.localeCompare(b.id),
  );
  const curated = readCuratedTimeline(process.cwd());
  if (curated.problems.length) throw new TimelineError(curated.problems);
  const alignments = sources.flatMap((s) => (s.data.alignment ? [s.data.alignment as unknown as Alignment] : []));
  const theses = await thesesWithCitations();
  return buildTimeline({
    sources: sources.map((s) => ({
      id: s.id,
      label: sourceLabel(s.data),
      title: s.data.title,
      author: s.data.author,
      outlet: s.data.outlet,
      published: s.data.published,
      dateKind: s.data.dateKind,
      dateInferred: s.data.dateInferred,
      derivedFrom: s.data.derivedFrom,
      derivation: s.data.derivation,
      paragraphs: s.data.paragraphs,
    })),
    events: await siteEvents(sources.map((s) => s.id)),
    curated: curated.events,
    counterpart: (derivative, anchor) => counterpartOf(alignments, derivative, anchor),
    citations: theses.flatMap(({ thesis, citations }) =>
      citations.map((c) => ({ thesis: thesis.id, source: c.source, anchor: c.anchor })),
    ),
  });
});

/** Each source page's text as built (title, paragraphs, "Cited in" sentences), for text directives. */
const sourcePages: () => Promise<Map<string, { texts: string[]; index: Map<string, number> }>> = perBuild(async () => {
  const all = await thesesWithCitations();
  const out = new Map<string, { texts: string[]; index: Map<string, number> }>();
  for (const s of await getCollection('sources')) {
    const blocks = sourcePageBlocks({ id: s.id, title: s.data.title, paragraphs: s.data.paragraphs }, all);
    out.set(s.id, {
      texts: blocks.map((b) => b.text),
      index: new Map(blocks.flatMap((b, i) => (b.id ? [[b.id, i] as const] : []))),
    });
  }
  return out;
});

/** The link of a mention: its paragraph, with a text directive for the event's words where one is unique on the page. */
export async function mentionHref(m: TimelineMention): Promise<string> {
  const href = urls.paragraph(m.source, m.anchor);
  const page = (await sourcePages()).get(m.source);
  const at = page?.index.get(m.anchor);
  const d =
    page && at !== undefined ? directiveFor(page.texts, at, m.eventStart, m.eventStart + m.event.length) : undefined;
  return d ? `${href}:~:${encodeDirective(d)}` : href;
}
