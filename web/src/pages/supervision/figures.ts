import type { Locale } from '../../api/types';
import type { Translate } from '../../i18n/translate';

/** "93 %" / "93%", or "—" when nothing was settled yet. */
export function formatShare(t: Translate, locale: Locale, share: number | null): string {
  if (share === null) return t('common.none');
  return new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** How long a state has lasted: "3 min", "1 h 05 min"; under a minute "< 1 min". */
export function formatLasting(t: Translate, milliseconds: number): string {
  const minutes = Math.max(0, Math.floor(milliseconds / 60_000));
  if (minutes < 1) return t('duration.underMinute');
  if (minutes < 60) return t('duration.minutes', { n: minutes });
  return t('duration.hours', { h: Math.floor(minutes / 60), m: String(minutes % 60).padStart(2, '0') });
}
