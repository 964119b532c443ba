import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { Client } from '../../api/types';
import { FormDialog } from '../../components/FormDialog';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/LocaleContext';
import { useFormErrors } from '../../lib/useFormErrors';

const FIELDS = ['name', 'industry', 'city', 'country'] as const;

interface CreateClientDialogProps {
  onCreated: (client: Client) => void;
  onClose: () => void;
}

/** Creates a client company. */
export function CreateClientDialog({ onCreated, onClose }: CreateClientDialogProps) {
  const t = useT();
  const errors = useFormErrors(FIELDS);
  const [name, setName] = useState('');
  const [industry, setIndustry] = useState('');
  const [city, setCity] = useState('');
  const [country, setCountry] = useState('DE');
  const [busy, setBusy] = useState(false);

  async function submit(): Promise<void> {
    if (name.trim() === '') {
      errors.showLocal({ name: t('validation.required') });
      return;
    }
    setBusy(true);
    errors.clear();
    try {
      const body = { name: name.trim(), industry: industry.trim(), city: city.trim(), country: country.trim() };
      onCreated(await unwrap(api.POST('/api/clients', { body })));
    } catch (caught) {
      errors.showError(caught);
      setBusy(false);
    }
  }

  return (
    <FormDialog
      title={t('clients.createTitle')}
      submitLabel={t('common.create')}
      busy={busy}
      general={errors.general}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <TextField label={t('clients.name')} value={name} onChange={setName} error={errors.fieldErrors.name} required />
      <TextField
        label={t('clients.industry')}
        value={industry}
        onChange={setIndustry}
        error={errors.fieldErrors.industry}
        optionalText={t('common.optional')}
      />
      <TextField
        label={t('clients.city')}
        value={city}
        onChange={setCity}
        error={errors.fieldErrors.city}
        optionalText={t('common.optional')}
      />
      <TextField
        label={t('clients.country')}
        value={country}
        onChange={(value) => setCountry(value.toUpperCase())}
        error={errors.fieldErrors.country}
        hint={t('clients.countryHint')}
        maxLength={2}
        className="field--short"
      />
    </FormDialog>
  );
}
