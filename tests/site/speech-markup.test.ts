/** Speech marks on the built source pages, checked against the pipeline's own spans. */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSources } from '../../src/pipeline/load-sources.ts';
import { nameResolver, speakersOf } from '../../src/models/people.ts';
import { parsePeopleConfig } from '../../src/models/people.ts';
import { page } from '../support/dist.ts';
import { ROOT, SEEDS } from '../support/paths.ts';

const sources = loadSources(SEEDS);
const config = parsePeopleConfig(readFileSync(join(ROOT, 'content', 'people.yaml'), 'utf8'), 'content/people.yaml');
const resolve = nameResolver(speakersOf(sources.map((s) => ({ paragraphs: s.paragraphs }))), config);

test('the seeds have quotations and reported speech to mark', () => {
  const kinds = new Set(sources.flatMap((s) => s.paragraphs.flatMap((p) => (p.spans ?? []).map((sp) => sp.kind))));
  expect([...kinds]).toEqual(expect.arrayContaining(['direct', 'reported', 'narration']));
});

describe.each(sources.map((s) => [s.entry.id, s] as const))('%s', (id, source) => {
  const $ = page(`/sources/${id}/`);

  test('each paragraph’s text (.ptext) is exactly the source text, marks or not', () => {
    for (const p of source.paragraphs) expect($(`[id="${p.anchor}"] > .ptext`).text(), p.anchor).toBe(p.text);
  });

  test('each direct or reported span is marked with its speaker; narration and scare quotes are not', () => {
    for (const p of source.paragraphs) {
      const want = (p.spans ?? []).filter((s) => (s.kind === 'direct' || s.kind === 'reported') && /\S/.test(s.text));
      const marks = $(`[id="${p.anchor}"] > .ptext > span.speech`);
      expect(marks.length, p.anchor).toBe(want.length);
      marks.each((i, el) => {
        const span = want[i]!;
        const m = $(el);
        expect(m.text()).toBe(span.text);
        expect(m.hasClass(span.kind)).toBe(true);
        const speaker = span.speaker === null ? '' : resolve(span.speaker);
        expect(m.attr('data-speaker')).toBe(speaker);
        expect(m.attr('data-label')).toContain(speaker || 'speaker not identified');
        expect(m.attr('data-label')).toContain(span.kind === 'direct' ? 'Quotation' : 'Reported speech');
        if (span.corrected) expect(m.attr('data-label')).toContain('editorial correction');
        expect(m.attr('tabindex')).toBe('0');
        // Screen readers: the label is a real element outside the text, ignored by Pagefind.
        const label = $(`[id="${m.attr('aria-describedby')}"]`);
        expect(label.length).toBe(1);
        expect(label.text()).toBe(m.attr('data-label'));
        expect(label.closest('.ptext').length).toBe(0);
        expect(label.closest('[data-pagefind-ignore="all"]').length).toBe(1);
      });
      // Narration (and scare quotes) are plain text: no mark covers text outside a direct/reported span.
      const markedText = marks.map((_, el) => $(el).text()).get().join('');
      expect(markedText.length).toBe(want.reduce((n, s) => n + s.text.length, 0));
    }
  });

  test('furniture and reader comments carry no speech marks', () => {
    expect($('.para.furniture .speech, .para.comment .speech').length).toBe(0);
  });
});

// An editorial correction from the manifest is rendered as one: tests/site/fixture-builds-render.test.ts
// builds a source with a `speech` correction (the seeds need none).
