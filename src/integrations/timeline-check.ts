/**
 * Astro integration: checks content/timeline.yaml (the timeline's curated
 * events, src/checks/timeline-check.ts) when Astro starts, so that an event
 * whose words are not in its source, or whose date disagrees with them, fails
 * `astro build` before anything renders, with every problem listed as
 * `content/timeline.yaml:line:column  <label>  rule-id: message`. In dev the
 * problems are logged (the timeline page fails with the same list).
 * `readCuratedTimeline` is what the timeline page uses too.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sourcesFor } from '../build/source-index.ts';
import { checkTimeline, type TimelineCheck } from '../checks/timeline-check.ts';
import { citationVerifier } from '../checks/verify-citation.ts';

export const TIMELINE_FILE = 'content/timeline.yaml';

/** The curated events of `<root>/content/timeline.yaml`, checked against `<root>/seeds/` (none without the file). */
export function readCuratedTimeline(root: string): TimelineCheck {
  const file = join(root, TIMELINE_FILE);
  if (!existsSync(file)) return { events: [], problems: [] };
  const seedsDir = join(root, 'seeds');
  const verify = citationVerifier({ seedsDir, peopleFile: join(root, 'content', 'people.yaml'), root });
  return checkTimeline(readFileSync(file, 'utf8'), relative(root, file), { sources: sourcesFor(seedsDir), verify });
}

export class TimelineError extends Error {
  constructor(problems: readonly string[]) {
    super(`Timeline check failed: ${problems.length} problem${problems.length > 1 ? 's' : ''} in ${TIMELINE_FILE}\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'TimelineError';
  }
}

export default function timelineCheck(options: { root: string }): AstroIntegration {
  return {
    name: 'timeline-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const { problems } = readCuratedTimeline(options.root);
        if (problems.length === 0) return;
        if (command === 'build') throw new TimelineError(problems);
        for (const p of problems) logger.error(p);
      },
    },
  };
}
