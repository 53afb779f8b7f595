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
 */
import { sourceLabel, urls } from './urls.ts';
import GithubSlugger from 'github-slugger';
import { isNode, LineCounter, parseDocument, YAMLParseError } from 'yaml';
import { checkPeopleAliases } from '../pipeline/check-people-aliases.ts';
import { z } from 'astro/zod';

// ---------------------------------------------------------------------------
// content/people.yaml

/** One entry of `content/people.yaml`. */
export interface PersonConfig {
  /** Canonical name, as the person pages show it. */
  name: string;
  /** Other names the sources use for the same person or body ("Putin", "the Russian president"). */
  aliases: string[];
  /** One line shown under the name. */
  description?: string | undefined;
  /** What kind of speaker this is, set by an editor; wins over the speech stage and the name rules (`holderTypeOf`). */
  type?: HolderType | undefined;
}

/** What kind of holder a speaker is (as the speech stage's `SpeechSpan.holder`). */
export type HolderType = 'person' | 'group' | 'body' | 'outlet';
export const HOLDER_TYPES: readonly HolderType[] = ['person', 'group', 'body', 'outlet'];
/** The label a page shows for each kind of holder ("Person", "Group", …). */
export const HOLDER_LABEL: Record<HolderType, string> = { person: 'Person', group: 'Group', body: 'Body', outlet: 'Outlet' };

const oneLine = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .max(200, `${what} must be at most 200 characters`)
    .regex(/^[^\r\n]*$/, `${what} must be one line`);

const entrySchema = z.strictObject({
  name: oneLine('name'),
  aliases: z.array(oneLine('an alias')).default([]),
  description: oneLine('description').optional(),
  type: z.enum(HOLDER_TYPES as [HolderType, ...HolderType[]], { error: `type must be one of ${HOLDER_TYPES.join(', ')}` }).optional(),
});

/** Lower-case, single spaces, straight apostrophes: how speaker names are compared. */
export const nameKey = (name: string): string => name.normalize('NFC').replace(/\s+/g, ' ').trim().replace(/[’‘]/g, "'").toLowerCase();

/**
 * Parses and checks `content/people.yaml` (a list of `{name, aliases?, description?, type?}`).
 * Throws one Error naming the file, the entry (number and name) and the field for every
 * problem: bad YAML, an unknown or invalid field; or, one line each
 * (`file:line:column  entry …  rule-id: message`), a name or alias that is a
 * pronoun, another person's, or used twice (src/pipeline/check-people-aliases.ts).
 */
export function parsePeopleConfig(yamlText: string, file: string): PersonConfig[] {
  let data: unknown;
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lines });
  try {
    if (doc.errors[0]) throw doc.errors[0];
    data = doc.toJS();
  } catch (err) {
    throw new Error(`${file}: is not valid YAML: ${err instanceof YAMLParseError ? err.message : String(err)}`, { cause: err });
  }
  const result = z.array(entrySchema).safeParse(data ?? []);
  if (!result.success) {
    const raw = Array.isArray(data) ? (data as unknown[]) : [];
    const problems = result.error.issues.map((i) => {
      const [index, field] = i.path;
      if (typeof index !== 'number') return `${file}: must be a list of entries ({name, aliases, description, type}): ${i.message}`;
      const name = (raw[index] as { name?: unknown } | undefined)?.name;
      const label = `entry ${index + 1}${typeof name === 'string' ? ` ("${name}")` : ''}`;
      return `${file}: ${label}${field === undefined ? '' : `, field "${String(field)}"`}: ${i.message}`;
    });
    throw new Error([...new Set(problems)].join('\n'));
  }
  // Names and aliases (src/pipeline/check-people-aliases.ts), each problem at its line and column.
  const problems = checkPeopleAliases(result.data).map((p) => {
    const node = doc.getIn(p.alias === undefined ? [p.entry, 'name'] : [p.entry, 'aliases', p.alias], true);
    const at = isNode(node) && node.range ? lines.linePos(node.range[0]) : undefined;
    return `${file}:${at?.line ?? '?'}:${at?.col ?? '?'}  ${p.label}  ${p.rule}: ${p.message}`;
  });
  if (problems.length) throw new Error(problems.join('\n'));
  return result.data.map((e) => ({ name: e.name, aliases: e.aliases, description: e.description, ...(e.type ? { type: e.type } : {}) }));
}

// ---------------------------------------------------------------------------
// Name resolution

/** A name that looks like a personal name: 2–4 words, each capitalised ("Vladimir Putin"). */
const PERSONAL_NAME = /^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){1,3}$/u;
const SINGLE_NAME = /^\p{Lu}[\p{L}'’.-]*$/u;

/**
 * Resolver from speaker names as written to canonical names, for one corpus
 * (`speakers`: every speaker name that occurs). See the module doc for the order of rules.
 */
export function nameResolver(speakers: readonly string[], config: readonly PersonConfig[] = []): (speaker: string) => string {
  const configured = new Map<string, string>();
  for (const e of config) for (const n of [e.name, ...e.aliases]) configured.set(nameKey(n), e.name);

  // The written form of each unconfigured name: the most frequent spelling (first seen on a tie).
  const tally = new Map<string, Map<string, number>>();
  for (const raw of speakers) {
    const s = raw.replace(/\s+/g, ' ').trim();
    if (!s || configured.has(nameKey(s))) continue;
    const forms = tally.get(nameKey(s)) ?? new Map<string, number>();
    forms.set(s, (forms.get(s) ?? 0) + 1);
    tally.set(nameKey(s), forms);
  }
  const written = new Map<string, string>();
  for (const [k, forms] of tally) written.set(k, [...forms].reduce((a, b) => (b[1] > a[1] ? b : a))[0]);

  // Full personal names by their last word, for lone surnames.
  const canonical = [...new Set([...config.map((e) => e.name), ...written.values()])];
  const byLast = new Map<string, Set<string>>();
  for (const name of canonical) {
    if (!PERSONAL_NAME.test(name)) continue;
    const last = name.split(' ').at(-1)!;
    byLast.set(last, (byLast.get(last) ?? new Set()).add(name));
  }

  return (speaker: string) => {
    const s = speaker.replace(/\s+/g, ' ').trim();
    const k = nameKey(s);
    const fromConfig = configured.get(k);
    if (fromConfig) return fromConfig;
    const form = written.get(k) ?? s;
    if (SINGLE_NAME.test(form)) {
      const full = byLast.get(form);
      if (full?.size === 1) return [...full][0]!;
    }
    return form;
  };
}

// ---------------------------------------------------------------------------
// Kinds of holder

/** News organisations, by name (compared lower case, a leading "the" dropped). */
const OUTLETS = new Set(
  [
    'cnn', 'bbc', 'politico', 'reuters', 'ap', 'afp', 'associated press', 'agence france-presse', 'bloomberg', 'axios', 'npr', 'nbc', 'abc', 'cbs', 'fox news',
    'msnbc', 'al jazeera', 'guardian', 'economist', 'new york times', 'washington post', 'wall street journal', 'financial times', 'times', 'telegraph',
    'tass', 'ria novosti', 'interfax', 'kommersant', 'meduza', 'novaya gazeta', 'rt', 'sputnik', 'le monde', 'der spiegel', 'spiegel', 'kyiv independent',
  ],
);
/** Last words that make a capitalised name an outlet ("Fox News", "The Moscow Times"). */
const OUTLET_WORDS = /\b(?:news|times|post|journal|gazette|gazeta|herald|tribune|telegraph|press|radio|tv|television|magazine|newspaper|agency)$/i;
/** Words that make a name a body wherever they occur: a government, an institution ("the Kremlin", "Joint Chiefs", "the Institute for the Study of War"). */
const BODY_WORDS =
  /\b(?:kremlin|government|ministry|department|council|parliament|duma|senate|congress|commission|institute|institution|services|office|army|military|forces|chiefs|pentagon|white house|nato|united nations|european union|embassy|committee|court|administration|party|bank|university|foundation|fund|cent(?:re|er)|company|corporation)\b/i;
/** States and capitals standing for their governments: the whole name (a leading "the" dropped). */
const PLACES = new Set(['russia', 'ukraine', 'china', 'america', 'united states', 'us', 'usa', 'uk', 'britain', 'great britain', 'united kingdom', 'france', 'germany', 'poland', 'belarus', 'georgia', 'moscow', 'kyiv', 'kiev', 'washington', 'beijing', 'west', 'europe', 'eu']);
/** Nouns for several people ("officials", "intelligence analysts", "Russians"): a group. */
const GROUP_WORDS =
  /\b(?:officials|experts|analysts|aides|diplomats|leaders|sources|observers|critics|people|residents|citizens|voters|soldiers|troops|lawmakers|politicians|commentators|economists|historians|scholars|researchers|journalists|reporters|insiders|allies|elites?|circle|polls?|surveys?|countries|nations|governments|[\p{L}]+ians|[\p{L}]+ese)$/iu;
/** Singular nouns for one person ("the Russian president", "a Kremlin spokesman"). */
const ROLE_WORDS = /\b(?:president|minister|spokes(?:man|woman|person)|official|analyst|expert|leader|chief|adviser|advisor|ambassador|general|director|professor|secretary|chancellor|premier|envoy|diplomat|commander|head|author|writer|journalist|historian)$/i;

/**
 * What kind of holder a name is, from its words alone: the fallback when
 * neither content/people.yaml nor the speech stage says. Several people joined
 * ("Putin and his aides") and plural nouns ("experts", "Russians") are a group;
 * outlets and bodies by name or head word; a name written as a personal name
 * ("Vladimir Putin", "Biden") or a singular role ("the Russian president") is
 * a person; anything else that starts lower case is a group, never a person.
 */
export function holderFromName(name: string): HolderType {
  const n = name.replace(/\s+/g, ' ').trim().replace(/[’‘]/g, "'");
  const bare = n.replace(/^the /i, '');
  const lower = bare.toLowerCase();
  if (OUTLETS.has(lower)) return 'outlet';
  if (/ (?:and|&) |, /.test(bare)) return 'group';
  if (GROUP_WORDS.test(bare)) return 'group';
  if (PLACES.has(lower)) return 'body';
  if (ROLE_WORDS.test(bare)) return 'person';
  if (BODY_WORDS.test(bare)) return 'body';
  if (/^\p{Lu}/u.test(bare) && OUTLET_WORDS.test(bare)) return 'outlet';
  if (/^\p{Lu}{2,}$/u.test(bare)) return 'body'; // an acronym: NATO, OSCE
  if (PERSONAL_NAME.test(n) || SINGLE_NAME.test(n)) return 'person';
  if (/^\p{Ll}/u.test(bare) || /s$/.test(bare)) return 'group';
  return 'person';
}

/**
 * The kind of holder a canonical name is: content/people.yaml's `type` when set;
 * else what the speech stage says of its spans (`holder`, the most frequent),
 * except that a name the name rules call a group is never a person; else the
 * name rules (`holderFromName`).
 */
export function holderTypeOf(name: string, fromSpans: readonly (HolderType | undefined)[], configured?: HolderType): HolderType {
  if (configured) return configured;
  const byName = holderFromName(name);
  const tally = new Map<HolderType, number>();
  for (const h of fromSpans) if (h) tally.set(h, (tally.get(h) ?? 0) + 1);
  const best = [...tally].sort((a, b) => b[1] - a[1] || HOLDER_TYPES.indexOf(a[0]) - HOLDER_TYPES.indexOf(b[0]))[0]?.[0];
  if (!best) return byName;
  return best === 'person' && byName === 'group' ? 'group' : best;
}

/**
 * Slugs for canonical names: github-slugger of the name without diacritics (Zelenskyy, Kottasova: an
 * address a reader can type and share as is), in sorted order so that they are stable; never empty.
 */
export function personSlugs(names: readonly string[]): Map<string, string> {
  const slugger = new GithubSlugger();
  const out = new Map<string, string>();
  for (const name of [...new Set(names)].sort(compareNames)) {
    const base = slugger.slug(name.normalize('NFKD').replace(/[\u0300-\u036f]/gu, ''));
    out.set(name, base.replace(/^-+|-+$/g, '') ? base : slugger.slug('person'));
  }
  return out;
}

/** Sort key for names: case-insensitive, a leading "the" ignored ("the Kremlin" sorts under K). */
export const nameSortKey = (name: string): string => nameKey(name).replace(/^the /, '');
const compareNames = (a: string, b: string): number => nameSortKey(a).localeCompare(nameSortKey(b), 'en') || a.localeCompare(b, 'en');

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

/** The sections of /people/: people first, then groups, bodies and outlets, each under its own heading (empty ones left out). */
export const PEOPLE_SECTIONS: readonly { type: HolderType; heading: string }[] = [
  { type: 'person', heading: 'People' },
  { type: 'group', heading: 'Groups of people' },
  { type: 'body', heading: 'Bodies: states, governments, institutions' },
  { type: 'outlet', heading: 'News outlets' },
];

export function peopleSections<P extends { type: HolderType }>(people: readonly P[]): { type: HolderType; heading: string; people: P[] }[] {
  return PEOPLE_SECTIONS.map((s) => ({ ...s, people: people.filter((p) => p.type === s.type) })).filter((s) => s.people.length > 0);
}

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
