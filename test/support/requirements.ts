/**
 * The real parts some tests need beyond Node: Debian's Chromium (browser tests) and a PostgreSQL
 * server (see pg-server.ts). Where one is missing its tests skip, each saying why in one line,
 * except under CI=true, where they run and fail: CI installs both, so a missing one is a fault.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

/** Why the browser tests are skipped here, or undefined when they run. */
export function browserSkip(): string | undefined {
  if (process.env.PARALLAX_SKIP_BROWSER === '1') return 'PARALLAX_SKIP_BROWSER=1';
  if (existsSync(CHROMIUM) || process.env.CI === 'true') return undefined;
  return `no ${CHROMIUM}: apt-get install chromium (.ci/run does)`;
}
