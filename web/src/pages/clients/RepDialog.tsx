import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { withId } from '../../api/loaders';
import type { Rep } from '../../api/types';
import { FormDialog } from '../../components/FormDialog';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/LocaleContext';
import { useSave } from '../../lib/useSave';

const FIELDS = ['name', 'email', 'phone', 'territories'] as const;

interface RepDialogProps {
  clientId: number;
  /** The rep to edit; a new rep when absent. */
  rep?: Rep;
  onSaved: (rep: Rep) => void;
  onClose: () => void;
}

/** Creates or edits a field sales rep of a client and the postal-code prefixes of their territory. */
export function RepDialog({ clientId, rep, onSaved, onClose }: RepDialogProps) {
  const t = useT();
  const save = useSave(FIELDS);
  const [name, setName] = useState(rep?.name ?? '');
  const [email, setEmail] = useState(rep?.email ?? '');
  const [phone, setPhone] = useState(rep?.phone ?? '');
  const [territories, setTerritories] = useState(rep?.territories.replaceAll(',', ', ') ?? '');

  function submit(): void {
    if (name.trim() === '') {
      save.showLocal({ name: t('validation.required') });
      return;
    }
    void save.run(async () => {
      const body = { name: name.trim(), email: email.trim(), phone: phone.trim(), territories };
      const saved = rep
        ? await unwrap(api.PATCH('/api/reps/{id}', { ...withId(rep.id), body }))
        : await unwrap(api.POST('/api/clients/{id}/reps', { ...withId(clientId), body }));
      onSaved(saved);
    });
  }

  return (
    <FormDialog
      title={rep ? t('reps.editTitle', { name: rep.name }) : t('reps.createTitle')}
      submitLabel={rep ? t('common.save') : t('common.create')}
      busy={save.busy}
      general={save.general}
      onSubmit={submit}
      onClose={onClose}
    >
      <TextField label={t('reps.name')} value={name} onChange={setName} error={save.errorAt('name')} required />
      <TextField label={t('reps.email')} type="email" value={email} onChange={setEmail} error={save.errorAt('email')} optionalText={t('common.optional')} />
      <TextField label={t('reps.phone')} type="tel" value={phone} onChange={setPhone} error={save.errorAt('phone')} optionalText={t('common.optional')} />
      <TextField
        label={t('reps.territories')}
        value={territories}
        onChange={setTerritories}
        error={save.errorAt('territories')}
        hint={t('reps.territoriesHint')}
        inputMode="numeric"
      />
    </FormDialog>
  );
}
