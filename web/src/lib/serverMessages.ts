import type { ApiError } from '../api/errors';
import type { MessageKey, Translate } from '../i18n/translate';

/**
 * The server's field messages are short English phrases ("is required"). Known ones are shown in the
 * user's language; any other message is shown as the server wrote it.
 */
const KNOWN: Readonly<Record<string, MessageKey>> = {
  'is required': 'validation.required',
  'is required for client roles': 'validation.required',
  'is already in use': 'validation.taken',
  'is not an e-mail address': 'validation.email',
  'must have at least 10 characters': 'password.tooShort',
  'must have at most 200 characters': 'password.tooLong',
  'must not be the e-mail address': 'validation.notEmail',
  'is not your current password': 'password.wrongCurrent',
  'no such client': 'validation.noSuchClient',
  'you cannot deactivate or demote yourself': 'users.notSelf',
  'the agency must keep at least one active admin': 'users.lastAdmin',
};

export function fieldMessage(t: Translate, error: ApiError): string {
  const key = KNOWN[error.message];
  return key ? t(key) : error.message;
}
