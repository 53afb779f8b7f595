import { expect, test } from 'vitest';
import { spaceDashes } from '../../src/integrations/pagefind.ts';

test('the copy given to Pagefind splits words joined by a dash, in text only', () => {
  expect(spaceDashes('<p title="a—b">Kaliningrad—the exclave, 2014–2022</p>')).toBe('<p title="a—b">Kaliningrad\u2009—\u2009the exclave, 2014\u2009–\u20092022</p>');
  // A dash already set with spaces, or a hyphen, is left alone.
  expect(spaceDashes('<p>war — and peace, well-known</p>')).toBe('<p>war — and peace, well-known</p>');
});
