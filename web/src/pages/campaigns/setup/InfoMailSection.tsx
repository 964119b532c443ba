import { useState } from 'react';
import { SectionCard } from '../../../components/SectionCard';
import { TextArea } from '../../../components/TextArea';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/LocaleContext';
import { useSave } from '../../../lib/useSave';
import { patchCampaign, type SectionProps } from './patchCampaign';

const FIELDS = ['info_mail.subject', 'info_mail.body'] as const;
/** The merge fields the server knows (docs/openapi.yaml, InfoMailTemplate). */
export const MERGE_FIELDS = ['salutation', 'first_name', 'last_name', 'full_name', 'company', 'campaign', 'client', 'agent', 'agent_email'] as const;

/** The mail an agent sends from a call with "info by e-mail": subject and plain text with merge fields. */
export function InfoMailSection({ campaign, onSaved }: SectionProps) {
  const t = useT();
  const save = useSave(FIELDS);
  const [subject, setSubject] = useState(campaign.info_mail.subject);
  const [body, setBody] = useState(campaign.info_mail.body);

  function submit(): void {
    void save.run(async () => {
      const saved = await patchCampaign(campaign.id, { info_mail: { subject: subject.trim(), body } });
      setSubject(saved.info_mail.subject);
      setBody(saved.info_mail.body);
      onSaved(saved);
    });
  }

  return (
    <SectionCard
      title={t('setup.infoMail')}
      intro={t('infoMail.intro')}
      onSubmit={submit}
      busy={save.busy}
      general={save.general}
      fieldErrors={save.fieldErrors}
      savedText={save.saved ? t('common.savedText') : null}
    >
      <TextField label={t('infoMail.subject')} value={subject} onChange={setSubject} error={save.errorAt('info_mail.subject')} maxLength={200} />
      <TextArea label={t('infoMail.body')} value={body} onChange={setBody} error={save.errorAt('info_mail.body')} rows={10} maxLength={20000} />
      <p className="small muted">
        {t('infoMail.fields')} {MERGE_FIELDS.map((field) => <code key={field} className="merge-field">{`{{${field}}}`}</code>)}
      </p>
      {campaign.info_mail.subject === '' && <p className="muted">{t('infoMail.none')}</p>}
    </SectionCard>
  );
}
