import { readFileSync } from 'node:fs';

export type Role = 'admin' | 'project_manager' | 'supervisor' | 'agent' | 'client_manager' | 'client_rep';

export const ROLES: readonly Role[] = ['admin', 'project_manager', 'supervisor', 'agent', 'client_manager', 'client_rep'];

export interface DemoUser {
  role: Role;
  email: string;
  password: string;
  name: string;
  client: string | null;
}

export interface DemoCredentials {
  agency: string;
  users: DemoUser[];
}

let cached: DemoCredentials | null = null;

/** The demo agency and one user per role, from the JSON file named by TERMINTREU_CREDENTIALS. */
export function credentials(): DemoCredentials {
  if (cached) return cached;
  const file = process.env.TERMINTREU_CREDENTIALS;
  if (!file) {
    throw new Error('TERMINTREU_CREDENTIALS is not set: it must name the JSON file written by `termintreu demo --json`.');
  }
  // Tolerate log lines before the JSON object (the demo command may log to stdout first).
  const text = readFileSync(file, 'utf8');
  const start = text.search(/^\{/m);
  if (start < 0) throw new Error(`${file}: no JSON object found`);
  const parsed = JSON.parse(text.slice(start)) as DemoCredentials;
  if (!parsed.agency || !Array.isArray(parsed.users)) throw new Error(`${file}: expected {"agency": …, "users": […]}`);
  cached = parsed;
  return parsed;
}

export function demoUser(role: Role): DemoUser {
  const user = credentials().users.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user with role ${role} in ${process.env.TERMINTREU_CREDENTIALS}`);
  return user;
}

/** A unique email address for a user created by a test. */
export function uniqueEmail(prefix: string): string {
  const random = Math.random().toString(36).slice(2, 8);
  return `${prefix}-${Date.now().toString(36)}-${random}@example.com`;
}
