import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
/** The same site built under a sub-path (BASE_PATH, SITE_URL below), by the global setup. */
export const DIST_BASE = fileURLToPath(new URL('../../dist-base/', import.meta.url));
export const BASE_PATH = '/explainer/';
export const BASE_SITE_URL = 'https://example.org';
export const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
