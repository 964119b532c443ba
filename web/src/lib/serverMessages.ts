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
  'a campaign needs a caller ID before it can be activated': 'campaigns.needsCallerId',
  'is not a phone number': 'callerId.invalid',
  'must be a whole number': 'validation.wholeNumber',
  'must list postal-code prefixes (digits) separated by commas': 'reps.territoriesInvalid',
  'a postal-code prefix has at most 5 digits': 'reps.territoriesInvalid',
  'must be a two-letter country code such as DE, AT or CH': 'validation.country',
  'needs at least one calling window in the week': 'rules.errNone',
  'is too short': 'phone.tooShort',
  'is too short (is the area code missing?)': 'phone.areaCodeMissing',
  'is too long': 'validation.tooLong',
  'has an unknown country code': 'phone.unknownCountry',
  'must not contain letters': 'phone.letters',
  'a person needs a first or last name': 'contactForm.nameRequired',
  'presumed consent (B2B) needs the reason in writing': 'contactForm.reasonRequired',
  'documented consent needs a consent record (not withdrawn) first': 'contactForm.consentFirst',
  'must be a time zone such as Europe/Berlin': 'contactForm.timeZoneInvalid',
  'must be in the future': 'callback.inFuture',
  "lies outside the campaign's calling times in the person's local time": 'callback.outsideWindows',
  'another agent holds this lead': 'workspace.heldByOther',
  'take the lead with Next before recording a call': 'workspace.notHeld',
  "is not an agent of the callback's campaign": 'supervision.notAgentOfCampaign',
  'the callback is no longer pending': 'supervision.noLongerPending',
  'escalate from the call: take the lead with Next first': 'escalation.notHeld',
  'an agent is on a call with this person right now': 'escalation.onCall',
  'the escalation was resolved already': 'escalation.resolvedAlready',
  'is required: say why the entry is corrected': 'validation.required',
  'cannot be set by a correction: record it as a call': 'correction.notByCorrection',
  'is what the entry already says': 'correction.same',
};

/** Server messages with numbers or times in them; the groups fill the placeholders, in order. */
const PATTERNS: readonly (readonly [RegExp, MessageKey, readonly string[]])[] = [
  [/^must be between 1 and (\d+) \(the legal limit\)$/, 'rules.errCap', ['n']],
  [/^(\S+) may not start before (\d\d:\d\d) on \w+ \(the legal limit\)$/, 'rules.errStart', ['window', 'limit']],
  [/^(\S+) may not end after (\d\d:\d\d) on \w+ \(the legal limit\)$/, 'rules.errEnd', ['window', 'limit']],
  [/^no calls on \w+ \(the law\)$/, 'rules.errNoCalls', []],
  [/^must be at least (\d+) minutes \(the legal minimum\)$/, 'rules.errGap', ['n']],
  [/^must be at least the minimum gap of (\d+) minutes$/, 'rules.errDelay', ['n']],
  [/ must be in time order and must not overlap$/, 'rules.errOrder', []],
  [/^is not a valid number for ([A-Z0-9]+)$/, 'phone.invalidFor', ['region']],
  [/^is already corrected by entry (\d+): correct that entry$/, 'correction.alreadyCorrected', ['seq']],
];

export function fieldMessage(t: Translate, error: ApiError): string {
  const key = KNOWN[error.message];
  if (key) return t(key);
  for (const [pattern, patternKey, names] of PATTERNS) {
    const match = pattern.exec(error.message);
    if (match) return t(patternKey, Object.fromEntries(names.map((name, i) => [name, match[i + 1] ?? ''])));
  }
  return error.message;
}
