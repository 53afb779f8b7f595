import { expect, test } from 'vitest';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { DIST } from '../support/paths.ts';
import { htmlPages } from '../support/dist.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Astro writes boolean attributes as `hidden` and void elements as `<meta …>`; both are valid HTML.
    'attribute-boolean-style': 'off',
    'void-style': 'off',
    // Page titles are "<thesis or source title> · What does Putin want?" and source headlines are long.
    'long-title': 'off',
  },
});

test.each(htmlPages())('%s is valid HTML', async (path) => {
  const file = join(DIST, path.endsWith('/') ? `${path}index.html` : path);
  const report = await validator.validateFile(file);
  const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
  expect(messages).toEqual([]);
});

test('the validator does reject bad markup', async () => {
  const report = await validator.validateString('<!doctype html><html lang="en"><head><title>x</title></head><body><p><div id="a"></div><span id="a"></span></body></html>');
  expect(report.valid).toBe(false);
});
