import type { Outcome } from '../../api/types';
import type { MessageKey, Translate } from '../../i18n/translate';

export interface OutcomeChoice {
  outcome: Outcome;
  /** The key that records it (KeyboardEvent.key, case-insensitive for letters), shown on its button. */
  key: string;
  /** What else it needs before it is recorded. */
  asks: 'nothing' | 'callback' | 'reason' | 'confirm' | 'mail' | 'appointment';
}

/** Every outcome in the order of its button, the frequent ones on the digits. */
export const OUTCOMES: readonly OutcomeChoice[] = [
  { outcome: 'no_answer', key: '1', asks: 'nothing' },
  { outcome: 'busy', key: '2', asks: 'nothing' },
  { outcome: 'voicemail', key: '3', asks: 'nothing' },
  { outcome: 'gatekeeper', key: '4', asks: 'nothing' },
  { outcome: 'decision_maker', key: '5', asks: 'nothing' },
  { outcome: 'wrong_person', key: '6', asks: 'nothing' },
  { outcome: 'wrong_number', key: '7', asks: 'nothing' },
  { outcome: 'appointment', key: '8', asks: 'appointment' },
  { outcome: 'callback', key: '9', asks: 'callback' },
  { outcome: 'info_mail', key: '0', asks: 'mail' },
  { outcome: 'not_interested', key: '-', asks: 'reason' },
  { outcome: 'objection', key: 'X', asks: 'confirm' },
];

/** An outcome in words; one the app does not know yet is shown as the server named it. */
export function outcomeText(t: Translate, outcome: string): string {
  return OUTCOMES.some((choice) => choice.outcome === outcome) ? t(`outcome.${outcome}` as MessageKey) : outcome;
}

/** The choice for a pressed key, if any. */
export function outcomeForKey(key: string): OutcomeChoice | undefined {
  return OUTCOMES.find((choice) => choice.key.toLowerCase() === key.toLowerCase());
}
