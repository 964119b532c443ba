import type { MessageKey } from '../i18n/translate';
import type { Access } from '../session/access';

export type PageId =
  | 'workspace'
  | 'supervision'
  | 'second-level'
  | 'campaigns'
  | 'clients'
  | 'client'
  | 'campaign'
  | 'contacts'
  | 'contacts-import'
  | 'block-list'
  | 'portal'
  | 'admin-users'
  | 'admin-tokens'
  | 'admin-audit'
  | 'admin-privacy'
  | 'account-password';

export interface PageRoute {
  readonly id: PageId;
  /** The address; ":id" stands for a numeric id. */
  readonly path: string;
  readonly allowed: (access: Access) => boolean;
}

export interface NavEntry {
  readonly label: MessageKey;
  readonly path: string;
  /** Paths that mark this entry as the current one. */
  readonly prefix: string;
  readonly allowed: (access: Access) => boolean;
}

const has = (access: Access, permission: Parameters<Access['permissions']['has']>[0]) =>
  access.permissions.has(permission);

const workspace = (a: Access) => has(a, 'workspace.use');
const supervision = (a: Access) => has(a, 'supervision.view');
// whoever may list escalations (GET /api/escalations): an agent sees those of the campaigns it is a specialist of
const secondLevel = (a: Access) => workspace(a) || supervision(a);
const campaigns = (a: Access) => has(a, 'campaigns.read') && !a.clientBound;
const clients = (a: Access) => has(a, 'clients.read') && !a.clientBound;
const contacts = (a: Access) => has(a, 'contacts.read') && !a.clientBound;
const importer = (a: Access) => has(a, 'contacts.manage') && !a.clientBound;
const blockList = (a: Access) => has(a, 'contacts.block') && !a.clientBound;
const portal = (a: Access) => has(a, 'portal.view');
const adminUsers = (a: Access) => has(a, 'users.manage');
const adminTokens = (a: Access) => has(a, 'tokens.manage');
const adminAudit = (a: Access) => has(a, 'audit.read');
const adminPrivacy = (a: Access) => has(a, 'privacy.manage');
const everyone = () => true;

export const PAGES: readonly PageRoute[] = [
  { id: 'workspace', path: '/workspace', allowed: workspace },
  { id: 'supervision', path: '/supervision', allowed: supervision },
  { id: 'second-level', path: '/second-level', allowed: secondLevel },
  { id: 'campaigns', path: '/campaigns', allowed: campaigns },
  { id: 'clients', path: '/clients', allowed: clients },
  { id: 'client', path: '/clients/:id', allowed: clients },
  { id: 'campaign', path: '/campaigns/:id', allowed: campaigns },
  { id: 'contacts', path: '/contacts', allowed: contacts },
  { id: 'contacts-import', path: '/contacts/import', allowed: importer },
  { id: 'block-list', path: '/block-list', allowed: blockList },
  { id: 'portal', path: '/portal', allowed: portal },
  { id: 'admin-users', path: '/admin/users', allowed: adminUsers },
  { id: 'admin-tokens', path: '/admin/tokens', allowed: adminTokens },
  { id: 'admin-audit', path: '/admin/audit', allowed: adminAudit },
  { id: 'admin-privacy', path: '/admin/privacy', allowed: adminPrivacy },
  { id: 'account-password', path: '/account/password', allowed: everyone },
];

/** The main navigation, in order; an entry is shown when `allowed`. */
export const NAVIGATION: readonly NavEntry[] = [
  { label: 'nav.workspace', path: '/workspace', prefix: '/workspace', allowed: workspace },
  { label: 'nav.supervision', path: '/supervision', prefix: '/supervision', allowed: supervision },
  { label: 'nav.secondLevel', path: '/second-level', prefix: '/second-level', allowed: secondLevel },
  { label: 'nav.campaigns', path: '/campaigns', prefix: '/campaigns', allowed: campaigns },
  { label: 'nav.clients', path: '/clients', prefix: '/clients', allowed: clients },
  { label: 'nav.contacts', path: '/contacts', prefix: '/contacts', allowed: contacts },
  { label: 'nav.blockList', path: '/block-list', prefix: '/block-list', allowed: blockList },
  { label: 'nav.portal', path: '/portal', prefix: '/portal', allowed: portal },
  { label: 'nav.admin', path: '/admin/users', prefix: '/admin/', allowed: adminUsers },
];

/** The tabs of the administration area. */
export const ADMIN_TABS: readonly NavEntry[] = [
  { label: 'admin.users', path: '/admin/users', prefix: '/admin/users', allowed: adminUsers },
  { label: 'admin.tokens', path: '/admin/tokens', prefix: '/admin/tokens', allowed: adminTokens },
  { label: 'admin.audit', path: '/admin/audit', prefix: '/admin/audit', allowed: adminAudit },
  { label: 'admin.privacy', path: '/admin/privacy', prefix: '/admin/privacy', allowed: adminPrivacy },
];

function normalize(pathname: string): string {
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
}

function matches(pattern: string, pathname: string): boolean {
  const parts = pattern.split('/');
  const given = pathname.split('/');
  return parts.length === given.length && parts.every((part, i) => (part === ':id' ? /^[1-9][0-9]{0,17}$/.test(given[i] ?? '') : part === given[i]));
}

export function findPage(pathname: string): PageRoute | undefined {
  const normalized = normalize(pathname);
  return PAGES.find((page) => matches(page.path, normalized));
}

/** The numeric ":id" of an address such as /campaigns/7, or 0 when there is none. */
export function pathId(pathname: string): number {
  const last = normalize(pathname).split('/').pop() ?? '';
  return /^[0-9]+$/.test(last) ? Number(last) : 0;
}

/** Where a user lands: the first navigation entry they may see, else their password page. */
export function homePath(access: Access): string {
  return NAVIGATION.find((entry) => entry.allowed(access))?.path ?? '/account/password';
}

/** A safe in-app path from a ?next= parameter, or null. */
export function safeNext(search: string): string | null {
  const next = new URLSearchParams(search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//')) return null;
  return next;
}
