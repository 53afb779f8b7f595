/**
 * Data flows one way: pages and components render what the pipeline and the
 * plugins computed, and take its types from the citation model
 * (src/lib/citation-model.ts), never from inside a plugin. And a build
 * computes each shared value once through one helper (src/build/per-build.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths.ts';

const SRC = join(ROOT, 'src');
/** The folders of build-side modules (everything but the pages, components, layouts and browser scripts). */
const BUILD_SIDE = ['pipeline', 'checks', 'ledger', 'models', 'site', 'build', 'lib', 'loaders', 'integrations'];

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && ext.test(d.name))
    .map((d) => join(d.parentPath, d.name));
}

/** Every module a file imports or re-exports (static `import … from`, bare `import '…'`, `export … from`, dynamic `import('…')`). */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  const patterns = [/\b(?:import|export)\s[^'";]*?\sfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of text.matchAll(re)) out.push(m[1]!);
  return out;
}

/** The imports of `file` that resolve to a file under src/integrations/. */
function integrationImports(file: string): string[] {
  return importsOf(readFileSync(file, 'utf8'))
    .filter((spec) => spec.startsWith('.') || spec.startsWith('/'))
    .filter((spec) => {
      const target = spec.startsWith('/') ? join(ROOT, spec) : resolve(dirname(file), spec);
      return !relative(join(SRC, 'integrations'), target).startsWith('..');
    });
}

describe('one-way imports', () => {
  it('reads every kind of import statement', () => {
    const text = [
      "import type { PageCitation } from '../../integrations/remark-citations.ts';",
      "import {\n  a,\n  b,\n} from './multi-line.ts';",
      "import './side-effect.css';",
      "export { x } from './re-export.ts';",
      "const m = await import('./dynamic.ts');",
    ].join('\n');
    expect(importsOf(text)).toEqual(expect.arrayContaining(['../../integrations/remark-citations.ts', './multi-line.ts', './side-effect.css', './re-export.ts', './dynamic.ts']));
  });

  const files = [...filesUnder(join(SRC, 'pages'), /\.(astro|ts)$/), ...filesUnder(join(SRC, 'components'), /\.(astro|ts)$/)];

  it('finds the pages and components', () => {
    expect(files.some((f) => f.endsWith('.astro'))).toBe(true);
    expect(files.some((f) => f.includes(`${join('src', 'pages')}`))).toBe(true);
    expect(files.some((f) => f.includes(`${join('src', 'components')}`))).toBe(true);
  });

  it('no page or component imports from src/integrations/ (types come from src/lib/citation-model.ts)', () => {
    const offenders = files.flatMap((f) => integrationImports(f).map((spec) => `${relative(ROOT, f)} imports ${spec}`));
    expect(offenders).toEqual([]);
  });

  it('only src/site/ reads the collections among the build-side folders: the pipeline, checks, ledger, models, build and lib take what they need as arguments', () => {
    const pure = ['pipeline', 'checks', 'ledger', 'models', 'build', 'lib'];
    const readers = (folders: string[]) => folders.flatMap((folder) => filesUnder(join(SRC, folder), /\.(ts|mjs)$/)).filter((f) => importsOf(readFileSync(f, 'utf8')).includes('astro:content'));
    expect(readers(['site']).length).toBeGreaterThan(0);
    expect(readers(pure).map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('values shared by a build are memoised by src/build/per-build.ts alone', () => {
    const modules = BUILD_SIDE.flatMap((folder) => filesUnder(join(SRC, folder), /\.ts$/));
    expect(modules.some((f) => f.endsWith(join('build', 'per-build.ts')))).toBe(true);
    const own = modules.filter((f) => !f.endsWith(join('build', 'per-build.ts')) && /import\.meta\.env\.DEV/.test(readFileSync(f, 'utf8')));
    expect(own.map((f) => relative(ROOT, f))).toEqual([]);
  });
});

describe('the pipeline code version', () => {
  /** Every module under src/ that `entry` imports, directly or through others. */
  function reachable(entry: string): Set<string> {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), spec);
        if (!relative(SRC, target).startsWith('..') && /\.(ts|mjs)$/.test(target)) visit(target);
      }
    };
    visit(entry);
    return seen;
  }

  it('covers every folder the sources loader imports from, so the build cache invalidates when any of that code changes', async () => {
    const { CODE_FOLDERS } = await import('../../src/build/source-index.ts');
    const loader = join(SRC, 'loaders', 'sources-loader.ts');
    const modules = [...reachable(loader)].filter((f) => f !== loader);
    expect(modules.length).toBeGreaterThan(10);
    const outside = modules.filter((f) => !(CODE_FOLDERS as readonly string[]).includes(relative(SRC, f).split(/[\\/]/)[0]!));
    expect(outside.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
