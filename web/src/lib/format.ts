import type { Locale } from '../api/types';

const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

function cached(map: Map<Locale, Intl.DateTimeFormat>, locale: Locale, options: Intl.DateTimeFormatOptions) {
  let format = map.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', options);
    map.set(locale, format);
  }
  return format;
}

/** "22.11.2026, 11:00" / "22 Nov 2026, 11:00" in the browser's time zone; "" for null. */
export function formatDateTime(locale: Locale, iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return cached(dateTimeFormats, locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A calendar date "YYYY-MM-DD" shown in the user's language; "" for null. */
export function formatDate(locale: Locale, day: string | null): string {
  if (!day) return '';
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return cached(dateFormats, locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A file size such as "1,5 MB" / "1.5 MB" (decimal units, as file managers show them). */
export function formatBytes(locale: Locale, bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: digits })} ${units[unit]}`;
}
