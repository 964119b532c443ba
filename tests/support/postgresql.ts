import { execFileSync } from 'node:child_process';
import { test } from '@playwright/test';

/**
 * The throwaway PostgreSQL cluster ./test starts (scripts/pg-throwaway), from TERMINTREU_TEST_POSTGRESQL. Without it
 * the calling test fails in CI (an unrun PostgreSQL case must not pass for a run one) and is skipped elsewhere.
 */
export function testPostgresql(): string {
  const url = process.env.TERMINTREU_TEST_POSTGRESQL;
  if (url) return url;
  const why = 'TERMINTREU_TEST_POSTGRESQL is not set: start a cluster with scripts/pg-throwaway start and export its URL';
  if (process.env.CI) throw new Error(`${why} (CI is set, so this case may not be skipped)`);
  test.skip(true, why);
  throw new Error(why);  // not reached: test.skip ends the test
}

function psql(clusterUrl: string, statement: string): void {
  execFileSync('psql', [clusterUrl, '--quiet', '--no-psqlrc', '-v', 'ON_ERROR_STOP=1', '-c', statement], { encoding: 'utf8' });
}

/** Creates an empty database of the test's own in the cluster (as its superuser) and returns its URL. */
export function createDatabase(clusterUrl: string, prefix: string): string {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  psql(clusterUrl, `CREATE DATABASE ${name}`);
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database createDatabase made, ending whatever connections are left. */
export function dropDatabase(clusterUrl: string, databaseUrl: string): void {
  const name = new URL(databaseUrl).pathname.slice(1);
  psql(clusterUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
