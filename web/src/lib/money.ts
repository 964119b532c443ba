import type { Locale } from '../api/types';

const formats = new Map<Locale, Intl.NumberFormat>();

/** "49,00 €" / "€49.00" for an amount in euro cents. */
export function formatCents(locale: Locale, cents: number): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { style: 'currency', currency: 'EUR' });
    formats.set(locale, format);
  }
  return format.format(cents / 100);
}

/** The text an amount field shows for cents: "49,50" in German, "49.50" in English; "" for none. */
export function centsToInput(locale: Locale, cents: number | null): string {
  if (cents === null) return '';
  const text = (cents / 100).toFixed(2);
  return locale === 'de' ? text.replace('.', ',') : text;
}

/**
 * Euro text as typed ("49", "49,5", "1.234,50", "1,234.50", "49.50 €") to cents; null for an empty field,
 * undefined when it is not an amount. The last "," or "." followed by one or two digits is the decimal mark.
 */
export function inputToCents(text: string): number | null | undefined {
  const trimmed = text.replace(/[\s€]/g, '');
  if (trimmed === '') return null;
  const decimal = /^(.*)[.,](\d{1,2})$/.exec(trimmed);
  const whole = (decimal ? decimal[1]! : trimmed).replace(/[.,]/g, '');
  const fraction = decimal ? decimal[2]!.padEnd(2, '0') : '00';
  if (!/^\d+$/.test(whole)) return undefined;
  return Number(whole) * 100 + Number(fraction);
}
