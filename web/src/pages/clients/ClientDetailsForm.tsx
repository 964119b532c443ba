import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { withId } from '../../api/loaders';
import type { Client } from '../../api/types';
import { SectionCard } from '../../components/SectionCard';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/LocaleContext';
import { useSave } from '../../lib/useSave';

const FIELDS = ['name', 'industry', 'city', 'country'] as const;

/** Name, industry, city and country of a client. */
export function ClientDetailsForm({ client, onSaved }: { client: Client; onSaved: (client: Client) => void }) {
  const t = useT();
  const save = useSave(FIELDS);
  const [name, setName] = useState(client.name);
  const [industry, setIndustry] = useState(client.industry);
  const [city, setCity] = useState(client.city);
  const [country, setCountry] = useState(client.country);

  function submit(): void {
    if (name.trim() === '') {
      save.showLocal({ name: t('validation.required') });
      return;
    }
    void save.run(async () => {
      const body = { name: name.trim(), industry: industry.trim(), city: city.trim(), country: country.trim() };
      onSaved(await unwrap(api.PATCH('/api/clients/{id}', { ...withId(client.id), body })));
    });
  }

  return (
    <SectionCard
      title={t('clients.details')}
      onSubmit={submit}
      busy={save.busy}
      general={save.general}
      fieldErrors={save.fieldErrors}
      savedText={save.saved ? t('common.savedText') : null}
    >
      <div className="grid grid--2">
        <TextField label={t('clients.name')} value={name} onChange={setName} error={save.errorAt('name')} required />
        <TextField label={t('clients.industry')} value={industry} onChange={setIndustry} error={save.errorAt('industry')} optionalText={t('common.optional')} />
        <TextField label={t('clients.city')} value={city} onChange={setCity} error={save.errorAt('city')} optionalText={t('common.optional')} />
        <TextField
          label={t('clients.country')}
          value={country}
          onChange={(v) => setCountry(v.toUpperCase())}
          error={save.errorAt('country')}
          hint={t('clients.countryHint')}
          maxLength={2}
          className="field--short"
        />
      </div>
    </SectionCard>
  );
}
