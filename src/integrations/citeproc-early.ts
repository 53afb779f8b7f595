/**
 * Starts citeproc's engines (src/build/citeproc.ts) when Astro starts, if the
 * citation cache is cold: they are built on another core while the config
 * loads, content syncs and pages bundle, instead of holding up the first page
 * that cites. A warm build (every citation cached) starts nothing.
 */
import type { AstroIntegration } from 'astro';
import { prepareCitations } from '../models/cite.ts';

export default function citeprocEarly(): AstroIntegration {
  return {
    name: 'citeproc-early',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build') prepareCitations();
      },
    },
  };
}
