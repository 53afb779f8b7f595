/**
 * citeproc-js in a worker thread (src/build/citeproc.ts starts it). Building a
 * style's engine is most of what citing costs (APA's and Chicago's take
 * seconds of CPU); here the three engines are built as soon as the worker
 * starts, on another core, while the build's main thread loads the config,
 * syncs content and bundles pages, so a cold build does not wait for them.
 * The main thread then asks for each citation synchronously (synckit:
 * Atomics.wait on a shared buffer), in the order its pages need them.
 *
 * Plain JavaScript: a worker runs the file as it is, never bundled.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { readdirSync, readFileSync } from 'node:fs';
import { runAsWorker } from 'synckit';

/** The vendored styles and locale (src/csl/), next to this file's folder. */
const CSL_DIR = new URL('../csl/', import.meta.url);
/** Every style file there (src/csl/<file>.csl): cite.ts's STYLES name them. */
const STYLE_FILES = readdirSync(CSL_DIR).filter((f) => f.endsWith('.csl')).map((f) => f.slice(0, -4));

const config = plugins.config.get('@csl');
for (const file of STYLE_FILES) config.styles.add(file, readFileSync(new URL(`${file}.csl`, CSL_DIR), 'utf8'));
config.locales.add('en-US', readFileSync(new URL('locales-en-US.xml', CSL_DIR), 'utf8'));

/** citation-js keeps one engine per style and locale: formatting anything once builds it. */
const probe = { id: 'warm-up', type: 'webpage', title: 'Warm-up' };
for (const template of STYLE_FILES) {
  new Cite(probe).format('bibliography', { format: 'text', template, lang: 'en-US' });
  new Cite(probe).format('citation', { format: 'text', template, lang: 'en-US', entry: [{ id: 'warm-up', locator: '1', label: 'paragraph' }] });
}

runAsWorker((mode, item, options) => new Cite(item).format(mode, { ...options, lang: 'en-US' }));
