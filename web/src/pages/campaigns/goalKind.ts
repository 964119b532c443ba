import type { MessageKey, Translate } from '../../i18n/translate';

const KNOWN: Readonly<Record<string, MessageKey>> = {
  appointments: 'campaigns.goal.appointments',
  qualified_leads: 'campaigns.goal.qualified_leads',
  information_requests: 'campaigns.goal.information_requests',
  decision_maker_contacts: 'campaigns.goal.decision_maker_contacts',
};

/** What a campaign goal counts, in the user's language ("appointments" → "Termine"). */
export function goalKindText(t: Translate, kind: string): string {
  const key = KNOWN[kind];
  return key ? t(key) : kind.replace(/_/g, ' ');
}
