/**
 * `npm run lockfile:complete` — after `npm install`, completes the lockfile's
 * entries for optional platform builds (other OSes and CPUs: Astro's compiler
 * bindings and Pagefind's binaries for macOS, Windows, FreeBSD, Android, …).
 * npm may leave those out of the lock, or write them without an integrity
 * hash, when it could not fetch them while installing; `npm ci` then refuses
 * the lock as out of sync, or installs them on those platforms unchecked.
 *
 * Each missing or hash-less entry is written from the registry's own metadata
 * for that exact version (`npm view <pkg>@<version>`): its `dist.integrity`,
 * os/cpu/libc, license and engines, plus `optional: true`, as npm writes an
 * entry it resolved itself, so npm skips it on every other platform and checks
 * the hash on the platforms that install it. A version the registry does not
 * have cannot be hashed: the script then writes the version and the os/cpu/libc
 * its name states, says so and exits non-zero (tests/lockfile.test.ts fails on
 * any entry without `integrity`). The file is written byte for byte as npm
 * writes it (json-stringify-nice with npm's key order), so a later `npm
 * install` leaves it alone, and running the script twice changes nothing.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import stringify from 'json-stringify-nice';

type Entry = {
  version?: string;
  integrity?: string;
  license?: string;
  engines?: Record<string, string>;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
};
const file = new URL('../../package-lock.json', import.meta.url);
const before = readFileSync(file, 'utf8');
const lock = JSON.parse(before) as { packages: Record<string, Entry> };

// The order npm's Shrinkwrap uses for the top-level keys (@npmcli/arborist).
const SW_KEY_ORDER = ['name', 'version', 'lockfileVersion', 'resolved', 'integrity', 'requires', 'packages', 'dependencies'];

const OS: Record<string, string> = { darwin: 'darwin', linux: 'linux', win32: 'win32', windows: 'win32', freebsd: 'freebsd', android: 'android' };
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'wasm32'];

/** os/cpu/libc as the package name states them: "@pagefind/windows-arm64", "…-linux-arm64-musl". */
export function platformOfName(name: string): Pick<Entry, 'os' | 'cpu' | 'libc'> {
  const parts = name.split('/').pop()!.split('-');
  const os = parts.map((p) => OS[p]).find(Boolean);
  const cpu = parts.find((p) => CPU.includes(p));
  const libc = parts.includes('musl') ? 'musl' : parts.includes('gnu') ? 'glibc' : undefined;
  return { ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}), ...(libc ? { libc: [libc] } : {}) };
}

/** What the registry says about one version, in the lockfile's terms; undefined when it has no such version. */
type Metadata = { version: string; dist?: { integrity?: string }; license?: string; engines?: Record<string, string>; os?: string[]; cpu?: string[]; libc?: string[] };
function registryEntry(name: string, spec: string): Entry | undefined {
  const result = spawnSync('npm', ['view', `${name}@${spec}`, '--json'], { encoding: 'utf8' });
  if (result.status !== 0 || result.stdout.trim() === '') return undefined;
  const parsed = JSON.parse(result.stdout) as Metadata | Metadata[];
  // A range can match several versions: npm view lists them all, and npm installs the highest (the last).
  const meta = Array.isArray(parsed) ? parsed.at(-1) : parsed;
  if (!meta?.dist?.integrity) return undefined;
  const named = platformOfName(name);
  return {
    version: meta.version,
    integrity: meta.dist.integrity,
    ...(meta.cpu ?? named.cpu ? { cpu: meta.cpu ?? named.cpu } : {}),
    ...(meta.libc ?? named.libc ? { libc: meta.libc ?? named.libc } : {}),
    ...(meta.license ? { license: meta.license } : {}),
    optional: true,
    ...(meta.os ?? named.os ? { os: meta.os ?? named.os } : {}),
    ...(meta.engines ? { engines: meta.engines } : {}),
  };
}

/** The lock key a dependency `name` of the package at `from` resolves to (node's lookup, upwards), if any. */
export function resolveKey(packages: Record<string, unknown>, from: string, name: string): string | undefined {
  let dir = from;
  for (;;) {
    const key = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (key in packages) return key;
    if (!dir) return undefined;
    const at = dir.lastIndexOf('node_modules/');
    dir = at <= 0 ? '' : dir.slice(0, at - 1);
  }
}

const changed: string[] = [];
const unhashed: string[] = [];
for (const [from, entry] of Object.entries({ ...lock.packages })) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const found = resolveKey(lock.packages, from, name);
    const existing = found ? lock.packages[found]! : undefined;
    // Entries with an integrity hash (npm's own, or written here before) stay.
    if (existing?.integrity) continue;
    const fromRegistry = registryEntry(name, spec);
    if (fromRegistry) {
      lock.packages[found ?? `node_modules/${name}`] = fromRegistry;
      changed.push(`${existing ? 'hashed' : 'added'} ${name}@${fromRegistry.version}`);
      continue;
    }
    if (!existing) {
      lock.packages[`node_modules/${name}`] = { version: spec, optional: true, ...platformOfName(name) };
      changed.push(`added ${name}@${spec}`);
    }
    unhashed.push(`${name}@${spec}`);
  }
}

const after = stringify(lock, SW_KEY_ORDER, 2);
if (after !== before) writeFileSync(file, after);
console.log(`package-lock.json: ${changed.length ? changed.join(', ') : 'complete, nothing changed'}`);
if (unhashed.length) {
  console.error(`package-lock.json: no integrity hash for ${unhashed.join(', ')}: the registry has no such version`);
  process.exitCode = 1;
}
