/**
 * Who a speaker is: a person, a group, a body or an outlet, guessed from the
 * name (words of outlets, bodies, places and roles) unless the speech stage or
 * content/people.yaml says; and the sections of /people/ by type.
 */
import { PERSONAL_NAME, SINGLE_NAME } from './names.ts';

/** What kind of holder a speaker is (as the speech stage's `SpeechSpan.holder`). */
export type HolderType = 'person' | 'group' | 'body' | 'outlet';
export const HOLDER_TYPES: readonly HolderType[] = ['person', 'group', 'body', 'outlet'];
/** The label a page shows for each kind of holder ("Person", "Group", …). */
export const HOLDER_LABEL: Record<HolderType, string> = { person: 'Person', group: 'Group', body: 'Body', outlet: 'Outlet' };

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
