/**
 * A real PostgreSQL server for tests: the one named by PARALLAX_TEST_PG (CI starts one), else a
 * throw-away server this process starts on 127.0.0.1 when PostgreSQL is installed. Returns null
 * (with the reason) when neither is possible, so a test can say why it is skipped.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

const root = new URL('../..', import.meta.url).pathname;
let started: { url: string; dir: string } | null = null;

export function postgresAvailable(): string | null {
  // Under CI=true the tests run, and fail, rather than skip: CI starts a server.
  if (process.env.PARALLAX_TEST_PG || process.env.CI === 'true') return null;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base) || !readdirSync(base).some((v) => existsSync(join(base, v, 'bin', 'postgres')))) {
    return 'no PostgreSQL server installed and PARALLAX_TEST_PG not set';
  }
  return null;
}

export function serverUrl(): string {
  if (process.env.PARALLAX_TEST_PG) return process.env.PARALLAX_TEST_PG;
  if (!started) {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-pg-'));
    const port = String(55000 + (process.pid % 2000));
    const url = execFileSync(join(root, 'scripts', 'pg-test-server.sh'), ['start', dir], { encoding: 'utf8', env: { ...process.env, PARALLAX_TEST_PG_PORT: port } }).trim();
    started = { url, dir };
    process.on('exit', () => {
      try {
        execFileSync(join(root, 'scripts', 'pg-test-server.sh'), ['stop', dir]);
      } catch {
        /* already gone */
      }
    });
  }
  return started.url;
}

/** A new, empty database on the test server; returns its URL. */
export async function freshDatabase(): Promise<string> {
  const { default: pg } = await import('pg');
  const server = serverUrl();
  const name = `parallax_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}
