import { useState } from 'react';
import type { QualificationItem } from '../../../api/types';
import { CheckboxField } from '../../../components/CheckboxField';
import { SectionCard } from '../../../components/SectionCard';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/LocaleContext';
import { useSave } from '../../../lib/useSave';
import { ListControls, moved } from '../../../components/ListControls';
import { patchCampaign, type SectionProps } from './patchCampaign';

/** The qualification checklist: questions the agent answers; required ones decide whether a lead is qualified. */
export function QualificationSection({ campaign, onSaved }: SectionProps) {
  const t = useT();
  const save = useSave(['qualification']);
  const [items, setItems] = useState<QualificationItem[]>(() => campaign.qualification.map((q) => ({ ...q })));
  const setItem = (i: number, change: Partial<QualificationItem>) => setItems((list) => list.map((x, j) => (j === i ? { ...x, ...change } : x)));

  function submit(): void {
    void save.run(async () => onSaved(await patchCampaign(campaign.id, { qualification: items })));
  }

  return (
    <SectionCard
      title={t('setup.qualification')}
      intro={t('qualification.intro')}
      onSubmit={submit}
      busy={save.busy}
      general={save.general}
      fieldErrors={save.fieldErrors}
      savedText={save.saved ? t('common.savedText') : null}
    >
      {items.length === 0 && <p className="muted">{t('qualification.empty')}</p>}
      <ol className="edit-list">
        {items.map((item, i) => {
          const label = t('qualification.questionN', { n: i + 1 });
          return (
            <li key={i} className="edit-list__item edit-list__item--row">
              <TextField
                label={label}
                value={item.question}
                onChange={(v) => setItem(i, { question: v })}
                error={save.errorAt(`qualification[${i}]`)}
                className="grow"
              />
              <CheckboxField label={t('qualification.required')} checked={item.required} onChange={(v) => setItem(i, { required: v })} />
              <ListControls
                index={i}
                count={items.length}
                itemLabel={label}
                onMove={(from, to) => setItems((list) => moved(list, from, to))}
                onRemove={(index) => setItems((list) => list.filter((_, j) => j !== index))}
              />
            </li>
          );
        })}
      </ol>
      <div>
        <button type="button" className="button" onClick={() => setItems((list) => [...list, { question: '', required: false }])}>
          + {t('qualification.add')}
        </button>
      </div>
      {save.fieldErrors.qualification && <p className="field__error">{save.fieldErrors.qualification}</p>}
    </SectionCard>
  );
}
