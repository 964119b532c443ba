import type { ReactNode } from 'react';
import { useT } from '../i18n/LocaleContext';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of the pages people see without signing in: the product's name, the language, one card. */
export function PublicCard({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  return (
    <div className="signin">
      <div className="signin__card">
        <div className="signin__top">
          <div className="signin__brand">
            <span className="header__logo" aria-hidden="true">
              T
            </span>
            <span className="signin__product">{t('app.name')}</span>
          </div>
          <LanguageSwitch />
        </div>
        <h1 className="signin__title">{title}</h1>
        {children}
      </div>
    </div>
  );
}
