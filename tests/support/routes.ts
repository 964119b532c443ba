import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/**
 * "METHOD /path" of every operation in docs/openapi.yaml, sorted. Read line by line: paths sit at two spaces of
 * indentation, their operations at four, which is all the document's layout needs.
 */
export function openApiOperations(): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const text = readFileSync(join(here, '..', '..', 'docs', 'openapi.yaml'), 'utf8');
  const body = text.slice(text.indexOf('\npaths:\n'), text.indexOf('\ncomponents:\n'));
  const out: string[] = [];
  let path = '';
  for (const line of body.split('\n')) {
    const pathMatch = /^  (\/\S*):\s*$/.exec(line);
    if (pathMatch) path = pathMatch[1]!;
    const operation = /^    (get|put|post|patch|delete|head|options):\s*$/.exec(line);
    if (operation && path) out.push(`${operation[1]!.toUpperCase()} ${path}`);
  }
  return out.sort();
}
