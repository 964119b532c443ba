import { api, unwrap } from '../api/client';
import type { Locale } from '../api/types';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useT } from '../i18n/LocaleContext';
import { Link } from '../router/Link';
import { useSession, useSignedIn } from '../session/SessionContext';

/** Top bar: product, agency, language, the signed-in user and sign-out. */
export function Header() {
  const t = useT();
  const { signOut, replaceUser } = useSession();
  const { session } = useSignedIn();
  const { user, agency } = session;

  function storeLocale(locale: Locale): void {
    unwrap(api.PATCH('/api/me', { body: { locale } }))
      .then(replaceUser)
      .catch(() => {
        // the language still applies in this browser; the profile keeps the old one
      });
  }

  return (
    <header className="header">
      <div className="header__brand">
        <span className="header__logo" aria-hidden="true">
          T
        </span>
        <span className="header__product">{t('app.name')}</span>
        <span className="header__agency" title={t('header.agency')}>
          {agency.name}
        </span>
      </div>
      <div className="header__tools">
        <LanguageSwitch onChange={storeLocale} />
        <div className="header__user" role="group" aria-label={t('header.userMenu')}>
          <span className="header__user-name">{user.name}</span>
          <span className="header__user-role">
            {t(`role.${user.role}`)}
            {user.client_name ? ` · ${user.client_name}` : ''}
          </span>
        </div>
        <Link href="/account/password" className="button button--ghost">
          {t('header.changePassword')}
        </Link>
        <button type="button" className="button" onClick={() => void signOut()}>
          {t('header.signOut')}
        </button>
      </div>
    </header>
  );
}
