/** Access dates in each style's own form (APA 7, MLA 9, Chicago 17), written by hand from the manuals. */
import { expect, test } from 'vitest';
import { withAccessDate } from '../../src/lib/access-date.ts';

const day = { y: 2026, m: 9, d: 7 };
const apa = 'Kirichenko, D. (2025, February 3). What Putin wants from Trump. The Hill. https://thehill.com/x/';
const mla = 'Kirichenko, David. “What Putin Wants from Trump.” The Hill, 3 Feb. 2025, https://thehill.com/x/.';
const chicagoRef = 'Kirichenko, David. “What Putin Wants from Trump.” The Hill, February 3, 2025. https://thehill.com/x/.';
const chicagoNote = 'David Kirichenko, “What Putin Wants from Trump,” The Hill, February 3, 2025, para. 12, https://thehill.com/x/#p-a.';

test('APA: a retrieval date before the URL of the reference; the in-text citation unchanged', () => {
  expect(withAccessDate('apa', 'reference', apa, day)).toBe('Kirichenko, D. (2025, February 3). What Putin wants from Trump. The Hill. Retrieved September 7, 2026, from https://thehill.com/x/');
  expect(withAccessDate('apa', 'paragraph', '(Kirichenko, 2025, para. 12)', day)).toBe('(Kirichenko, 2025, para. 12)');
});

test('MLA: "Accessed" with the day, the abbreviated month ("Sept.") and the year, at the end', () => {
  expect(withAccessDate('mla', 'reference', mla, day)).toBe(`${mla} Accessed 7 Sept. 2026.`);
  expect(withAccessDate('mla', 'reference', mla, { y: 2026, m: 6, d: 1 })).toBe(`${mla} Accessed 1 June 2026.`);
  expect(withAccessDate('mla', 'paragraph', '(Kirichenko, par. 12)', day)).toBe('(Kirichenko, par. 12)');
});

test('Chicago: "accessed" before the URL in a note, "Accessed" as a sentence before it in the bibliography', () => {
  expect(withAccessDate('chicago', 'paragraph', chicagoNote, day)).toBe('David Kirichenko, “What Putin Wants from Trump,” The Hill, February 3, 2025, para. 12, accessed September 7, 2026, https://thehill.com/x/#p-a.');
  expect(withAccessDate('chicago', 'reference', chicagoRef, day)).toBe('Kirichenko, David. “What Putin Wants from Trump.” The Hill, February 3, 2025. Accessed September 7, 2026. https://thehill.com/x/.');
});

test('a citation without a URL keeps its form (nothing to date against)', () => {
  expect(withAccessDate('apa', 'reference', 'Doe, J. (2024). Title. Outlet.', day)).toBe('Doe, J. (2024). Title. Outlet.');
});
