import { de } from './de';
import { en, type MessageKey } from './en';
import type { Locale } from '../api/types';

export type { MessageKey };
export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: Params) => string;

const dictionaries: { readonly [L in Locale]: { readonly [K in MessageKey]: string } } = { de, en };

export const LOCALES: readonly Locale[] = ['de', 'en'];

/** Returns a translate function for one language; `{name}` placeholders are filled from params. */
export function translator(locale: Locale): Translate {
  const dictionary = dictionaries[locale];
  return (key, params) => {
    const text = dictionary[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) => {
      const value = params[name];
      return value === undefined ? match : String(value);
    });
  };
}

/** "de" for any German browser language, otherwise "en". */
export function localeFromBrowser(language: string | undefined): Locale {
  return language?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

export function isLocale(value: unknown): value is Locale {
  return value === 'de' || value === 'en';
}
