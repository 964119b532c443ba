import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RouteEntry {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';
  path: string;
  public: boolean;
  permissions: string[];
}

/** The server's own route table (`termintreu routes`), so a new route is walked by the tests without being listed. */
export function serverRoutes(): RouteEntry[] {
  const bin = process.env.TERMINTREU_BIN;
  if (!bin) throw new Error('TERMINTREU_BIN is not set: it must name the termintreu binary under test');
  const dir = mkdtempSync(join(tmpdir(), 'termintreu-routes-'));
  try {
    const out = execFileSync(bin, ['routes', '--data', dir, '--log-level', 'warn'], { encoding: 'utf8' });
    return JSON.parse(out) as RouteEntry[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
