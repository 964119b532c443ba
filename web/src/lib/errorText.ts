import { ApiError } from '../api/errors';
import type { Translate } from '../i18n/translate';
import { fieldMessage } from './serverMessages';

/** A message for an error that is not tied to one form field, in the user's language. */
export function errorText(t: Translate, error: unknown): string {
  if (!(error instanceof ApiError)) return t('error.generic', { message: String(error) });
  switch (error.code) {
    case 'network': return t('error.network');
    case 'forbidden': return t('error.forbidden');
    case 'not_found': return t('error.notFound');
    case 'conflict': return t('error.conflict', { message: fieldMessage(t, error) });
    case 'rate_limited': return t('error.rateLimited');
    case 'unavailable': return t('error.unavailable');
    default: return t('error.generic', { message: error.message ? fieldMessage(t, error) : String(error.status) });
  }
}
