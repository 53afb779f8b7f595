/**
 * `npm run lockfile:complete` — after `npm install`, adds lockfile entries for
 * optional platform builds (other OSes and CPUs) of versions that the
 * registry mirror of these machines does not carry (today: Astro's compiler
 * bindings and Pagefind's binaries for macOS, Windows, FreeBSD, Android, …).
 * npm leaves those out of the lock, and `npm ci` then refuses the lock as out
 * of sync, because it tries to resolve them again and gets a 404. No npm
 * setting avoids this: `--os`/`--cpu`/`--libc` only add platforms to install,
 * `omit=optional` would also drop this platform's own builds, and `npm ci`
 * validates the lock against a tree that still contains the failed entries.
 *
 * Only dependencies that the registry here lacks are written (whatever it
 * has, npm resolves or leaves out by itself), so their integrity hash cannot
 * be had here (`npm view <pkg>@<version> dist.integrity` fails for exactly
 * these): each entry is the version, `optional: true` and the os/cpu/libc its
 * name states, so npm skips it on every other platform. On the platforms that
 * install them, npm fetches them without a hash to check. An entry this
 * script wrote is replaced when the requested version changes, and removed
 * when the registry gains the version. The file is written byte for byte as
 * npm writes it (json-stringify-nice with npm's key order), so a later `npm
 * install` leaves it alone, and running the script twice changes nothing.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import stringify from 'json-stringify-nice';

type Entry = {
  version?: string;
  integrity?: string;
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

/** Whether the registry here has a version of `name` matching `spec`. */
function registryHas(name: string, spec: string): boolean {
  const result = spawnSync('npm', ['view', `${name}@${spec}`, 'version', '--json'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() !== '';
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
for (const [from, entry] of Object.entries({ ...lock.packages })) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const found = resolveKey(lock.packages, from, name);
    const existing = found ? lock.packages[found]! : undefined;
    // npm's own entries (they have an integrity hash) and ours for this version stay.
    if (existing && (existing.integrity || existing.version === spec)) continue;
    // npm resolves, or deliberately leaves out, whatever the registry has.
    if (registryHas(name, spec)) {
      if (found) {
        delete lock.packages[found];
        changed.push(`removed ${name}@${existing!.version}`);
      }
      continue;
    }
    lock.packages[found ?? `node_modules/${name}`] = { version: spec, optional: true, ...platformOfName(name) };
    changed.push(`added ${name}@${spec}`);
  }
}

const after = stringify(lock, SW_KEY_ORDER, 2);
if (after !== before) writeFileSync(file, after);
console.log(`package-lock.json: ${changed.length ? changed.join(', ') : 'complete, nothing changed'}`);
