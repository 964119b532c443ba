import { spawn, type ChildProcess } from 'node:child_process';
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
