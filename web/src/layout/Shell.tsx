import type { ReactNode } from 'react';
import { useT } from '../i18n/LocaleContext';
import { useSignedIn } from '../session/SessionContext';
import { Header } from './Header';
import { NavList } from './MainNav';
import { NAVIGATION } from './routes';

/** The frame of every page of a signed-in user. */
export function Shell({ children }: { children: ReactNode }) {
  const t = useT();
  const { access } = useSignedIn();
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Header />
      <div className="shell__body">
        <NavList label={t('nav.main')} entries={NAVIGATION} access={access} className="main-nav" />
        <main id="main" className="shell__main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
