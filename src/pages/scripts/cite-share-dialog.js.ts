/**
 * /scripts/cite-share-dialog.js: the "Cite or share" dialog
 * (src/scripts/cite-share-dialog.ts with src/lib/access-date.ts), compiled
 * here from TypeScript into one plain module, which a page loads by URL only
 * when a reader opens the dialog. Vite would wrap an on-demand import of its
 * own chunk in a preloading helper (~1.5 kB) that every page would run before
 * any interaction; the reading pages' JavaScript budget has no room for it.
 */
import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** Sources are read from the project (the build runs there; this module itself is bundled elsewhere). */
const compile = (rel: string): string =>
  ts.transpileModule(readFileSync(join(process.cwd(), 'src', rel), 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: true },
  }).outputText;

export const GET: APIRoute = () => {
  const accessDate = compile('lib/access-date.ts');
  const dialog = compile('scripts/cite-share-dialog.ts').replace(/^import \{[^}]*\} from '\.\.\/lib\/access-date\.ts';\n/m, '');
  if (/^import /m.test(dialog)) throw new Error('cite-share-dialog.ts imports more than access-date.ts: bundle it here too');
  return new Response(`${accessDate}\n${dialog}`, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
