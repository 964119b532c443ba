import type { ReactNode } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/LocaleContext';
import { NavList } from '../../layout/MainNav';
import { ADMIN_TABS } from '../../layout/routes';
import { useSignedIn } from '../../session/SessionContext';

/** Title and section tabs of the administration area. */
export function AdminLayout({ children }: { children: ReactNode }) {
  const t = useT();
  const { access } = useSignedIn();
  return (
    <>
      <PageHeader title={t('admin.title')} />
      <NavList label={t('admin.tabs')} entries={ADMIN_TABS} access={access} className="tabs" />
      <div className="tab-panel">{children}</div>
    </>
  );
}
