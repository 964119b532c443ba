import { useState } from 'react';
import type { Script } from '../../../api/types';
import { SectionCard } from '../../../components/SectionCard';
import { TextArea } from '../../../components/TextArea';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/LocaleContext';
import { useSave } from '../../../lib/useSave';
import { ListControls, moved } from './ListControls';
import { patchCampaign, type SectionProps } from './patchCampaign';

/** The call script: sections in order, and objections with their answers. */
export function ScriptSection({ campaign, onSaved }: SectionProps) {
  const t = useT();
  const save = useSave(['script']);
  const [script, setScript] = useState<Script>(() => structuredClone(campaign.script));
  const sections = script.sections;
  const objections = script.objections;

  const setSection = (i: number, key: 'title' | 'text', value: string) =>
    setScript((s) => ({ ...s, sections: s.sections.map((x, j) => (j === i ? { ...x, [key]: value } : x)) }));
  const setObjection = (i: number, key: 'question' | 'answer', value: string) =>
    setScript((s) => ({ ...s, objections: s.objections.map((x, j) => (j === i ? { ...x, [key]: value } : x)) }));

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
      <fieldset className="fieldset">
        <legend>{t('script.sections')}</legend>
        {sections.length === 0 && <p className="muted">{t('script.noSections')}</p>}
        <ol className="edit-list">
          {sections.map((section, i) => {
            const label = t('script.sectionN', { n: i + 1 });
            return (
              <li key={i} className="edit-list__item">
                <div className="edit-list__head">
                  <strong>{label}</strong>
                  <ListControls
                    index={i}
                    count={sections.length}
                    itemLabel={label}
                    onMove={(from, to) => setScript((s) => ({ ...s, sections: moved(s.sections, from, to) }))}
                    onRemove={(index) => setScript((s) => ({ ...s, sections: s.sections.filter((_, j) => j !== index) }))}
                  />
                </div>
                <TextField
                  label={t('script.title')}
                  value={section.title}
                  onChange={(v) => setSection(i, 'title', v)}
                  error={save.errorAt(`script.sections[${i}].title`)}
                />
                <TextArea label={t('script.text')} value={section.text} onChange={(v) => setSection(i, 'text', v)} error={save.errorAt(`script.sections[${i}].text`)} rows={3} />
              </li>
            );
          })}
        </ol>
        <button type="button" className="button" onClick={() => setScript((s) => ({ ...s, sections: [...s.sections, { title: '', text: '' }] }))}>
          + {t('script.addSection')}
        </button>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('script.objections')}</legend>
        {objections.length === 0 && <p className="muted">{t('script.noObjections')}</p>}
        <ol className="edit-list">
          {objections.map((objection, i) => {
            const label = t('script.objectionN', { n: i + 1 });
            return (
              <li key={i} className="edit-list__item">
                <div className="edit-list__head">
                  <strong>{label}</strong>
                  <ListControls
                    index={i}
                    count={objections.length}
                    itemLabel={label}
                    onMove={(from, to) => setScript((s) => ({ ...s, objections: moved(s.objections, from, to) }))}
                    onRemove={(index) => setScript((s) => ({ ...s, objections: s.objections.filter((_, j) => j !== index) }))}
                  />
                </div>
                <TextField
                  label={t('script.question')}
                  value={objection.question}
                  onChange={(v) => setObjection(i, 'question', v)}
                  error={save.errorAt(`script.objections[${i}].question`)}
                />
                <TextArea
                  label={t('script.answer')}
                  value={objection.answer}
                  onChange={(v) => setObjection(i, 'answer', v)}
                  error={save.errorAt(`script.objections[${i}].answer`)}
                  rows={2}
                />
              </li>
            );
          })}
        </ol>
        <button type="button" className="button" onClick={() => setScript((s) => ({ ...s, objections: [...s.objections, { question: '', answer: '' }] }))}>
          + {t('script.addObjection')}
        </button>
      </fieldset>
      {save.fieldErrors.script && <p className="field__error">{save.fieldErrors.script}</p>}
    </SectionCard>
  );
}
