import { useState } from 'react';
import type { Script } from '../../../api/types';
import { EditList } from '../../../components/EditList';
import { SectionCard } from '../../../components/SectionCard';
import { TextArea } from '../../../components/TextArea';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/LocaleContext';
import { useSave } from '../../../lib/useSave';
import { patchCampaign, type SectionProps } from './patchCampaign';

/** The call script: sections in order, and objections with their answers. */
export function ScriptSection({ campaign, onSaved }: SectionProps) {
  const t = useT();
  const save = useSave(['script']);
  const [script, setScript] = useState<Script>(() => structuredClone(campaign.script));

  function submit(): void {
    void save.run(async () => onSaved(await patchCampaign(campaign.id, { script })));
  }

  return (
    <SectionCard
      title={t('setup.script')}
      intro={t('script.intro')}
      onSubmit={submit}
      busy={save.busy}
      general={save.general}
      fieldErrors={save.fieldErrors}
      savedText={save.saved ? t('common.savedText') : null}
    >
      <EditList
        legend={t('script.sections')}
        items={script.sections}
        onChange={(sections) => setScript((s) => ({ ...s, sections }))}
        itemLabel={(i) => t('script.sectionN', { n: i + 1 })}
        emptyText={t('script.noSections')}
        addLabel={t('script.addSection')}
        newItem={() => ({ title: '', text: '' })}
        renderItem={(section, i, update) => (
          <>
            <TextField label={t('script.title')} value={section.title} onChange={(title) => update({ title })} error={save.errorAt(`script.sections[${i}].title`)} />
            <TextArea label={t('script.text')} value={section.text} onChange={(text) => update({ text })} error={save.errorAt(`script.sections[${i}].text`)} rows={3} />
          </>
        )}
      />
      <EditList
        legend={t('script.objections')}
        items={script.objections}
        onChange={(objections) => setScript((s) => ({ ...s, objections }))}
        itemLabel={(i) => t('script.objectionN', { n: i + 1 })}
        emptyText={t('script.noObjections')}
        addLabel={t('script.addObjection')}
        newItem={() => ({ question: '', answer: '' })}
        renderItem={(objection, i, update) => (
          <>
            <TextField
              label={t('script.question')}
              value={objection.question}
              onChange={(question) => update({ question })}
              error={save.errorAt(`script.objections[${i}].question`)}
            />
            <TextArea label={t('script.answer')} value={objection.answer} onChange={(answer) => update({ answer })} error={save.errorAt(`script.objections[${i}].answer`)} rows={2} />
          </>
        )}
      />
      {save.fieldErrors.script && <p className="field__error">{save.fieldErrors.script}</p>}
    </SectionCard>
  );
}
