/**
 * The order in which `npm test` hands test files to its two workers. Vitest's
 * own order runs the projects one after another by name (browser, fixtures,
 * site, unit), which starts with browser files that wait for the site build
 * and ends with the fixture builds, the longest files, alone on one worker.
 * This order starts the fixture builds (they need no dist/) while the site
 * builds in the background, then the browser and site files (the build is
 * done by then), and ends with the many short unit files, which fill both
 * workers to the end. Within a project, vitest's order stands: failed files
 * first, then the longest of the last run (the largest file when none).
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const RANK: Record<string, number> = { fixtures: 0, browser: 1, site: 2, unit: 3 };

export default class ProjectSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => RANK[spec.project.name] ?? Object.keys(RANK).length;
    return sorted
      .map((spec, i) => ({ spec, i }))
      .sort((a, b) => rank(a.spec) - rank(b.spec) || a.i - b.i)
      .map(({ spec }) => spec);
  }
}
