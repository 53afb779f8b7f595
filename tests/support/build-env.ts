/**
 * The environment for a child `astro build` or `astro dev` started from the tests: the caller's, minus what
 * vitest sets (NODE_ENV=test, VITEST…), which would make Astro build a site in test mode
 * (`import.meta.env.DEV` true), unlike the one `npm run build` makes.
 */
export function buildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && k !== 'TEST' && !k.startsWith('VITEST')),
  );
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}
