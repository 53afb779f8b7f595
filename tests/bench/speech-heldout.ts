/**
 * Scores the speech stage on a held-out corpus annotated in brat standoff
 * format with attributions (Source / Cue / Content), such as PolNeAR
 * (github.com/networkdynamics/PolNeAR; no licence file, so it is never
 * committed here: clone it into a temporary folder).
 *
 *   npm run speech:heldout -- <split folder>              prints the table
 *   npm run speech:heldout -- <corpus root> --split dev   the same, for data/dev under the root
 *   … --json     prints the figures as JSON
 *   … --misses   also lists every named gold quote that was missed or got a wrong or no speaker
 *
 * A split folder holds `text/<article>.txt` and `attributions/<article>_<annotator>.ann`.
 * Per article the first annotator's `.ann` is used: the first of the article's
 * `annotators` in `metadata.tsv` (looked for in the folder and its two parents)
 * that has a file, else the alphabetically first file.
 *
 * Each non-blank line of an article is one paragraph; the stage runs on them
 * as one source with an empty context (no author, no outlet), corrections off.
 *
 * Gold: every double-quoted segment (“…”, "…", «…»; an opening mark left
 * unclosed at the end of a paragraph runs to its end) of at least 3 words whose
 * inner letters and digits lie (≥ 90%, to forgive an annotator's stray
 * character) inside the Content of an attribution that has a Source. The quote
 * is "named" when the Source span holds a capitalised name token: not a
 * pronoun, determiner or title, and, when it starts a sentence, capitalised
 * mid-sentence somewhere else in the article.
 *
 * Figures:
 * - found: gold quotes covered for at least half their inner characters by one
 *   `direct` span of the stage;
 * - speaker precision: over named gold quotes found with a speaker, those whose
 *   speaker shares a name token with the Source span (tokens compared
 *   lowercased, possessive 's and titles aside);
 * - speaker recall: named gold quotes found with the right speaker / named gold quotes;
 * - no speaker: found gold quotes whose direct span has no speaker / found gold quotes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { extractSpeech, type SpeechParagraph, type SpeechSpan } from '../../src/pipeline/speech.ts';
import { parseBrat, rangesOf, type BratDocument } from './brat.ts';

export type Extract = (paragraphs: SpeechParagraph[]) => SpeechSpan[][];

/** Words that are capitalised without naming anyone: pronouns, determiners, quantifiers. */
const NOT_NAMES = new Set(
  (
    'i we you he she they it me us him her them his hers its our ours their theirs my mine your yours who whom whose which what ' +
    'that this these those one ones someone somebody anyone anybody everyone everybody nobody none no some many most all both ' +
    'each every other others another several few any such the a an and or but of in on at for to by with from as if when while ' +
    'according there here so then also even just only yet still'
  ).split(' '),
);

/** Titles and role words set aside when comparing names ("Sen. Ted Cruz" ~ "Cruz"). */
export const TITLES = new Set(
  (
    'mr mrs ms miss mx dr prof rep reps sen sens gov govs gen lt col maj capt cmdr adm sgt cpl pvt rev fr sr jr ii iii iv ' +
    'hon st president presidents vice secretary senator senators representative congressman congresswoman congressmen ' +
    'governor lieutenant mayor judge justice speaker chairman chairwoman chair chairs minister prime ambassador director ' +
    'attorney general sheriff chief commissioner councilman councilwoman delegate treasurer comptroller ' +
    'former candidate nominee presumptive leader spokesman spokeswoman spokesperson press king queen prince pope sir lord lady dame ' +
    // Party and political descriptors in front of a name ("Republican Roy Blunt", "the Democratic nominee").
    'republican democratic democrat gop presidential independent libertarian conservative liberal'
  ).split(' '),
);

/** Abbreviations whose full stop does not end a sentence. */
const ABBREV =
  /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Rep|Sen|Gov|Gen|Lt|Col|Maj|Capt|Adm|Sgt|Rev|Fr|St|Jr|Sr|Hon|Mt|Ft|No|U\.S|D\.C)|\b\p{Lu})\.\s+$/u;
/** Whether offset `at` of `text` starts a sentence (or a paragraph, or a quotation). */
function sentenceInitial(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 12), at);
  if (at === 0 || /\n\s*$/u.test(before) || /(^|\s)["“‘(]$/u.test(before)) return true;
  return /[.!?:]["”’]?\s+$/u.test(before) && !ABBREV.test(before);
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*/gu;
const clean = (w: string) =>
  w
    .replace(/['’]s$/u, '')
    .replace(/['’.-]+$/u, '')
    .toLowerCase();

/** Capitalised tokens of `s`, lowercased, pronouns/determiners and titles aside. */
export function nameTokens(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(WORD)) {
    if (!/^\p{Lu}/u.test(m[0])) continue;
    const w = clean(m[0]);
    if (w && !NOT_NAMES.has(w) && !TITLES.has(w)) out.push(w);
  }
  return out;
}

/** Whether the predicted speaker shares a name token with the gold Source text. */
export function sameSpeaker(source: string, speaker: string | null): boolean {
  if (speaker === null) return false;
  const gold = new Set(nameTokens(source));
  return nameTokens(speaker).some((t) => gold.has(t));
}

export const wordCount = (s: string) => [...s.matchAll(WORD)].length;

export interface Paragraph {
  text: string;
  /** UTF-16 offset of the paragraph in the article. */
  start: number;
}

/** Non-blank lines, with their offsets (trailing whitespace trimmed). */
export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    const body = line.replace(/\s+$/u, '');
    const lead = body.length - body.trimStart().length;
    if (body.trim()) out.push({ text: body.slice(lead), start: at + lead });
    at += line.length + 1;
  }
  return out;
}

const OPEN = new Set(['“', '«', '„']);
const CLOSE = new Set(['”', '»']);
/** Double-quoted segments of one paragraph as inner [start, end) ranges (marks excluded). */
export function quoteSegments(text: string): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  let straight = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      if (open >= 0 && straight) {
        out.push([open + 1, i]);
        open = -1;
      } else if (open < 0) {
        open = i;
        straight = true;
      }
    } else if (OPEN.has(c)) {
      // A new opening mark before a close: the earlier quote ran on unclosed.
      if (open >= 0) out.push([open + 1, i]);
      open = i;
      straight = false;
    } else if (CLOSE.has(c) && open >= 0 && !straight) {
      out.push([open + 1, i]);
      open = -1;
    }
  }
  if (open >= 0) out.push([open + 1, text.length]);
  return out;
}

export interface GoldQuote {
  /** UTF-16 offsets into the article, marks excluded. */
  start: number;
  end: number;
  paragraph: number;
  text: string;
  source: string;
  named: boolean;
}

export interface ArticleGold {
  quotes: GoldQuote[];
  /** Quoted segments in a sourced Content that have fewer than 3 words. */
  short: number;
  /** Quoted segments (≥ 3 words) in the Content of an attribution with no Source. */
  unsourced: number;
}

const covered = (ranges: [number, number][], i: number) => ranges.some(([s, e]) => s <= i && i < e);

/** The gold quotes of one article: its text, paragraphs and parsed annotation. */
export function goldQuotes(text: string, paragraphs: Paragraph[], doc: BratDocument): ArticleGold {
  const attributions = doc.events
    .filter((e) => e.label.startsWith('Attribution'))
    .map((e) => {
      const source = e.args.filter((a) => a.role === 'Source').flatMap((a) => rangesOf(doc, a.id));
      return {
        source,
        sourceText: source.map(([s, e]) => text.slice(s, e)).join(' '),
        content: e.args.filter((a) => a.role.startsWith('Content')).flatMap((a) => rangesOf(doc, a.id)),
      };
    });
  // Sentence-initial capitals are names only if the article also capitalises them mid-sentence (title line aside).
  const midCaps = new Set<string>();
  for (const p of paragraphs.slice(1))
    for (const m of p.text.matchAll(WORD))
      if (/^\p{Lu}/u.test(m[0]) && !sentenceInitial(p.text, m.index)) midCaps.add(clean(m[0]));
  const named = (sourceRanges: [number, number][]) =>
    sourceRanges.some(([s, e]) => {
      for (const m of text.slice(s, e).matchAll(WORD)) {
        const w = clean(m[0]);
        if (!/^\p{Lu}/u.test(m[0]) || !w || NOT_NAMES.has(w) || TITLES.has(w)) continue;
        if (!sentenceInitial(text, s + m.index) || midCaps.has(w)) return true;
      }
      return false;
    });
  const out: ArticleGold = { quotes: [], short: 0, unsourced: 0 };
  paragraphs.forEach((p, pi) => {
    for (const [qs, qe] of quoteSegments(p.text)) {
      const start = p.start + qs;
      const end = p.start + qe;
      const chars: number[] = [];
      for (let i = start; i < end; i++) if (/[\p{L}\p{N}]/u.test(text[i]!)) chars.push(i);
      if (chars.length === 0) continue;
      const owner = attributions.find((a) => chars.filter((i) => covered(a.content, i)).length >= 0.9 * chars.length);
      if (!owner) continue;
      const words = wordCount(text.slice(start, end));
      if (owner.source.length === 0) {
        if (words >= 3) out.unsourced++;
        continue;
      }
      if (words < 3) {
        out.short++;
        continue;
      }
      out.quotes.push({
        start,
        end,
        paragraph: pi,
        text: text.slice(start, end),
        source: owner.sourceText,
        named: named(owner.source),
      });
    }
  });
  return out;
}

export interface QuoteResult {
  gold: GoldQuote;
  /** The direct span covering at least half the quote, if any. */
  span: SpeechSpan | null;
  /** What the stage made of the quote's middle when no direct span covers it. */
  otherKind: string | null;
  right: boolean;
}

export interface Tally {
  articles: number;
  paragraphs: number;
  gold: number;
  named: number;
  short: number;
  unsourced: number;
  found: number;
  foundNamed: number;
  /** Named gold quotes found with a speaker. */
  given: number;
  /** …whose speaker is right. */
  right: number;
  /** Found gold quotes (named or not) whose span has no speaker. */
  noSpeaker: number;
}

export interface HeldoutScore extends Tally {
  precision: number;
  recall: number;
  foundRate: number;
  noSpeakerShare: number;
}

export interface ArticleResult {
  name: string;
  paragraphs: Paragraph[];
  results: QuoteResult[];
  tally: Tally;
}

export const emptyTally = (): Tally => ({
  articles: 0,
  paragraphs: 0,
  gold: 0,
  named: 0,
  short: 0,
  unsourced: 0,
  found: 0,
  foundNamed: 0,
  given: 0,
  right: 0,
  noSpeaker: 0,
});

const defaultExtract: Extract = (paragraphs) => extractSpeech(paragraphs, {});

/** Scores one article (its text and first annotator's .ann) with the given extractor. */
export function scoreArticle(
  name: string,
  text: string,
  ann: string,
  extract: Extract = defaultExtract,
): ArticleResult {
  const paragraphs = splitParagraphs(text);
  const doc = parseBrat(ann, text);
  const gold = goldQuotes(text, paragraphs, doc);
  const spans = extract(paragraphs.map((p) => ({ text: p.text })));
  const t = emptyTally();
  t.articles = 1;
  t.paragraphs = paragraphs.length;
  t.short = gold.short;
  t.unsourced = gold.unsourced;
  const results: QuoteResult[] = [];
  for (const g of gold.quotes) {
    const p = paragraphs[g.paragraph]!;
    const list = spans[g.paragraph] ?? [];
    const qs = g.start - p.start;
    const qe = g.end - p.start;
    const overlap = (s: SpeechSpan) => Math.max(0, Math.min(s.end, qe) - Math.max(s.start, qs));
    let best: SpeechSpan | null = null;
    for (const s of list) if (s.kind === 'direct' && (!best || overlap(s) > overlap(best))) best = s;
    const span = best && overlap(best) * 2 >= qe - qs ? best : null;
    const mid = (qs + qe) >> 1;
    const other = span ? null : (list.find((s) => s.start <= mid && mid < s.end) ?? null);
    const right = span !== null && sameSpeaker(g.source, span.speaker);
    t.gold++;
    if (g.named) t.named++;
    if (span) {
      t.found++;
      if (span.speaker === null) t.noSpeaker++;
      if (g.named) {
        t.foundNamed++;
        if (span.speaker !== null) t.given++;
        if (right) t.right++;
      }
    }
    results.push({ gold: g, span, otherKind: other ? other.kind : null, right });
  }
  return { name, paragraphs, results, tally: t };
}

export function addTally(a: Tally, b: Tally): Tally {
  const out = { ...a };
  for (const k of Object.keys(b) as (keyof Tally)[]) out[k] += b[k];
  return out;
}

export function summarise(t: Tally): HeldoutScore {
  return {
    ...t,
    precision: t.given === 0 ? 1 : t.right / t.given,
    recall: t.named === 0 ? 1 : t.right / t.named,
    foundRate: t.gold === 0 ? 1 : t.found / t.gold,
    noSpeakerShare: t.found === 0 ? 0 : t.noSpeaker / t.found,
  };
}

/** The split folder for `folder` (itself, or `<folder>/data/<split>` / `<folder>/<split>`). */
export function resolveSplit(folder: string, split?: string): string {
  const isSplit = (d: string) => existsSync(join(d, 'text')) && existsSync(join(d, 'attributions'));
  if (isSplit(folder)) return folder;
  if (split) for (const d of [join(folder, 'data', split), join(folder, split)]) if (isSplit(d)) return d;
  throw new Error(
    `${folder}: no text/ and attributions/ here${split ? ` nor under data/${split}` : ' (pass --split train|dev|test for a corpus root)'}`,
  );
}

/** Article name → annotator ids in metadata order, from the nearest metadata.tsv (if any). */
function readMetadata(dir: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of [dir, join(dir, '..'), join(dir, '..', '..')]) {
    const f = join(d, 'metadata.tsv');
    if (!existsSync(f)) continue;
    const [head, ...rows] = readFileSync(f, 'utf8').split(/\r?\n/u);
    const cols = (head ?? '').split('\t');
    const fi = cols.indexOf('filename');
    const ai = cols.indexOf('annotators');
    if (fi < 0 || ai < 0) continue;
    for (const r of rows) {
      const c = r.split('\t');
      if (c[fi]) out.set(c[fi]!, (c[ai] ?? '').split('|').filter(Boolean));
    }
    break;
  }
  return out;
}

/** The articles of a split folder with their first annotator's .ann file. */
export function listArticles(dir: string): { name: string; text: string; ann: string }[] {
  const meta = readMetadata(resolve(dir));
  const anns = readdirSync(join(dir, 'attributions'))
    .filter((f) => f.endsWith('.ann'))
    .sort();
  const out: { name: string; text: string; ann: string }[] = [];
  for (const f of readdirSync(join(dir, 'text')).sort()) {
    if (!f.endsWith('.txt')) continue;
    const name = basename(f, '.txt');
    const mine = anns.filter((a) => a.startsWith(`${name}_`) && /^[^_]+$/u.test(a.slice(name.length + 1, -4)));
    const order = meta.get(name) ?? [];
    const first = order.map((id) => `${name}_${id}.ann`).find((a) => mine.includes(a)) ?? mine[0];
    if (first) out.push({ name, text: join(dir, 'text', f), ann: join(dir, 'attributions', first) });
  }
  return out;
}

export function measureHeldout(
  dir: string,
  extract: Extract = defaultExtract,
): { score: HeldoutScore; articles: ArticleResult[] } {
  let t = emptyTally();
  const articles: ArticleResult[] = [];
  for (const a of listArticles(dir)) {
    const r = scoreArticle(a.name, readFileSync(a.text, 'utf8'), readFileSync(a.ann, 'utf8'), extract);
    t = addTally(t, r.tally);
    articles.push(r);
  }
  return { score: summarise(t), articles };
}

/** One line per named gold quote that was not found with the right speaker. */
export function listMisses(articles: ArticleResult[]): string[] {
  const out: string[] = [];
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s).replace(/\s+/gu, ' ');
  for (const a of articles)
    for (const r of a.results) {
      if (!r.gold.named || r.right) continue;
      const what = !r.span
        ? `not found (${r.otherKind ?? 'nothing'})`
        : r.span.speaker === null
          ? 'no speaker'
          : 'wrong speaker';
      out.push(
        `${what.padEnd(24)} ${a.name} ¶${r.gold.paragraph + 1}: “${cut(r.gold.text, 60)}” — source “${cut(r.gold.source, 40)}” — got ${r.span?.speaker ?? '—'}`,
      );
    }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--split');
  const split = at >= 0 ? args[at + 1] : undefined;
  const folder = args.find((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
  if (!folder) {
    console.error(
      'usage: npm run speech:heldout -- <split folder | corpus root --split train|dev|test> [--json] [--misses]',
    );
    process.exit(2);
  }
  const dir = resolveSplit(folder, split);
  const { score, articles } = measureHeldout(dir);
  if (args.includes('--json')) console.log(JSON.stringify({ folder: dir, ...score }, null, 2));
  else {
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(6);
    console.log(
      `Speech stage vs brat attributions in ${dir} (${score.articles} articles, ${score.paragraphs} paragraphs, empty context)`,
    );
    console.log(
      `gold quotes (≥ 3 words, sourced)   ${score.gold}   named ${score.named}   (left out: ${score.short} shorter, ${score.unsourced} unsourced)`,
    );
    console.log(`found as direct spans              ${pct(score.foundRate)} (${score.found}/${score.gold})`);
    console.log(`speaker precision (named)          ${pct(score.precision)} (${score.right}/${score.given})`);
    console.log(`speaker recall (named)             ${pct(score.recall)} (${score.right}/${score.named})`);
    console.log(`found with no speaker              ${pct(score.noSpeakerShare)} (${score.noSpeaker}/${score.found})`);
  }
  if (args.includes('--misses')) console.log(listMisses(articles).join('\n'));
}
