import { afterAll, expect, test } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, DEFAULT_CHROMIUM } from './find-chromium.ts';

const dir = mkdtempSync(join(tmpdir(), 'find-chromium-'));
const other = mkdtempSync(join(tmpdir(), 'find-chromium-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(other, { recursive: true, force: true });
});
const onPath = join(dir, 'chromium');
writeFileSync(onPath, '#!/bin/sh\n');
chmodSync(onPath, 0o755);
writeFileSync(join(other, 'chromium'), 'not executable');

test('CHROMIUM_PATH wins, even when it names nothing (a wrong override must fail, not fall back)', () => {
  expect(chromiumPath({ CHROMIUM_PATH: '/nonexistent', PATH: dir })).toBe('/nonexistent');
});

test('else the first executable "chromium" on PATH', () => {
  expect(chromiumPath({ PATH: `${other}:${dir}` })).toBe(onPath);
});

test('else /usr/bin/chromium', () => {
  expect(chromiumPath({ PATH: other })).toBe(DEFAULT_CHROMIUM);
  expect(chromiumPath({})).toBe(DEFAULT_CHROMIUM);
});
