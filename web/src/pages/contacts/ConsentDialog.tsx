import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/LocaleContext';
import { useFormErrors } from '../../lib/useFormErrors';

const FIELDS = ['kind', 'given_by', 'beneficiary', 'purpose', 'given_at', 'channel', 'evidence'] as const;

/** Records a consent or its withdrawal (UWG §7a: who, for whom, what for, when, how). */
export function ConsentDialog({ contactId, onRecorded, onClose }: { contactId: number; onRecorded: () => void; onClose: () => void }) {
  const t = useT();
  const errors = useFormErrors(FIELDS);
  const [kind, setKind] = useState<'consent' | 'withdrawal'>('consent');
  const [givenBy, setGivenBy] = useState('');
  const [beneficiary, setBeneficiary] = useState('');
  const [purpose, setPurpose] = useState('');
  const [givenAt, setGivenAt] = useState(new Date().toISOString().slice(0, 19) + 'Z');
  const [channel, setChannel] = useState('');
  const [evidence, setEvidence] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(): Promise<void> {
    setBusy(true);
    errors.clear();
    try {
      const body = { kind, given_by: givenBy, beneficiary, purpose, given_at: givenAt, channel, evidence };
      await unwrap(api.POST('/api/contacts/{id}/consents', { params: { path: { id: contactId } }, body }));
      onRecorded();
    } catch (caught) {
      errors.showError(caught);
      setBusy(false);
    }
  }

  return (
    <FormDialog
      title={t('contacts.addConsent')}
      submitLabel={t('common.save')}
      busy={busy}
      general={errors.general}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <SelectField
        label={t('contacts.consentKind')}
        value={kind}
        onChange={(value) => setKind(value === 'withdrawal' ? 'withdrawal' : 'consent')}
        options={[
          { value: 'consent', label: t('contacts.consentKind.consent') },
          { value: 'withdrawal', label: t('contacts.consentKind.withdrawal') },
        ]}
        error={errors.fieldErrors.kind}
      />
      <TextField label={t('contacts.givenBy')} value={givenBy} onChange={setGivenBy} error={errors.fieldErrors.given_by} required />
      <TextField label={t('contacts.beneficiary')} value={beneficiary} onChange={setBeneficiary} error={errors.fieldErrors.beneficiary} required />
      <TextField label={t('contacts.purpose')} value={purpose} onChange={setPurpose} error={errors.fieldErrors.purpose} required />
      <TextField label={t('contacts.givenAt')} value={givenAt} onChange={setGivenAt} error={errors.fieldErrors.given_at} required />
      <TextField label={t('contacts.channel')} value={channel} onChange={setChannel} error={errors.fieldErrors.channel} required />
      <TextField
        label={t('contacts.evidence')}
        value={evidence}
        onChange={setEvidence}
        error={errors.fieldErrors.evidence}
        optionalText={t('common.optional')}
      />
    </FormDialog>
  );
}
