/**
 * Setup file of the `site` and `browser` projects: waits until the global
 * setup (./build-site.ts) has built dist/ and dist-base/, so that a test file
 * never reads a half-written site; a failed build fails the file with the
 * build's output.
 */
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import type { SiteBuildStatus } from './build-site.ts';

const file = inject('siteBuildStatus');
while (!existsSync(file)) await sleep(250);
const status = JSON.parse(readFileSync(file, 'utf8')) as SiteBuildStatus;
if (!status.ok) throw new Error(`The site build failed, so this file's tests cannot run:\n${status.error}`);
