/**
 * Resolving holders, the speech stage's third pass: the names a source
 * introduces (full names, then surnames), who was mentioned and who spoke last,
 * and from these the holder of a cue given as a pronoun or a surname. State
 * runs on through the source in reading order.
 */
import type { HolderType, SpeechParagraph } from './types.ts';
import { AUX, BODY_WORDS, GROUP_WORDS, ORG_WORDS, OUTLET_WORDS, OUTLETS, PRONOUNS, SPEECH_VERBS } from './lexicon.ts';
import { MAX_HISTORY, MAX_LOOKBACK, capRuns, isCap, isSingleName, personName, stripPossessive, type NP, type ParaData } from './phrases.ts';
import { subjectOfSentence } from './subjects.ts';

type Gender = 'm' | 'f';

interface Mention {
  para: number;
  offset: number;
  name: string;
}

interface Spoken {
  para: number;
  offset: number;
  name: string;
  person: boolean;
}

export class Holders {
  /** Surname → full name, first introduced. */
  private readonly fullNames = new Map<string, string>();
  /** Names known to be persons. */
  private readonly persons = new Set<string>();
  private readonly gender = new Map<string, Gender>();
  private readonly mentions: Mention[] = [];
  private readonly spoken: Spoken[] = [];

  private readonly paras: readonly SpeechParagraph[];
  private readonly data: readonly ParaData[];

  constructor(paras: readonly SpeechParagraph[], data: readonly ParaData[]) {
    this.paras = paras;
    this.data = data;
    this.collectNames();
  }

  /** Person mentions outside quotes in paragraph pi, in order (called once per paragraph, in order). */
  noteMentions(pi: number): void {
    const { text, tokens } = this.data[pi]!;
    for (const run of capRuns(tokens)) {
      const t = tokens[run[0]]!;
      if (t.quote >= 0) continue;
      const name = personName(text, tokens, run[0], run[1]);
      if (name && (name.includes(' ') ? this.persons.has(name) : this.isPerson(name))) {
        this.mentions.push({ para: pi, offset: t.start, name: this.fullName(name) });
      }
    }
  }

  /** Pre-pass: full names (two or more capitalised words, not a body or place) and single-word speakers. */
  private collectNames(): void {
    // Names come from the article text only: headlines and link lists of page furniture
    // ("Trump Says Putin Is ‘Destroying Russia’") would otherwise teach it false names.
    for (const [i, d] of this.data.entries()) {
      const kind = this.paras[i]!.kind;
      if (kind !== undefined && kind !== 'article') continue;
      for (const run of capRuns(d.tokens)) {
        const name = personName(d.text, d.tokens, run[0], run[1]);
        if (name && name.includes(' ')) {
          this.persons.add(name);
          const surname = name.split(' ').pop()!;
          if (!this.fullNames.has(surname)) this.fullNames.set(surname, name);
          const hon = d.tokens[run[0] - 1]?.lower;
          if (hon === 'mr') this.gender.set(name, 'm');
          if (hon === 'mrs' || hon === 'ms') this.gender.set(name, 'f');
        }
      }
      // Single capitalised words that speak: "Gorbachev insisted", "said Zelensky".
      d.tokens.forEach((t, k) => {
        if (!SPEECH_VERBS.has(t.lower) || t.quote >= 0) return;
        let j = k - 1;
        while (j >= 0 && j > k - MAX_LOOKBACK && AUX.has(d.tokens[j]!.lower)) j--;
        const prev = d.tokens[j];
        if (prev && d.tokens[j + 1]!.before === '' && isCap(prev) && !isCap(d.tokens[j - 1]) && isSingleName(prev))
          this.persons.add(stripPossessive(prev.raw));
        const next = d.tokens[k + 1];
        if (
          next &&
          next.before === '' &&
          isCap(next) &&
          !isCap(d.tokens[k + 2]) &&
          isSingleName(next) &&
          next.quote < 0
        ) {
          this.persons.add(stripPossessive(next.raw));
        }
      });
    }
  }

  /** A capitalised name as the source gives it, resolved to the full name when a surname. */
  private fullName(name: string): string {
    if (!name.includes(' ')) return this.fullNames.get(name) ?? name;
    return name;
  }

  private isPerson(name: string): boolean {
    if (this.persons.has(name)) return true;
    return !name.includes(' ') && this.fullNames.has(name);
  }

  // -- pronouns ----------------------------------------------------------------

  /**
   * The holder an NP names: a name resolved to the full name introduced earlier, a noun phrase as
   * written, a pronoun resolved to a named antecedent nearby, or null where none is certain (a
   * pronoun is never returned as a name). `evidence` is set when the holder is an inference the
   * reader should see as such: a pronoun whose antecedent was last named paragraphs earlier.
   */
  resolve(np: NP, para: number, mode: 'tag' | 'main'): { name: string | null; evidence?: string } {
    if (np.type === 'name') return { name: this.fullName(np.text) };
    if (np.type === 'np') return { name: np.text };
    const d = this.data[para]!;
    const word = np.text.toLowerCase().replace(/\u2019/gu, "'");
    const g = PRONOUNS.get(word);
    const offset = d.tokens[np.first]!.start;
    const found =
      g === 'm' || g === 'f'
        ? this.resolvePerson(g, para, offset, mode)
        : g === 'n'
          ? this.mainSubject(para, d.tokens[np.first]!.sentence, np.first)
          : g === 'p'
            ? this.resolveGroup(para, offset)
            : null;
    if (!found) return { name: null };
    const gap = para - found.para;
    return gap > 1
      ? { name: found.name, evidence: `“${np.text}” read as ${found.name}, last named ${gap} paragraphs earlier` }
      : { name: found.name };
  }

  /** "they": the last holder that is not a person, in this paragraph or the one before. */
  private resolveGroup(para: number, offset: number): { name: string; para: number } | null {
    for (let k = this.spoken.length - 1; k >= 0 && k >= this.spoken.length - MAX_HISTORY; k--) {
      const s = this.spoken[k]!;
      if (s.para < para - 1) break;
      if (!s.person && s.offset <= offset + (s.para < para ? Infinity : 0)) return { name: s.name, para: s.para };
    }
    return null;
  }

  private compatible(name: string, g: Gender): boolean {
    const known = this.gender.get(name);
    return known === undefined || known === g;
  }

  private bind(name: string, g: Gender): string {
    if (!this.gender.has(name)) this.gender.set(name, g);
    return name;
  }

  private resolvePerson(
    g: Gender,
    para: number,
    offset: number,
    mode: 'tag' | 'main',
  ): { name: string; para: number } | null {
    const before = (x: { para: number; offset: number }) => x.para < para || (x.para === para && x.offset < offset);
    const speakers: Spoken[] = [];
    for (
      let k = this.spoken.length - 1;
      k >= 0 && speakers.length < MAX_HISTORY && k >= this.spoken.length - 4 * MAX_HISTORY;
      k--
    ) {
      const sp = this.spoken[k]!;
      if (sp.person && before(sp)) speakers.unshift(sp);
    }
    const lastSpeaker = speakers[speakers.length - 1];
    const mentions: Mention[] = [];
    for (
      let k = this.mentions.length - 1;
      k >= 0 && mentions.length < MAX_HISTORY && k >= this.mentions.length - 4 * MAX_HISTORY;
      k--
    ) {
      const m = this.mentions[k]!;
      if (before(m)) mentions.unshift(m);
    }
    const fromMentions = (): { name: string; para: number } | null => {
      for (let k = mentions.length - 1; k >= 0; k--) {
        const m = mentions[k]!;
        if (m.para < para - 3) break;
        if (this.compatible(m.name, g)) return { name: this.bind(m.name, g), para: m.para };
      }
      return null;
    };
    if (mode === 'main') {
      const m = fromMentions();
      if (m) return m;
    }
    if (lastSpeaker && lastSpeaker.para >= para - 2 && this.compatible(lastSpeaker.name, g)) {
      return { name: this.bind(lastSpeaker.name, g), para: lastSpeaker.para };
    }
    for (let k = speakers.length - 1; k >= 0; k--) {
      const s = speakers[k]!;
      if (s.para < para - 8) break;
      if (this.gender.get(s.name) === g) return { name: s.name, para: s.para };
    }
    return fromMentions();
  }

  /** "it": the subject of the sentence's main clause (or of the previous sentence). */
  private mainSubject(para: number, sentence: number, notAt: number): { name: string; para: number } | null {
    const d = this.data[para]!;
    for (let s = sentence; s >= Math.max(0, sentence - 1); s--) {
      const np = subjectOfSentence(d, s);
      if (np && np.type !== 'pronoun' && np.first !== notAt)
        return { name: np.type === 'name' ? this.fullName(np.text) : np.text, para };
    }
    return null;
  }

  noteSpeaker(name: string, np: NP, para: number, offset: number): void {
    this.spoken.push({ para, offset, name, person: np.type !== 'np' && this.isPerson(name) });
  }

  // -- one paragraph -----------------------------------------------------------
}

/**
 * What kind of holder a speaker is: an outlet (CNN, The Example Times), a body (the Kremlin, the
 * Finance Ministry, NATO, a report), a group of people (experts, Western officials, Russians,
 * "Putin and his aides"), or one person (a name, or a singular role: the minister). `npType` is how
 * the text gave it ('name' for a capitalised name, 'np' for a noun phrase as written).
 */
export function holderType(name: string, npType: NP['type']): HolderType {
  const lower = name.toLowerCase().replace(/\u2019/gu, "'");
  const bare = lower.replace(/^the\s+/u, '');
  const words = bare.split(/\s+/u).filter(Boolean);
  const last = words[words.length - 1] ?? '';
  if (OUTLETS.has(lower) || OUTLETS.has(bare)) return 'outlet';
  // Capitalised names ending in an outlet word: The Example Times, Daily News (not a person's name).
  if (npType !== 'np' && words.length > 1 && OUTLET_WORDS.has(last) && /^\p{Lu}/u.test(name.split(/\s+/u).pop() ?? ''))
    return 'outlet';
  if (/\b(?:and|with)\b/u.test(bare) || GROUP_WORDS.has(last) || GROUP_WORDS.has(words.slice(-2).join(' ')))
    return 'group';
  if (words.some((w) => BODY_WORDS.has(w) || ORG_WORDS.has(w)) || /^\p{Lu}{2,}$/u.test(name)) return 'body';
  // A lower-case plural (critics, hardliners) is a group; a capitalised plural demonym too (Russians, Germans).
  if (
    (npType === 'np' && /[^s]s$/u.test(last) && !/(?:ss|us|is)$/u.test(last)) ||
    /^(?:\p{Lu}\p{Ll}+(?:ians|ans|ese|ers))$/u.test(name)
  )
    return 'group';
  return 'person';
}
