import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StartedServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (or the signal name) once the process has ended. */
  exited: Promise<number | string>;
}

export function binary(): string {
  const bin = process.env.TERMINTREU_BIN;
  if (!bin) throw new Error('TERMINTREU_BIN is not set: it must name the termintreu binary under test');
  return bin;
}

export function freshDataDir(): string {
  return mkdtempSync(join(process.env.TERMINTREU_WORK ?? tmpdir(), 'server-'));
}

/**
 * A database of the test's own: `--data DIR` (SQLite) or `--database postgresql://…`, as `serve`, `demo` and `agency`
 * take it.
 */
export type DatabaseArgs = string[];

/** Creates an agency with its first admin in an empty database (`termintreu agency create`) and returns the admin. */
export function createAgency(database: DatabaseArgs, name: string): { email: string; password: string } {
  const admin = { email: `admin-${Date.now().toString(36)}@agency.example`, password: `Start-${Math.random().toString(36).slice(2, 12)}!` };
  execFileSync(binary(), ['agency', 'create', ...database, '--name', name, '--admin-email', admin.email,
    '--admin-name', 'Test Admin', '--admin-password', admin.password, '--log-level', 'warn'], { encoding: 'utf8' });
  return admin;
}

/** Ends the server with SIGTERM and waits for it to exit; resolves with the exit code (or the signal name). */
export async function stopServer(server: StartedServer): Promise<number | string> {
  server.process.kill('SIGTERM');
  return server.exited;
}

/** The lines of the server's output that report a sanitizer finding (AddressSanitizer, LeakSanitizer, UBSan). */
export function sanitizerFindings(output: string): string[] {
  return output.split('\n').filter((line) => /ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:/.test(line));
}

/** Starts `termintreu serve` of its own on a free port with the given data directory and waits until it is ready. */
export async function startServer(dataDir: string, extra: string[] = []): Promise<StartedServer> {
  const child = spawn(binary(), ['serve', '--data', dataDir, '--port', '0', '--log-level', 'warn', ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const url = /listening on (http:\/\/[0-9.]+:\d+)/.exec(output)?.[1];
    if (url) {
      try {
        const ready = await fetch(`${url}/readyz`);
        if (ready.status === 200) return { url, process: child, output: () => output, exited };
      } catch {
        // not accepting yet
      }
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start:\n${output}`);
}
