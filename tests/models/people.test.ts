import { describe, expect, test } from 'vitest';
import { buildPeople, holderFromName, holderTypeOf, nameResolver, parsePeopleConfig, peopleSections, personSlugs, retiredPeoplePages, type SourceInput, type SpanInput } from '../../src/models/people.ts';

/** A paragraph with spans given as [kind, speaker, words, statement?] in text order; the rest is narration. */
function para(anchor: string, n: number, text: string, marks: [SpanInput['kind'], string | null, string, number?][]) {
  const spans: SpanInput[] = [];
  let at = 0;
  for (const [kind, speaker, words, statement] of marks) {
    const start = text.indexOf(words, at);
    if (start < 0) throw new Error(`not in text: ${words}`);
    if (start > at) spans.push({ kind: 'narration', speaker: 'Writer', cue: null, start: at, end: start });
    spans.push({ kind, speaker, cue: kind === 'scare' ? null : 'said', start, end: start + words.length, ...(statement === undefined ? {} : { statement }) });
    at = start + words.length;
  }
  if (at < text.length) spans.push({ kind: 'narration', speaker: 'Writer', cue: null, start: at, end: text.length });
  return { kind: 'article', role: 'paragraph', anchor, n, text, spans };
}

const a: SourceInput = {
  id: 'alpha',
  title: 'Alpha',
  short: 'A',
  paragraphs: [
    para('p-one', 1, 'Anna Smith said the plan was “a disaster” for everyone.', [
      ['reported', 'Anna Smith', 'Anna Smith said the plan was ', 1],
      ['direct', 'Anna Smith', '“a disaster”', 1],
      ['reported', 'Anna Smith', ' for everyone.', 1],
    ]),
    para('p-two', 2, '“We will win,” the Kremlin said. A so-called “deal” followed. “No,” Smith said.', [
      ['direct', 'the Kremlin', '“We will win,”'],
      ['scare', null, '“deal”'],
      ['direct', 'Smith', '“No,”'],
    ]),
    para('p-three', 3, 'Nobody knows who said “hello there, world” first.', [['direct', null, '“hello there, world”']]),
  ],
};
const b: SourceInput = {
  id: 'beta',
  title: 'Beta',
  paragraphs: [
    para('p-b1', 1, 'The Russian president said no. Officials told us that nothing changed. Later, he said “never.”', [
      ['reported', 'the Russian president', 'The Russian president said no.', 1],
      ['reported', 'Officials', 'Officials told us that nothing changed.', 2],
      ['direct', 'the Russian president', '“never.”'],
    ]),
  ],
};

describe('parsePeopleConfig', () => {
  test('reads names, aliases and descriptions', () => {
    const c = parsePeopleConfig('- name: Vladimir Putin\n  aliases: [Putin, the Russian president]\n  description: President of Russia.\n- name: Anna Smith\n', 'people.yaml');
    expect(c).toEqual([
      { name: 'Vladimir Putin', aliases: ['Putin', 'the Russian president'], description: 'President of Russia.' },
      { name: 'Anna Smith', aliases: [], description: undefined },
    ]);
    expect(parsePeopleConfig('', 'people.yaml')).toEqual([]);
  });

  test.each([
    ['- name: X\n  colour: red\n', /entry 1 \("X"\).*colour/],
    ['- aliases: [Y]\n', /entry 1, field "name"/],
    ['- name: X\n  description: "two\\nlines"\n', /entry 1 \("X"\), field "description": description must be one line/],
    ['- name: X\n- name: Y\n  aliases: [x]\n', /:3:13 {2}entry 2 \("Y"\), alias "x" {2}people-alias-other-person: "x" is the name of another person \(entry 1\)/],
    ['name: X\n', /must be a list/],
    ['- name: [unclosed\n', /not valid YAML/],
  ])('rejects %j naming the entry and field', (yaml, message) => {
    expect(() => parsePeopleConfig(yaml, 'content/people.yaml')).toThrow(message);
    expect(() => parsePeopleConfig(yaml, 'content/people.yaml')).toThrow(/^content\/people\.yaml:(\d+:\d+ )? /);
  });
});

describe('nameResolver', () => {
  test('configured names and aliases win, ignoring case and spacing', () => {
    const r = nameResolver(['Putin', 'The  Russian president'], [{ name: 'Vladimir Putin', aliases: ['Putin', 'the Russian president'] }]);
    expect(r('Putin')).toBe('Vladimir Putin');
    expect(r('the russian president')).toBe('Vladimir Putin');
    expect(r('Vladimir Putin')).toBe('Vladimir Putin');
  });

  test('a lone surname joins the one full personal name that ends with it; never when two do', () => {
    expect(nameResolver(['Anna Smith', 'Smith'])('Smith')).toBe('Anna Smith');
    const two = nameResolver(['Anna Smith', 'John Smith', 'Smith']);
    expect(two('Smith')).toBe('Smith');
    // Not a personal name (lower-case words): no merge.
    expect(nameResolver(['the Institute for the Study of War', 'War'])('War')).toBe('War');
    // A configured name is never merged into another.
    expect(nameResolver(['Anna Smith', 'Smith'], [{ name: 'Smith', aliases: [] }])('Smith')).toBe('Smith');
  });

  test('spellings that differ only in case are one name, written as most often', () => {
    const r = nameResolver(['the Kremlin', 'The Kremlin', 'the Kremlin']);
    expect(r('The Kremlin')).toBe('the Kremlin');
    expect(r('Somebody new')).toBe('Somebody new');
  });
});

test('personSlugs: github-slugger slugs, stable whatever the input order, never empty', () => {
  const names = ['Vladimir Putin', 'U.S. intelligence services', 'the Kremlin', '!!!'];
  const s = personSlugs(names);
  expect(s.get('Vladimir Putin')).toBe('vladimir-putin');
  expect(s.get('U.S. intelligence services')).toBe('us-intelligence-services');
  expect(s.get('!!!')).toBe('person');
  expect(personSlugs([...names].reverse())).toEqual(s);
});

describe('buildPeople', () => {
  const config = [{ name: 'Vladimir Putin', aliases: ['the Russian president'], description: 'President of Russia.' }];
  const citations = [
    {
      thesis: { slug: 'one', title: 'Thesis one' },
      citations: [
        { source: 'alpha', anchor: 'p-one', id: 'cite-1', exact: 'a disaster' },
        { source: 'alpha', anchor: 'p-two', id: 'cite-2', exact: 'A so-called' },
      ],
    },
    { thesis: { slug: 'two', title: 'Thesis two' }, citations: [{ source: 'beta', anchor: 'p-b1', id: 'cite-9', exact: 'said no' }] },
  ];
  const people = buildPeople([a, b], config, citations);
  const byName = new Map(people.map((p) => [p.name, p]));

  test('everyone with a direct or reported statement, sorted by name ignoring “the”; no page for unknown speakers', () => {
    expect(people.map((p) => p.name)).toEqual(['Anna Smith', 'the Kremlin', 'Officials', 'Vladimir Putin']);
  });

  test('a person is a search result when listed in people.yaml or speaking in two sources; a speaker of one source is not', () => {
    for (const p of people) expect(p.searchable, p.name).toBe(p.name === 'Vladimir Putin' || p.sources.length >= 2);
    expect(people.map((p) => [p.name, p.sources.length, p.searchable])).toEqual(
      expect.arrayContaining([['Vladimir Putin', 1, true], ['Anna Smith', 1, false]]),
    );
    const two = buildPeople([a, { ...a, id: 'alpha-again' }]).find((p) => p.name === 'Anna Smith')!;
    expect([two.sources.length, two.searchable]).toEqual([2, true]);
  });

  test('pieces of one reported statement are one statement, its text the verbatim slice', () => {
    const smith = byName.get('Anna Smith')!;
    expect(smith.otherNames).toEqual(['Smith']);
    const [s1, s2] = smith.sources[0]!.statements;
    expect(s1).toMatchObject({ kind: 'reported', text: 'Anna Smith said the plan was “a disaster” for everyone.', anchor: 'p-one', n: 1, href: '/sources/alpha/#p-one' });
    expect(s2).toMatchObject({ kind: 'direct', text: '“No,”', speakerAsWritten: 'Smith' });
    expect(smith.count).toBe(2);
    expect([smith.direct, smith.reported]).toEqual([1, 1]);
    for (const s of smith.sources.flatMap((x) => x.statements)) {
      const p = [...a.paragraphs, ...b.paragraphs].find((p) => p.anchor === s.anchor)!;
      expect(p.text.slice(s.start, s.end)).toBe(s.text);
    }
  });

  test('aliases merge, the description is kept, statements are grouped by source in the given order', () => {
    const putin = byName.get('Vladimir Putin')!;
    expect(putin.description).toBe('President of Russia.');
    expect(putin.sources.map((s) => s.id)).toEqual(['beta']);
    expect(putin.sources[0]!.statements.map((s) => s.text)).toEqual(['The Russian president said no.', '“never.”']);
    expect(putin.slug).toBe('vladimir-putin');
    expect(byName.get('the Kremlin')!.description).toBeNull();
  });

  test('a thesis cites a statement when its cited words overlap the statement, not merely the paragraph', () => {
    expect(byName.get('Anna Smith')!.sources[0]!.statements[0]!.citedBy).toEqual([{ slug: 'one', title: 'Thesis one', ids: ['cite-1'] }]);
    // cite-2 quotes narration of p-two: neither quotation in that paragraph is cited by it.
    expect(byName.get('the Kremlin')!.sources[0]!.statements[0]!.citedBy).toEqual([]);
    const putin = byName.get('Vladimir Putin')!.sources[0]!.statements;
    expect(putin[0]!.citedBy.map((c) => c.ids)).toEqual([['cite-9']]);
    expect(putin[1]!.citedBy).toEqual([]);
  });

  test('statement ids are unique and carry source and paragraph', () => {
    const ids = people.flatMap((p) => p.sources.flatMap((s) => s.statements.map((x) => x.id)));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('alpha--p-one-0');
  });

  test('touching pieces of one speaker without statement numbers are one statement (as after editorial corrections)', () => {
    const text = 'Then he said that all was lost “forever,” meaning the war.';
    const src: SourceInput = {
      id: 'c',
      title: 'C',
      paragraphs: [
        para('p', 1, text, [
          ['reported', 'Ann Lee', 'he said that all was lost '],
          ['direct', 'Ann Lee', '“forever,”'],
          ['reported', 'Ann Lee', ' meaning the war.'],
        ]),
      ],
    };
    const [p] = buildPeople([src]);
    expect(p!.sources[0]!.statements.map((s) => s.text)).toEqual(['he said that all was lost “forever,” meaning the war.']);
  });

  test('two numbered statements of one speaker that touch stay two', () => {
    const src: SourceInput = {
      id: 'd',
      title: 'D',
      paragraphs: [para('p', 1, 'Ann Lee said yes. She said no.', [['reported', 'Ann Lee', 'Ann Lee said yes.', 1], ['reported', 'Ann Lee', ' She said no.', 2]])],
    };
    expect(buildPeople([src])[0]!.count).toBe(2);
  });
});

describe('kinds of holder', () => {
  test.each([
    ['Vladimir Putin', 'person'],
    ['Biden', 'person'],
    ['the Russian president', 'person'],
    ['polls', 'group'],
    ['experts', 'group'],
    ['Experts', 'group'],
    ['intelligence analysts', 'group'],
    ['Russians', 'group'],
    ['Russian officials', 'group'],
    ['Putin and his aides', 'group'],
    ['the Russian president and his inner circle', 'group'],
    ['the Kremlin', 'body'],
    ['Joint Chiefs', 'body'],
    ['Russia', 'body'],
    ['the Institute for the Study of War', 'body'],
    ['NATO', 'body'],
    ['CNN', 'outlet'],
    ['POLITICO', 'outlet'],
    ['Reuters', 'outlet'],
    ['Fox News', 'outlet'],
  ] as const)('%s is a %s by its name', (name, type) => {
    expect(holderFromName(name)).toBe(type);
  });

  test('content/people.yaml wins; then the speech stage (most frequent); a name that is a group is never a person', () => {
    expect(holderTypeOf('Anna Smith', ['person'], 'group')).toBe('group');
    expect(holderTypeOf('the Kremlin', ['body', 'body', 'person'])).toBe('body');
    expect(holderTypeOf('Anna Smith', [undefined, 'person'])).toBe('person');
    expect(holderTypeOf('experts', ['person'])).toBe('group');
    expect(holderTypeOf('Meduza', ['outlet'])).toBe('outlet');
    expect(holderTypeOf('polls', [undefined])).toBe('group');
  });

  test('people.yaml takes a type, and rejects an unknown one', () => {
    expect(parsePeopleConfig('- name: CNN\n  type: outlet\n', 'p.yaml')).toEqual([{ name: 'CNN', aliases: [], description: undefined, type: 'outlet' }]);
    expect(() => parsePeopleConfig('- name: CNN\n  type: newspaper\n', 'content/people.yaml')).toThrow(/entry 1 \("CNN"\), field "type": type must be one of person, group, body, outlet/);
  });

  const src: SourceInput = {
    id: 'gamma',
    title: 'Gamma',
    paragraphs: [
      para('p-g1', 1, 'Polls show support. Experts said it would fail. CNN reported a deal. Anna Smith said “yes.”', [
        ['reported', 'polls', 'Polls show support.'],
        ['reported', 'Experts', 'Experts said it would fail.'],
        ['reported', 'CNN', 'CNN reported a deal.'],
        ['direct', 'Anna Smith', '“yes.”'],
      ]),
    ],
  };

  test('buildPeople heads each entry with its kind; /people/ sections list people first, then groups, bodies and outlets', () => {
    const people = buildPeople([src]);
    expect(people.map((p) => [p.name, p.type, p.label])).toEqual([
      ['Anna Smith', 'person', 'Person'],
      ['CNN', 'outlet', 'Outlet'],
      ['Experts', 'group', 'Group'],
      ['polls', 'group', 'Group'],
    ]);
    expect(peopleSections(people).map((s) => [s.heading, s.people.map((p) => p.name)])).toEqual([
      ['People', ['Anna Smith']],
      ['Groups of people', ['Experts', 'polls']],
      ['News outlets', ['CNN']],
    ]);
  });

  test('the holder type of the spans is used when people.yaml has none', () => {
    const withHolder: SourceInput = { ...src, paragraphs: src.paragraphs.map((p) => ({ ...p, spans: (p.spans ?? []).map((s) => (s.speaker === 'Anna Smith' ? { ...s, holder: 'outlet' as const } : s)) })) };
    expect(buildPeople([withHolder]).find((p) => p.name === 'Anna Smith')!.label).toBe('Outlet');
    expect(buildPeople([withHolder], [{ name: 'Anna Smith', aliases: [], type: 'person' }]).find((p) => p.name === 'Anna Smith')!.label).toBe('Person');
  });
});

describe('inferred speakers', () => {
  test('a statement with an inferred span is inferred, with its evidence; others are not', () => {
    const p = para('p-i', 1, '“We stay,” Anna Smith said. “We will win.”', [
      ['direct', 'Anna Smith', '“We stay,”'],
      ['direct', 'Anna Smith', '“We will win.”'],
    ]);
    p.spans[p.spans.length - 1] = { ...p.spans.at(-1)!, inferred: true, evidence: 'continues her quotation' };
    const [anna] = buildPeople([{ id: 'i', title: 'I', paragraphs: [p] }]);
    expect(anna!.sources[0]!.statements.map((s) => [s.text, s.inferred, s.evidence])).toEqual([
      ['“We stay,”', false, null],
      ['“We will win.”', true, 'continues her quotation'],
    ]);
  });
});

describe('retiredPeoplePages', () => {
  test('a ledger people page nobody has any more leads each id to where its statement is now', () => {
    const people = buildPeople([a, b], [{ name: 'Vladimir Putin', aliases: ['the Russian president'] }]);
    const putin = people.find((p) => p.name === 'Vladimir Putin')!;
    const st = putin.sources[0]!.statements[0]!;
    const ledger = new Map([
      ['/people/the-russian-president/', [`from-${st.source}`, st.id, 'beta--p-gone-0']],
      [`/people/${putin.slug}/`, [st.id]],
      ['/people/nobody/', ['alpha--p-x-0']],
    ]);
    const [nobody, gone, ...rest] = retiredPeoplePages(ledger, people);
    expect(rest).toEqual([]);
    expect(gone!.page).toBe('/people/the-russian-president/');
    expect(gone!.successor).toEqual({ slug: putin.slug, name: 'Vladimir Putin', label: 'Person' });
    expect(gone!.reason).toBe('its statements are now listed under “Vladimir Putin”');
    expect(gone!.targets.get(st.id)).toBe(`/people/${putin.slug}/#${st.id}`);
    expect(gone!.targets.get(`from-${st.source}`)).toBe(`/people/${putin.slug}/#from-${st.source}`);
    expect(gone!.targets.get('beta--p-gone-0')).toBe(`/people/${putin.slug}/`);
    expect(nobody!.successor).toBeNull();
    expect(nobody!.targets.get('alpha--p-x-0')).toBe('/people/');
  });
});

test('person slugs are ASCII: diacritics dropped, so an address can be typed and shared as is', () => {
  const slugs = personSlugs(['Ivana Kottasová', 'Détente', 'Jürgen Müller']);
  expect([...slugs.values()]).toEqual(expect.arrayContaining(['ivana-kottasova', 'detente', 'jurgen-muller']));
});
