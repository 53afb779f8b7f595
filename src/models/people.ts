/**
 * People and bodies who speak in the sources: the view model of `/people/`
 * and `/people/<slug>/`. Pure (the pages pass in the sources, the optional
 * `content/people.yaml` and the thesis citations).
 *
 * - Every `direct` or `reported` speech span with a speaker counts; narration
 *   and scare quotes do not, nor quotations whose speaker was not found.
 * - A speaker name is resolved to one canonical name: a `content/people.yaml`
 *   name or alias (case-insensitive), else a lone surname ("Putin") becomes the
 *   one multi-word personal name in the corpus that ends with it ("Vladimir
 *   Putin") when exactly one does, else the name as the sources write it
 *   (spellings that differ only in case are one person). A new source with new
 *   speakers needs no entry in the file.
 * - One statement is the spans of one speaker in one paragraph that share a
 *   statement number, or follow each other with nothing between when one of
 *   them has no statement number (else one span is one statement); whitespace-only pieces are ignored; its text is the verbatim
 *   slice of the paragraph from the first to the last of those spans (so it may
 *   contain another speaker's quotation that the statement reports).
 * - A thesis cites a statement when one of its citations names the same
 *   paragraph and the cited words overlap the statement's characters; if the
 *   cited words cannot be located in the paragraph text, the paragraph counts.
 * - Slugs: github-slugger of the canonical name, assigned in sorted name order
 *   (so the same set of people always gets the same slugs).
 *
 * This module builds the people and their statements; ./people/ holds the
 * rest by concern: config.ts (content/people.yaml), names.ts (canonical names,
 * sort keys, slugs), holders.ts (person, group, body or outlet) and
 * retired.ts (tombstone pages).
 */
import { sourceLabel, urls } from '../lib/urls.ts';
import { nameResolver, personSlugs, compareNames } from './people/names.ts';
import { type HolderType, HOLDER_LABEL, holderTypeOf } from './people/holders.ts';
import type { PersonConfig } from './people/config.ts';


// The parts, by concern (imported from here, as before): content/people.yaml, names, kinds of holder, retired pages.
export { type PersonConfig, parsePeopleConfig } from './people/config.ts';
export { nameKey, nameResolver, personSlugs, nameSortKey } from './people/names.ts';
export { type HolderType, HOLDER_TYPES, HOLDER_LABEL, holderFromName, holderTypeOf, PEOPLE_SECTIONS, peopleSections } from './people/holders.ts';
export { type RetiredPage, retiredPeoplePages } from './people/retired.ts';

// ---------------------------------------------------------------------------
// Statements and people

export interface SpanInput {
  kind: 'direct' | 'reported' | 'narration' | 'scare';
  speaker: string | null;
  cue: string | null;
  start: number;
  end: number;
  statement?: number | undefined;
  corrected?: boolean | undefined;
  /** What kind of holder the speaker is (the speech stage); unknown when absent. */
  holder?: HolderType | undefined;
  /** The speaker is the speech stage's inference; `evidence` says why. */
  inferred?: boolean | undefined;
  evidence?: string | undefined;
}

export interface SourceInput {
  id: string;
  title: string;
  /** Citation label ("Trenin"); the title when absent. */
  short?: string | undefined;
  paragraphs: { kind: string; role: string; anchor: string; n: number; text: string; spans?: readonly SpanInput[] | undefined }[];
}

export interface CitationInput {
  thesis: { slug: string; title: string };
  citations: { source: string; anchor: string; id: string; exact: string }[];
}

/** A thesis page that cites a statement, with the ids of its citation markers. */
export interface CitingThesis {
  slug: string;
  title: string;
  ids: string[];
}

export interface Statement {
  /** Element id on the person page (stable: source, paragraph anchor, offset). */
  id: string;
  source: string;
  anchor: string;
  /** ¶ number (article paragraphs), as the source page shows it. */
  n: number;
  heading: boolean;
  /** `/sources/<source>/#<anchor>` */
  href: string;
  /** `direct` when every piece is a quotation; `reported` when any piece is reported speech. */
  kind: 'direct' | 'reported';
  /** Verbatim: paragraph text [start, end). */
  text: string;
  start: number;
  end: number;
  /** The speaker as this source names them. */
  speakerAsWritten: string;
  cue: string | null;
  corrected: boolean;
  /** The speaker is inferred (by the speech stage), not named by the text here: shown as such, never as certain. */
  inferred: boolean;
  /** Why, when inferred ("continues Anna Smith's quotation"); null when the stage gave no reason. */
  evidence: string | null;
  citedBy: CitingThesis[];
}

export interface PersonSource {
  id: string;
  title: string;
  short: string;
  statements: Statement[];
}

export interface Person {
  slug: string;
  name: string;
  /** Person, group, body or outlet (`holderTypeOf`). */
  type: HolderType;
  /** "Person", "Group", "Body" or "Outlet": how the pages head it. */
  label: string;
  description: string | null;
  /** Every other name the sources use for this person, sorted. */
  otherNames: string[];
  /** Number of statements (all sources). */
  count: number;
  direct: number;
  reported: number;
  sources: PersonSource[];
  /** A search result of its own (see SEARCHABLE_MIN_SOURCES); every person has a page either way. */
  searchable: boolean;
}

/**
 * A person page is a search result when content/people.yaml lists the person
 * or the person speaks in at least this many sources: there the page gathers
 * what no single result shows. A speaker of one source is found through that
 * source's paragraphs, which are results themselves. Every indexed page costs
 * every first search about 8 bytes (Pagefind lists each page in the metadata
 * it loads first), and speakers grow with the corpus (about five a source).
 */
export const SEARCHABLE_MIN_SOURCES = 2;

/** Places in `text` where `words` occur (all of them). */
function occurrences(text: string, words: string): [number, number][] {
  const out: [number, number][] = [];
  if (!words) return out;
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) out.push([at, at + words.length]);
  return out;
}

function citingTheses(all: readonly CitationInput[], source: string, anchor: string, text: string, start: number, end: number): CitingThesis[] {
  const out: CitingThesis[] = [];
  for (const { thesis, citations } of all) {
    const ids: string[] = [];
    for (const c of citations) {
      if (c.source !== source || c.anchor !== anchor) continue;
      const places = occurrences(text, c.exact);
      if (places.length === 0 || places.some(([s, e]) => s < end && e > start)) ids.push(c.id);
    }
    if (ids.length) out.push({ slug: thesis.slug, title: thesis.title, ids });
  }
  return out;
}

/** Every speaker name of a direct or reported span, as written, once per span (the input of `nameResolver`). */
export function speakersOf(sources: readonly { paragraphs: { spans?: readonly SpanInput[] | undefined }[] }[]): string[] {
  const out: string[] = [];
  for (const s of sources) for (const p of s.paragraphs) for (const sp of p.spans ?? []) if ((sp.kind === 'direct' || sp.kind === 'reported') && sp.speaker) out.push(sp.speaker);
  return out;
}

/**
 * Everyone who speaks in `sources` (direct or reported), sorted by name, each
 * with their statements grouped by source (sources in the given order,
 * statements in text order).
 */
export function buildPeople(sources: readonly SourceInput[], config: readonly PersonConfig[] = [], citations: readonly CitationInput[] = []): Person[] {
  const resolve = nameResolver(speakersOf(sources), config);
  const described = new Map(config.map((e) => [e.name, e.description ?? null]));
  const listed = new Set(config.map((e) => e.name));

  const configuredType = new Map(config.flatMap((e) => (e.type ? [[e.name, e.type] as const] : [])));

  const people = new Map<string, { names: Set<string>; holders: (HolderType | undefined)[]; sources: Map<string, PersonSource> }>();
  for (const source of sources) {
    for (const p of source.paragraphs) {
      const groups: { person: string; spans: SpanInput[] }[] = [];
      const byStatement = new Map<string, { person: string; spans: SpanInput[] }>();
      let previous: { person: string; end: number; key: string | undefined; group: { person: string; spans: SpanInput[] } } | undefined;
      for (const sp of [...(p.spans ?? [])].sort((a, b) => a.start - b.start)) {
        if ((sp.kind !== 'direct' && sp.kind !== 'reported') || !sp.speaker) {
          previous = undefined;
          continue;
        }
        if (!(sp.start >= 0 && sp.end <= p.text.length && sp.start < sp.end) || !/\S/u.test(p.text.slice(sp.start, sp.end))) continue;
        const person = resolve(sp.speaker);
        const key = sp.statement === undefined ? undefined : `${person}\u0000${sp.statement}`;
        // Same statement number, or touching the previous piece of the same speaker: one statement.
        let group = key === undefined ? undefined : byStatement.get(key);
        if (!group && previous && previous.person === person && previous.end === sp.start && (key === undefined || previous.key === undefined)) group = previous.group;
        if (!group) groups.push((group = { person, spans: [] }));
        group.spans.push(sp);
        if (key !== undefined) byStatement.set(key, group);
        previous = { person, end: sp.end, key, group };
      }
      for (const { person, spans } of groups) {
        const start = Math.min(...spans.map((s) => s.start));
        const end = Math.max(...spans.map((s) => s.end));
        const entry = people.get(person) ?? { names: new Set<string>(), holders: [], sources: new Map<string, PersonSource>() };
        people.set(person, entry);
        for (const s of spans) entry.holders.push(s.holder);
        const inferredSpan = spans.find((s) => s.inferred === true);
        const written = spans[0]!.speaker!;
        entry.names.add(written);
        let ps = entry.sources.get(source.id);
        if (!ps) entry.sources.set(source.id, (ps = { id: source.id, title: source.title, short: sourceLabel(source), statements: [] }));
        ps.statements.push({
          id: `${source.id}--${p.anchor}-${start}`,
          source: source.id,
          anchor: p.anchor,
          n: p.n,
          heading: p.role === 'heading',
          href: urls.paragraph(source.id, p.anchor),
          kind: spans.some((s) => s.kind === 'reported') ? 'reported' : 'direct',
          text: p.text.slice(start, end),
          start,
          end,
          speakerAsWritten: written,
          cue: spans.find((s) => s.cue)?.cue ?? null,
          corrected: spans.some((s) => s.corrected === true),
          inferred: inferredSpan !== undefined,
          evidence: inferredSpan?.evidence?.trim() || null,
          citedBy: citingTheses(citations, source.id, p.anchor, p.text, start, end),
        });
      }
    }
  }

  const slugs = personSlugs([...people.keys()]);
  const sourceOrder = new Map(sources.map((s, i) => [s.id, i]));
  return [...people]
    .sort(([a], [b]) => compareNames(a, b))
    .map(([name, { names, holders, sources: bySource }]) => {
      const list = [...bySource.values()].sort((a, b) => sourceOrder.get(a.id)! - sourceOrder.get(b.id)!);
      const all = list.flatMap((s) => s.statements);
      const type = holderTypeOf(name, holders, configuredType.get(name));
      return {
        slug: slugs.get(name)!,
        name,
        type,
        label: HOLDER_LABEL[type],
        description: described.get(name) ?? null,
        otherNames: [...names].filter((n) => n !== name).sort(compareNames),
        count: all.length,
        direct: all.filter((s) => s.kind === 'direct').length,
        reported: all.filter((s) => s.kind === 'reported').length,
        sources: list,
        searchable: listed.has(name) || list.length >= SEARCHABLE_MIN_SOURCES,
      };
    });
}