/**
 * Astro integration: the anchor ledger (`content/anchors.lock.json`, see
 * src/ledger/anchor-ledger.ts). Opens it before anything renders, so every
 * page can read what to render for its anchors (src/ledger/store.ts);
 * when the build is done, before Pagefind indexes, it collects the anchors each
 * page declared in its HTML (and strips the declarations), and reconciles them
 * with the file in one pass: a ledger anchor that would vanish fails the build
 * naming anchor and page; new anchors and successors are written to the file,
 * except under CI=true, where the ledger is frozen and a build that would
 * change it fails (as `npm ci` treats a lockfile).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { closeLedger, DECLARATION_ATTRIBUTE, ledgerFrozen, openLedger, takeDeclarations, type AnchorDeclaration } from '../ledger/store.ts';
import { readLedgerHistory } from '../ledger/git-history.ts';

export default function anchorLedger(options: { file: string }): AstroIntegration {
  return {
    name: 'anchor-ledger',
    hooks: {
      'astro:config:setup': () => openLedger(options.file),
      'astro:build:done': ({ dir, logger }) => {
        const declarations = collectDeclarations(fileURLToPath(dir));
        const frozen = ledgerFrozen();
        // Frozen (CI): also append-only against every earlier committed version (read from git once, here).
        const r = closeLedger({ frozen, declarations, ...(frozen ? { history: () => readLedgerHistory(options.file) } : {}) });
        if (r.history?.includes('(')) logger.warn(`anchor ledger: ${r.history}`);
        logger.info(
          `${r.written ? 'wrote' : frozen ? 'frozen, unchanged:' : 'unchanged:'} ${r.file.replace(`${process.cwd()}/`, '')} ` +
            `(${r.pages} pages; ${r.added} new anchors, ${r.redirected} old ids kept as aliases, ${r.tombstones} tombstones)` +
            (r.history ? `; ${r.history}` : ''),
        );
      },
    },
  };
}

/** Every page's anchor declarations, from the HTML files of `site`; each file is written back without them. */
function collectDeclarations(site: string): AnchorDeclaration[] {
  const out: AnchorDeclaration[] = [];
  for (const f of readdirSync(site, { recursive: true, encoding: 'utf8' })) {
    if (!f.endsWith('.html')) continue;
    const file = join(site, f);
    const html = readFileSync(file, 'utf8');
    if (!html.includes(DECLARATION_ATTRIBUTE)) continue;
    const taken = takeDeclarations(html);
    out.push(...taken.declarations);
    writeFileSync(file, taken.html);
  }
  return out;
}
