/**
 * Astro integration: the anchor ledger (`content/anchors.lock.json`, see
 * src/pipeline/anchor-ledger.ts). Opens it before anything renders, so every
 * page can publish its anchors (src/lib/anchor-ledger-store.ts), and closes it
 * when the build is done, before Pagefind indexes: a ledger anchor that would
 * vanish fails the build naming anchor and page; new anchors and successors
 * are written to the file, except under CI=true, where the ledger is frozen and
 * a build that would change it fails (as `npm ci` treats a lockfile).
 */
import type { AstroIntegration } from 'astro';
import { closeLedger, ledgerFrozen, openLedger } from '../lib/anchor-ledger-store.ts';
import { readLedgerHistory } from '../lib/anchor-ledger-history.ts';

export default function anchorLedger(options: { file: string }): AstroIntegration {
  return {
    name: 'anchor-ledger',
    hooks: {
      'astro:config:setup': () => openLedger(options.file),
      'astro:build:done': ({ logger }) => {
        const frozen = ledgerFrozen();
        // Frozen (CI): also append-only against every earlier committed version (read from git once, here).
        const r = closeLedger({ frozen, ...(frozen ? { history: () => readLedgerHistory(options.file) } : {}) });
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
