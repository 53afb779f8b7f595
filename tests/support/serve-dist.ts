/** The site's own static server (src/server/serve-dist.ts), re-exported for tests and bench. */
export * from '../../src/server/serve-dist.ts';
