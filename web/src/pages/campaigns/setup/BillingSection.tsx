import { useState } from 'react';
import type { Billing } from '../../../api/types';
import { SectionCard } from '../../../components/SectionCard';
import { TextField } from '../../../components/TextField';
import { useLocale } from '../../../i18n/LocaleContext';
import type { MessageKey } from '../../../i18n/translate';
import { centsToInput, formatCents, inputToCents } from '../../../lib/money';
import { useSave } from '../../../lib/useSave';
import { patchCampaign, type SectionProps } from './patchCampaign';

const PARTS: readonly { key: keyof Billing; label: MessageKey }[] = [
  { key: 'hourly_rate_cents', label: 'billing.hourly' },
  { key: 'per_decision_maker_cents', label: 'billing.perDecisionMaker' },
  { key: 'per_qualified_appointment_cents', label: 'billing.perAppointment' },
  { key: 'fixed_fee_cents', label: 'billing.fixedFee' },
];

/** The billing model: any mix of hourly rate, per decision maker, per qualified appointment and a fixed fee. */
export function BillingSection({ campaign, onSaved }: SectionProps) {
  const { t, locale } = useLocale();
  const save = useSave(['billing']);
  const [texts, setTexts] = useState<Record<keyof Billing, string>>(() => {
    const out = {} as Record<keyof Billing, string>;
    for (const part of PARTS) out[part.key] = centsToInput(locale, campaign.billing[part.key]);
    return out;
  });

  function submit(): void {
    const billing: Record<string, number | null> = {};
    const errors: Record<string, string> = {};
    for (const part of PARTS) {
      const cents = inputToCents(texts[part.key]);
      if (cents === undefined) errors[`billing.${part.key}`] = t('billing.notAmount');
      else billing[part.key] = cents;
    }
    if (Object.keys(errors).length > 0) return save.showLocal(errors);
    void save.run(async () => onSaved(await patchCampaign(campaign.id, { billing })));
  }

  const summary = PARTS.filter((p) => campaign.billing[p.key] !== null)
    .map((p) => `${t(p.label)}: ${formatCents(locale, campaign.billing[p.key] ?? 0)}`)
    .join(' · ');

  return (
    <SectionCard
      title={t('setup.billing')}
      intro={t('billing.intro')}
      onSubmit={submit}
      busy={save.busy}
      general={save.general}
      fieldErrors={save.fieldErrors}
      savedText={save.saved ? t('common.savedText') : null}
    >
      <p className="billing-summary">
        <strong>{t('billing.current')}</strong> {summary || t('billing.nothing')}
      </p>
      <div className="grid grid--2">
        {PARTS.map((part) => {
          const cents = inputToCents(texts[part.key]);
          return (
            <TextField
              key={part.key}
              label={`${t(part.label)} (€)`}
              inputMode="decimal"
              value={texts[part.key]}
              onChange={(value) => setTexts((old) => ({ ...old, [part.key]: value }))}
              error={save.errorAt(`billing.${part.key}`)}
              hint={typeof cents === 'number' ? formatCents(locale, cents) : t('billing.notBilled')}
              optionalText={t('common.optional')}
            />
          );
        })}
      </div>
    </SectionCard>
  );
}
