/**
 * What a thesis page may cost a reader (issue: thesis pages a reader can take
 * in), shared by the browser tests and `npm run bench -- --check`, and in
 * force for every later feature: whatever a thesis page gains must fit.
 */
/** Height at 1280 × 900 with every disclosure closed. */
export const THESIS_MAX_HEIGHT_PX = 13_000;
/**
 * Everything a browser fetches to show a thesis, with no interaction (HTML, CSS, JS, anything else), gzip:
 * 0.3 × what Starlight's page of the same prose fetched (60.5 kB for the NATO thesis), until the bench
 * measures Starlight itself.
 */
export const THESIS_MAX_FETCH_BYTES = 18 * 1024;
/** Printed from Chromium on A4 with 2 cm margins. */
export const THESIS_MAX_PRINT_PAGES = 8;
/** The answer at the top of a thesis, in words as rendered (also checked by the build). */
export const IN_BRIEF_MAX_WORDS = 80;
/** Characters per line of thesis prose: a comfortable measure. */
export const MEASURE_CHARS = [60, 75] as const;
