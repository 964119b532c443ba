import { useState } from 'react';
import { SectionCard } from '../../../components/SectionCard';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/LocaleContext';
import { useSave } from '../../../lib/useSave';
import { patchCampaign, type SectionProps } from './patchCampaign';

const FIELDS = ['caller_id', 'country'] as const;

/** The number shown to the called person (E.164) and the country national numbers are read in. */
export function CallerIdSection({ campaign, onSaved }: SectionProps) {
  const t = useT();
  const save = useSave(FIELDS);
  const [callerId, setCallerId] = useState(campaign.caller_id ?? '');
  const [country, setCountry] = useState(campaign.country);

  function submit(): void {
    void save.run(async () => {
      const saved = await patchCampaign(campaign.id, { country: country.trim(), caller_id: callerId.trim() === '' ? null : callerId.trim() });
      setCallerId(saved.caller_id ?? '');
      onSaved(saved);
    });
  }

  return (
    <SectionCard
      title={t('setup.callerId')}
      intro={t('callerId.intro')}
      onSubmit={submit}
      busy={save.busy}
      general={save.general}
      fieldErrors={save.fieldErrors}
      savedText={save.saved ? t('common.savedText') : null}
    >
      <div className="grid grid--2">
        <TextField
          label={t('callerId.number')}
          type="tel"
          value={callerId}
          onChange={setCallerId}
          error={save.errorAt('caller_id')}
          hint={t('callerId.hint')}
          className="field--mono"
        />
        <TextField
          label={t('clients.country')}
          value={country}
          onChange={(v) => setCountry(v.toUpperCase())}
          error={save.errorAt('country')}
          hint={t('callerId.countryHint')}
          maxLength={2}
          className="field--short"
        />
      </div>
      {!campaign.caller_id && <p className="field__error">{t('callerId.missing')}</p>}
    </SectionCard>
  );
}
