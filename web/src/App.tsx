import type { ReactElement } from 'react';
import { Notice } from './components/Notice';
import { useT } from './i18n/LocaleContext';
import { findPage, homePath, pathId, safeNext, type PageId } from './layout/routes';
import { Shell } from './layout/Shell';
import { errorText } from './lib/errorText';
import { PasswordPage } from './pages/account/PasswordPage';
import { AuditPage } from './pages/admin/audit/AuditPage';
import { TokensPage } from './pages/admin/tokens/TokensPage';
import { UsersPage } from './pages/admin/users/UsersPage';
import { CampaignPage } from './pages/campaigns/CampaignPage';
import { CampaignsPage } from './pages/campaigns/CampaignsPage';
import { ClientPage } from './pages/clients/ClientPage';
import { PrivacyRequestsPage } from './pages/admin/privacy/PrivacyRequestsPage';
import { ClientsPage } from './pages/clients/ClientsPage';
import { BlockListPage } from './pages/contacts/BlockListPage';
import { ContactsPage } from './pages/contacts/ContactsPage';
import { ImportPage } from './pages/imports/ImportPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { LinkPage } from './pages/links/LinkPage';
import { PortalPage } from './pages/PortalPage';
import { SignInPage } from './pages/SignInPage';
import { SecondLevelPage } from './pages/escalations/SecondLevelPage';
import { SupervisionPage } from './pages/supervision/SupervisionPage';
import { WorkspacePage } from './pages/workspace/WorkspacePage';
import { Redirect } from './router/Redirect';
import { usePathname, useSearch } from './router/history';
import { useSession } from './session/SessionContext';

function renderPage(id: PageId, pathname: string): ReactElement {
  switch (id) {
    case 'workspace': return <WorkspacePage />;
    case 'supervision': return <SupervisionPage />;
    case 'second-level': return <SecondLevelPage />;
    case 'campaigns': return <CampaignsPage />;
    case 'clients': return <ClientsPage />;
    case 'client': return <ClientPage key={pathname} id={pathId(pathname)} />;
    case 'campaign': return <CampaignPage key={pathname} id={pathId(pathname)} />;
    case 'contacts': return <ContactsPage />;
    case 'contacts-import': return <ImportPage />;
    case 'block-list': return <BlockListPage />;
    case 'portal': return <PortalPage />;
    case 'admin-users': return <UsersPage />;
    case 'admin-tokens': return <TokensPage />;
    case 'admin-audit': return <AuditPage />;
    case 'admin-privacy': return <PrivacyRequestsPage />;
    case 'account-password': return <PasswordPage />;
  }
}

/** Chooses the page for the current address and session. */
export function App() {
  const t = useT();
  const { state, reload } = useSession();
  const pathname = usePathname();
  const search = useSearch();
  const page = findPage(pathname);

  // The links in appointment mails work without an account, whoever is signed in.
  const link = /^\/link\/([A-Za-z0-9_~-]+)$/.exec(pathname);
  if (link?.[1]) return <LinkPage token={link[1]} />;

  switch (state.status) {
    case 'loading':
      return (
        <p className="splash" role="status">
          {t('app.loading')}
        </p>
      );
    case 'failed':
      return (
        <div className="splash">
          <Notice kind="error">
            {errorText(t, state.error)}{' '}
            <button type="button" className="button button--small" onClick={reload}>
              {t('common.retry')}
            </button>
          </Notice>
        </div>
      );
    case 'anonymous':
      if (pathname === '/signin') return <SignInPage expired={state.expired} />;
      if (pathname === '/') return <Redirect to="/signin" />;
      if (page) return <Redirect to={`/signin?next=${encodeURIComponent(pathname)}`} />;
      return (
        <div className="splash">
          <NotFoundPage />
        </div>
      );
    case 'signed-in': {
      const home = homePath(state.access);
      if (pathname === '/signin' || pathname === '/') {
        const next = safeNext(search);
        const target = next && findPage(next.split('?')[0] ?? '')?.allowed(state.access) ? next : home;
        return <Redirect to={target} />;
      }
      if (!page) {
        return (
          <Shell>
            <NotFoundPage />
          </Shell>
        );
      }
      if (!page.allowed(state.access)) return <Redirect to={home} />;
      return <Shell>{renderPage(page.id, pathname)}</Shell>;
    }
  }
}
