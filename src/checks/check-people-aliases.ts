/**
 * Checks the names and aliases of `content/people.yaml`: an alias renames a
 * speaker everywhere (people pages, and what a thesis's `by` may name), so a
 * bad one gives one person's words to another, or to whoever a pronoun stands
 * for. Pure; `parsePeopleConfig` (src/models/people.ts) calls it and fails the
 * build with every problem, each as `file:line:column  entry …  rule-id: message`.
 *
 * Rules (each a rule id in build messages):
 * - `people-alias-pronoun`: an alias (or name) that is a pronoun ("he", "she", "they" …).
 * - `people-alias-other-person`: an alias that is another entry's name, or that
 *   reads as another person's full name: two to four capitalised words whose last
 *   word is not the entry's surname ("Sergei Ivanov" under Vladimir Putin). A title
 *   written that way ("Russian President") is accepted in lower case, as aliases
 *   match ignoring case.
 * - `people-alias-shared`: an alias listed under two entries.
 * - `people-name-shared`: two entries with one name (ignoring case and spacing).
 */

export const PEOPLE_RULES = ['people-alias-pronoun', 'people-alias-other-person', 'people-alias-shared', 'people-name-shared'] as const;
export type PeopleRule = (typeof PEOPLE_RULES)[number];

/** Personal pronouns (and their object, possessive and reflexive forms): never a name. */
const PRONOUNS = new Set(
  'i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its itself they them their theirs themselves themself one'.split(' '),
);

/** True if `name` is a pronoun ("he", "She", "they", "the they" aside), ignoring case and spacing. */
export const isPronoun = (name: string): boolean => PRONOUNS.has(name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase());

/** Lower-case, single spaces, straight apostrophes: how names are compared (as nameKey in src/models/people.ts). */
const keyOf = (name: string): string => name.normalize('NFC').replace(/\s+/g, ' ').trim().replace(/[’‘]/g, "'").toLowerCase();

/** A full personal name: 2–4 words, each capitalised ("Sergei Ivanov"). */
const PERSONAL_NAME = /^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){1,3}$/u;
const lastWord = (name: string): string => keyOf(name).split(' ').at(-1) ?? '';

export interface AliasEntry {
  name: string;
  aliases: readonly string[];
}

export interface AliasProblem {
  rule: PeopleRule;
  /** Index of the entry, and of the alias in it (undefined: the name). */
  entry: number;
  alias?: number | undefined;
  /** "entry 1 ("Vladimir Putin"), alias "he"" */
  label: string;
  message: string;
}

/** Every problem with the names and aliases of the entries, in file order. */
export function checkPeopleAliases(entries: readonly AliasEntry[]): AliasProblem[] {
  const problems: AliasProblem[] = [];
  const entryLabel = (i: number) => `entry ${i + 1} ("${entries[i]!.name}")`;
  const nameOwner = new Map<string, number>();
  entries.forEach((e, i) => {
    const k = keyOf(e.name);
    const prev = nameOwner.get(k);
    if (prev !== undefined) {
      problems.push({ rule: 'people-name-shared', entry: i, label: entryLabel(i), message: `"${e.name}" is the name of ${entryLabel(prev)} too: one person is one entry; merge them` });
    } else nameOwner.set(k, i);
    if (isPronoun(e.name)) {
      problems.push({ rule: 'people-alias-pronoun', entry: i, label: entryLabel(i), message: `a pronoun is never a name: it would make every "${e.name}" in the sources this person; write the name` });
    }
  });
  const aliasOwner = new Map<string, number>();
  entries.forEach((e, i) => {
    e.aliases.forEach((alias, j) => {
      const label = `${entryLabel(i)}, alias "${alias}"`;
      const at = { entry: i, alias: j, label };
      const k = keyOf(alias);
      const named = nameOwner.get(k);
      const earlier = aliasOwner.get(k);
      if (earlier === undefined || earlier === i) aliasOwner.set(k, i);
      if (isPronoun(alias)) {
        problems.push({ ...at, rule: 'people-alias-pronoun', message: `a pronoun is never an alias: it would make every "${alias}" in the sources this person; leave it out (the speech stage resolves pronouns to the name the source gives)` });
      } else if (named !== undefined && named !== i) {
        problems.push({ ...at, rule: 'people-alias-other-person', message: `"${alias}" is the name of another person (entry ${named + 1}): an alias would publish their words as ${e.name}'s; leave it out` });
      } else if (earlier !== undefined && earlier !== i) {
        problems.push({ ...at, rule: 'people-alias-shared', message: `"${alias}" is an alias of ${entryLabel(earlier)} too: an alias names one person; leave it out of one of them` });
      } else if (PERSONAL_NAME.test(alias.trim().replace(/\s+/g, ' ')) && lastWord(alias) !== lastWord(e.name)) {
        const surname = alias.trim().split(/\s+/).at(-1)!;
        const own = e.name.trim().split(/\s+/).at(-1)!;
        problems.push({
          ...at,
          rule: 'people-alias-other-person',
          message: `"${alias}" reads as another person's full name (surname "${surname}", not "${own}"): an alias would publish their words as ${e.name}'s; leave it out, or, if it is a title, write it in lower case ("${keyOf(alias)}"; aliases match ignoring case)`,
        });
      }
    });
  });
  return problems.sort((a, b) => a.entry - b.entry || (a.alias ?? -1) - (b.alias ?? -1));
}
