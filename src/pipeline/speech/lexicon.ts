/**
 * Word lists of the speech stage: general English (speech verbs, titles,
 * auxiliaries), never words of particular sources.
 */

/** Speech/writing verbs, every inflection; value: the form needs "that", a quote or ":" after it in a main clause. */
const VERB_LEMMAS: [string[], boolean][] = [
  [['say', 'says', 'said', 'saying'], false],
  [['tell', 'tells', 'told', 'telling'], false],
  [['argue', 'argues', 'argued', 'arguing'], false],
  [['claim', 'claims', 'claimed', 'claiming'], true],
  [['insist', 'insists', 'insisted', 'insisting'], false],
  [['assert', 'asserts', 'asserted', 'asserting'], false],
  [['declare', 'declares', 'declared', 'declaring'], false],
  [['note', 'notes', 'noted', 'noting'], true],
  [['warn', 'warns', 'warned', 'warning'], false],
  [['add', 'adds', 'added', 'adding'], true],
  [['suggest', 'suggests', 'suggested', 'suggesting'], true],
  [['report', 'reports', 'reported', 'reporting'], true],
  [['state', 'states', 'stated', 'stating'], true],
  [['announce', 'announces', 'announced', 'announcing'], true],
  [['lament', 'laments', 'lamented', 'lamenting'], false],
  [['remark', 'remarks', 'remarked', 'remarking'], false],
  [['respond', 'responds', 'responded', 'responding'], true],
  [['reply', 'replies', 'replied', 'replying'], true],
  [['explain', 'explains', 'explained', 'explaining'], true],
  [['write', 'writes', 'wrote', 'writing'], true],
  [['contend', 'contends', 'contended', 'contending'], false],
  [['maintain', 'maintains', 'maintained', 'maintaining'], true],
  [['emphasize', 'emphasizes', 'emphasized', 'emphasizing', 'emphasise', 'emphasises', 'emphasised', 'emphasising'], false],
  [['stress', 'stresses', 'stressed', 'stressing'], true],
  [['predict', 'predicts', 'predicted', 'predicting'], true],
  [['promise', 'promises', 'promised', 'promising'], true],
  [['concede', 'concedes', 'conceded', 'conceding'], false],
  [['acknowledge', 'acknowledges', 'acknowledged', 'acknowledging'], true],
  [['admit', 'admits', 'admitted', 'admitting'], true],
  [['deny', 'denies', 'denied', 'denying'], true],
  [['conclude', 'concludes', 'concluded', 'concluding'], true],
  [['observe', 'observes', 'observed', 'observing'], true],
  [['recall', 'recalls', 'recalled', 'recalling'], true],
  [['ask', 'asks', 'asked', 'asking'], true],
  [['complain', 'complains', 'complained', 'complaining'], false],
  [['allege', 'alleges', 'alleged', 'alleging'], true],
  [['profess', 'professes', 'professed', 'professing'], false],
  [['declare', 'declares', 'declared', 'declaring'], false],
  [['tweet', 'tweets', 'tweeted', 'tweeting'], false],
  [['quip', 'quips', 'quipped', 'quipping'], false],
  [['retort', 'retorts', 'retorted', 'retorting'], false],
  [['joke', 'jokes', 'joked', 'joking'], false],
  [['boast', 'boasts', 'boasted', 'boasting'], false],
  [['scoff', 'scoffs', 'scoffed', 'scoffing'], false],
  [['exclaim', 'exclaims', 'exclaimed', 'exclaiming'], false],
  [['vow', 'vows', 'vowed', 'vowing'], true],
  [['pledge', 'pledges', 'pledged', 'pledging'], true],
  [['confirm', 'confirms', 'confirmed', 'confirming'], true],
  [['caution', 'cautions', 'cautioned', 'cautioning'], true],
  [['counter', 'counters', 'countered', 'countering'], true],
  [['reiterate', 'reiterates', 'reiterated', 'reiterating'], true],
  [['repeat', 'repeats', 'repeated', 'repeating'], true],
  [['testify', 'testifies', 'testified', 'testifying'], true],
  [['proclaim', 'proclaims', 'proclaimed', 'proclaiming'], true],
  [['assure', 'assures', 'assured', 'assuring'], true],
  [['recount', 'recounts', 'recounted', 'recounting'], true],
  [['muse', 'muses', 'mused', 'musing'], false],
  [['shout', 'shouts', 'shouted', 'shouting'], false],
  [['yell', 'yells', 'yelled', 'yelling'], false],
  [['continue', 'continues', 'continued', 'continuing'], true],
  [['echo', 'echoes', 'echoed', 'echoing'], true],
];

export const SPEECH_VERBS = new Map<string, { needsThat: boolean; participle: boolean; tell: boolean }>();
for (const [forms, needsThat] of VERB_LEMMAS) {
  for (const f of forms) {
    SPEECH_VERBS.set(f, { needsThat, participle: f.endsWith('ing'), tell: forms[0] === 'tell' });
  }
}

/** Verbs that put words in someone's mouth by naming: called it “…”, referred to X as “…”. */
export const NAMING_VERBS = new Set([
  'call', 'calls', 'called', 'calling', 'dub', 'dubs', 'dubbed', 'term', 'terms', 'termed', 'label', 'labels',
  'labelled', 'labeled', 'brand', 'brands', 'branded', 'describe', 'describes', 'described', 'refer', 'refers',
  'referred', 'referring', 'praise', 'praised', 'praises', 'praising', 'denounce', 'denounced', 'denounces',
  'denouncing', 'describing', 'labelling', 'labeling', 'branding', 'dubbing', 'terming',
]);

/** Nouns that report a statement after a possessive: his assertion that …, X's argument that … */
export const STATEMENT_NOUNS = new Set([
  'argument', 'assertion', 'claim', 'contention', 'insistence', 'statement', 'warning', 'view', 'words', 'remark',
  'remarks', 'promise', 'pledge', 'demand', 'declaration',
]);

/** Between subject and verb: auxiliaries, adverbs, reflexives. */
export const AUX = new Set([
  'has', 'have', 'had', 'having', "'s", "'ve", 'also', 'long', 'repeatedly', 'often', 'publicly', 'famously',
  'himself', 'herself', 'itself', 'themselves', 'then', 'once', 'reportedly', 'openly', 'consistently', 'simply',
  'clearly', 'previously', 'always', 'never', 'recently', 'later', 'even', 'still', 'just', 'only', 'will', 'would',
  'may', 'might', 'could', 'can', 'should', 'must', 'did', 'does', 'do', 'been', 'not', 'already', 'again', 'first',
  'privately', 'bluntly', 'flatly', 'explicitly', 'subsequently', 'frequently', 'loudly', 'quietly', 'angrily',
  'specifically', 'essentially', 'effectively', 'allegedly', 'apparently', 'immediately', 'too', 'all',
]);

/** Verbs that may sit between a subject and an infinitive speech verb: continued to insist. */
export const CATENATIVES = new Set(['continued', 'continues', 'continue', 'went', 'tried', 'tries', 'seemed', 'seems', 'used', 'began', 'begins', 'wants', 'wanted', 'refused', 'refuses', 'appears', 'appeared']);

export const PRONOUNS = new Map<string, 'm' | 'f' | 'n' | 'p' | 'i'>([
  ['he', 'm'], ["he's", 'm'], ['his', 'm'], ['him', 'm'], ['she', 'f'], ["she's", 'f'], ['her', 'f'],
  ['it', 'n'], ["it's", 'n'], ['its', 'n'], ['they', 'p'], ["they've", 'p'], ['their', 'p'], ['we', 'p'],
  ['i', 'i'], ["i've", 'i'],
]);

/** Capitalised words that begin sentences and clauses but are never part of a name. */
export const FUNCTION_CAPS = new Set([
  'but', 'and', 'so', 'yet', 'or', 'the', 'a', 'an', 'in', 'on', 'at', 'for', 'to', 'of', 'by', 'with', 'from', 'when',
  'while', 'as', 'if', 'after', 'before', 'since', 'despite', 'however', 'moreover', 'meanwhile', 'furthermore',
  'still', 'now', 'then', 'even', 'also', 'although', 'though', 'because', 'this', 'that', 'these', 'those', 'it',
  'he', 'she', 'they', 'we', 'i', 'his', 'her', 'their', 'its', 'our', 'my', 'what', 'why', 'how', 'who', 'where',
  'whether', 'there', 'here', 'instead', 'indeed', 'unlike', 'like', 'once', 'until', 'above', 'over', 'under',
  'no', 'not', 'all', 'some', 'many', 'most', 'every', 'each', 'both', 'either', 'neither', 'consider', 'speaking',
  'according', 'specifically', 'personally', 'second', 'first', 'third', 'finally', 'today', 'last', 'next',
  'during', 'about', 'among', 'against', 'through', 'within', 'without', 'whatever', 'whoever', 'perhaps',
  'apparently', 'nevertheless', 'nonetheless', 'besides', 'thus', 'therefore', 'hence', 'otherwise', 'again',
]);

/** Titles dropped before a name: Russian President Vladimir Putin → Vladimir Putin. */
export const TITLES = new Set([
  'president', 'presidents', 'prime', 'minister', 'patriarch', 'secretary', 'chancellor', 'general', 'gen',
  'senator', 'sen', 'ambassador', 'dr', 'mr', 'mrs', 'ms', 'professor', 'prof', 'pope', 'king', 'queen', 'prince',
  'princess', 'tsar', 'czar', 'governor', 'mayor', 'spokesman', 'spokeswoman', 'commander', 'judge', 'rep',
  'representative', 'vice', 'chief', 'director', 'leader', 'premier', 'sheikh', 'emir', 'ayatollah', 'colonel',
  'col', 'lt', 'lieutenant', 'captain', 'capt', 'admiral', 'marshal', 'sir', 'lord', 'lady', 'dame', 'cardinal',
  'bishop', 'archbishop', 'rabbi', 'imam', 'envoy', 'adviser', 'advisor', 'analyst', 'editor', 'founder', 'ceo',
  'gov', 'adm', 'maj', 'sgt', 'sergeant', 'cmdr', 'rev', 'reverend', 'fr', 'pres', 'amb', 'hon', 'atty', 'attorney',
  'brig', 'cpl', 'corporal', 'pvt', 'msgr', 'supt', 'insp', 'inspector', 'sec', 'senior', 'deputy', 'foreign',
  'defense', 'defence', 'spokesperson', 'chairman', 'chairwoman', 'former', 'acting', 'interim', 'incoming',
  'outgoing',
]);

/** A name containing one of these is a body or a place, not a person. */
export const ORG_WORDS = new Set([
  'union', 'states', 'kingdom', 'nations', 'institute', 'fund', 'church', 'council', 'department', 'ministry',
  'party', 'agency', 'bank', 'organization', 'organisation', 'society', 'university', 'house', 'sea', 'ocean',
  'war', 'east', 'west', 'front', 'army', 'forces', 'navy', 'office', 'committee', 'commission', 'court',
  'congress', 'senate', 'parliament', 'duma', 'kremlin', 'group', 'studies', 'times', 'post', 'news', 'affairs',
  'monetary', 'olympics', 'games', 'crisis', 'agreement', 'agreements', 'accords', 'plan', 'treaty', 'republic',
  'republics', 'federation', 'oblast', 'region', 'canal', 'street', 'journal', 'center', 'centre', 'foundation',
  'association', 'alliance', 'company', 'corporation', 'service', 'services', 'administration', 'government',
  'network', 'press', 'media', 'television', 'radio', 'europe', 'asia', 'africa', 'america', 'world', 'america’s',
  'nato', 'cnn', 'bbc', 'g7', 'g8', 'eu', 'un', 'kgb', 'fsb', 'usa', 'us', 'uk', 'ussr', 'tass', 'reuters',
]);

/** Lower-case heads that can speak: officials said, experts say, the government announced. */
export const SPEAKER_NOUNS = new Set([
  'official', 'officials', 'expert', 'experts', 'analyst', 'analysts', 'historian', 'historians', 'government',
  'administration', 'ministry', 'spokesman', 'spokeswoman', 'spokesperson', 'source', 'sources', 'diplomat',
  'diplomats', 'critic', 'critics', 'observer', 'observers', 'leader', 'leaders', 'president', 'minister',
  'ministers', 'aides', 'aide', 'allies', 'ally', 'officer', 'officers', 'people', 'report', 'reports', 'statement',
  'agency', 'services', 'polls', 'poll', 'survey', 'media', 'scholars', 'scholar', 'researchers', 'researcher',
  'journalist', 'journalists', 'commentators', 'commentator', 'authorities', 'lawmakers', 'lawmaker', 'senators',
  'generals', 'general', 'commander', 'commanders', 'residents', 'witnesses', 'witness', 'spokespeople',
  'ambassador', 'envoy', 'envoys', 'negotiators', 'negotiator', 'kremlin', 'russians', 'ukrainians', 'americans',
  'europeans', 'countries', 'states', 'governments', 'members', 'member', 'intelligence', 'military', 'army',
  'professor', 'economist', 'economists', 'advisers', 'adviser', 'advisors', 'advisor', 'cabinet', 'parliament',
  'court', 'party', 'chief', 'head', 'chairman', 'secretary', 'prosecutors', 'prosecutor', 'investigators',
  'campaign', 'team', 'office', 'embassy', 'council', 'committee', 'institute', 'study', 'paper', 'document',
  'letter', 'memo', 'draft', 'treaty', 'ruling', 'verdict', 'website', 'newspaper', 'outlet', 'channel', 'foreign',
  'policymakers', 'planners', 'supporters', 'opponents', 'protesters', 'activists', 'voters', 'citizens',
]);

/** Words after which a following word cannot start a subject of speech (interrogatives, relatives). */
export const WH = new Set(['what', 'how', 'why', 'where', 'whether', 'which', 'whom', 'whose']);

/** Words a reported clause cannot begin with after a speech verb (then it is no reported clause). */
export const NOT_COMPLEMENT = new Set([
  'since', 'in', 'on', 'at', 'before', 'after', 'during', 'about', 'so', 'nothing', 'no', 'anything', 'something',
  'of', 'by', 'with', 'yes', 'and', 'or', 'to', 'from', 'into', 'than', 'as', 'when', 'while', 'because', 'if',
  'much', 'more', 'less', 'little', 'otherwise', 'against', 'for', 'over', 'up', 'down', 'out', 'off', 'such',
]);

/** Determiners and possessives that may open a noun phrase. */
export const DETERMINERS = new Set([
  'the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'some', 'many', 'several', 'other', 'most', 'these',
  'those', 'two', 'three', 'four', 'five', 'senior', 'top', 'unnamed', 'anonymous', 'both', 'all', 'few',
]);

/** Clause connectors at the start of a clause chunk (skipped when looking for its subject). */
export const CLAUSE_OPENERS = new Set([
  'in', 'on', 'at', 'for', 'as', 'when', 'while', 'if', 'after', 'before', 'since', 'despite', 'although', 'though',
  'because', 'even', 'once', 'unlike', 'speaking', 'to', 'during', 'with', 'without', 'from', 'by', 'under',
  'over', 'until', 'given', 'amid', 'following', 'according', 'whether', 'like', 'of', 'about', 'what', 'why', 'how',
]);
export const LEADING_CONNECTORS = new Set([
  'but', 'and', 'so', 'yet', 'or', 'however', 'moreover', 'meanwhile', 'furthermore', 'still', 'now', 'then',
  'also', 'indeed', 'instead', 'nevertheless', 'nonetheless', 'thus', 'therefore', 'hence', 'besides', 'again',
  'finally', 'first', 'second', 'third', 'today', 'specifically', 'personally', 'apparently', 'perhaps', 'of',
  'course', 'last', 'year', 'week', 'month',
]);

/** News outlets and agencies, by name (lower case); a name ending in an outlet word (Times, Post, News …) is one too. */
export const OUTLETS = new Set([
  'cnn', 'bbc', 'reuters', 'ap', 'the associated press', 'associated press', 'afp', 'agence france-presse', 'politico',
  'tass', 'ria novosti', 'interfax', 'bloomberg', 'axios', 'the hill', 'fox news', 'nbc', 'cbs', 'abc', 'msnbc', 'npr',
  'pbs', 'al jazeera', 'der spiegel', 'spiegel', 'le monde', 'foreign affairs', 'foreign policy', 'the economist',
  'the guardian', 'the atlantic', 'the new yorker', 'vox', 'reddit', 'meduza', 'novaya gazeta', 'kommersant',
  'izvestia', 'rt', 'sputnik', 'xinhua', 'kyiv independent', 'the kyiv independent', 'ukrainska pravda', 'euronews',
  'dw', 'deutsche welle', 'cnbc', 'newsweek', 'time', 'usa today', 'semafor', 'the daily beast', 'buzzfeed',
  'huffpost', 'slate', 'salon', 'breitbart', 'vice', 'the intercept', 'propublica', 'yahoo news', 'google news',
]);
/** Last words of an outlet's name: The Example Times, Daily News, the Evening Post. */
export const OUTLET_WORDS = new Set([
  'times', 'post', 'news', 'journal', 'gazette', 'herald', 'tribune', 'telegraph', 'magazine', 'review', 'press',
  'chronicle', 'observer', 'independent', 'mail', 'express', 'standard', 'examiner', 'inquirer', 'bulletin',
  'newspaper', 'daily', 'weekly', 'broadcaster', 'tv', 'radio', 'agency', 'wire', 'outlet', 'channel', 'network',
]);
/** Heads of a holder that is an institution: the Kremlin, the ministry, the government, the court. */
export const BODY_WORDS = new Set([
  'kremlin', 'government', 'administration', 'ministry', 'department', 'office', 'court', 'parliament', 'congress',
  'senate', 'duma', 'council', 'committee', 'commission', 'embassy', 'agency', 'army', 'military', 'navy', 'police',
  'cabinet', 'party', 'campaign', 'team', 'institute', 'university', 'foundation', 'company', 'corporation', 'bank',
  'fund', 'union', 'alliance', 'organization', 'organisation', 'association', 'center', 'centre', 'house', 'pentagon',
  'state', 'states', 'country', 'countries', 'nation', 'nations', 'federation', 'republic', 'kingdom', 'chiefs',
  'service', 'services', 'intelligence', 'report', 'reports', 'study', 'statement', 'document', 'letter', 'memo',
  'draft', 'treaty', 'ruling', 'verdict', 'website', 'paper', 'survey', 'poll', 'polls', 'nato', 'un', 'eu', 'fsb',
  'kgb', 'cia', 'fbi', 'g7', 'g20', 'imf', 'who', 'opec', 'osce', 'moscow', 'kyiv', 'kiev', 'washington', 'beijing',
  'london', 'paris', 'berlin', 'brussels', 'russia', 'ukraine', 'china', 'europe',
]);
/** Plural heads of a group of people: experts, officials, Russians, critics. */
export const GROUP_WORDS = new Set([
  'people', 'experts', 'officials', 'analysts', 'historians', 'critics', 'observers', 'diplomats', 'aides', 'allies',
  'officers', 'scholars', 'researchers', 'journalists', 'commentators', 'authorities', 'lawmakers', 'senators',
  'generals', 'commanders', 'residents', 'witnesses', 'spokespeople', 'envoys', 'negotiators', 'economists',
  'advisers', 'advisors', 'prosecutors', 'investigators', 'policymakers', 'planners', 'supporters', 'opponents',
  'protesters', 'activists', 'voters', 'citizens', 'members', 'leaders', 'ministers', 'sources', 'others', 'many',
  'some', 'most', 'both', 'russians', 'ukrainians', 'americans', 'europeans', 'democrats', 'republicans',
  'conservatives', 'liberals', 'hawks', 'doves', 'insiders', 'veterans', 'soldiers', 'troops', 'rebels', 'separatists',
  'inner circle', 'circle', 'entourage', 'elite', 'elites', 'public', 'majority', 'minority', 'crowd', 'audience',
]);

/** Days of the week, lower case (a time adjunct, never a name). */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

// Words of the cue pass (cues.ts, reported.ts).

/** Verbs whose statement follows a fixed preposition: insist on, call for, hint at, ask for. */
export const PREPOSITION_CUES = new Map<string, string>();
for (const [forms, prep] of [
  [['insist', 'insists', 'insisted', 'insisting'], 'on'],
  [['call', 'calls', 'called', 'calling'], 'for'],
  [['hint', 'hints', 'hinted', 'hinting'], 'at'],
  [['ask', 'asks', 'asked', 'asking'], 'for'],
] as const)
  for (const f of forms) PREPOSITION_CUES.set(f, prep);

/** "According to" these is the writer citing evidence: polls, figures, data. */
export const DATA_NOUNS = new Set([
  'poll',
  'polls',
  'polling',
  'survey',
  'surveys',
  'figures',
  'data',
  'statistics',
  'estimates',
  'estimate',
  'census',
  'records',
  'numbers',
  'results',
  'projections',
  'forecasts',
  'calculations',
  'models',
]);

/** Verbs that make the words right after a quotation its tag. */
export const TAG_VERBS = new Set([
  'said',
  'says',
  'told',
  'tells',
  'added',
  'adds',
  'wrote',
  'writes',
  'asked',
  'asks',
  'replied',
  'insisted',
  'warned',
  'explained',
  'continued',
]);

/** Words that may stand between a speech verb and the colon or comma before its quotation: said on Monday: “…” */
export const ADJUNCT_OPENERS = new Set([
  'as',
  'while',
  'when',
  'about',
  'through',
  'outside',
  'inside',
  'of',
  'on',
  'in',
  'at',
  'to',
  'during',
  'after',
  'before',
  'from',
  'via',
  'with',
  'over',
  'late',
  'earlier',
  'later',
  'yesterday',
  'today',
  'tonight',
  'last',
  'this',
  ...WEEKDAYS,
  'again',
  'then',
  'simply',
  'bluntly',
  'recently',
  'once',
]);
