import { useCallback, useState } from 'react';
import { api, unwrap } from '../../../api/client';
import { withId } from '../../../api/loaders';
import { EditList } from '../../../components/EditList';
import { ResourceView } from '../../../components/ResourceView';
import { SectionCard } from '../../../components/SectionCard';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/LocaleContext';
import type { MessageKey } from '../../../i18n/translate';
import { useResource } from '../../../lib/useResource';
import { useSave } from '../../../lib/useSave';
import { wholeNumber } from './patchCampaign';

const FIELDS = ['offsets_minutes'] as const;
const UNITS = { days: 1440, hours: 60, minutes: 1 } as const;
type Unit = keyof typeof UNITS;
interface Offset {
  amount: string;
  unit: Unit;
}

/** 1440 → 1 day, 120 → 2 hours, 90 → 90 minutes. */
function offsetOf(minutes: number): Offset {
  const unit = (Object.keys(UNITS) as Unit[]).find((u) => minutes % UNITS[u] === 0) ?? 'minutes';
  return { amount: String(minutes / UNITS[unit]), unit };
}

/** When the person and the rep are reminded of an appointment: up to four times before it. */
export function ReminderSection({ campaignId }: { campaignId: number }) {
  const settings = useResource(useCallback(() => unwrap(api.GET('/api/campaigns/{id}/reminders', withId(campaignId))), [campaignId]));
  return <ResourceView resource={settings}>{(data) => <ReminderForm campaignId={campaignId} initial={data.offsets_minutes} />}</ResourceView>;
}

function ReminderForm({ campaignId, initial }: { campaignId: number; initial: readonly number[] }) {
  const t = useT();
  const save = useSave(FIELDS);
  const [offsets, setOffsets] = useState<Offset[]>(() => initial.map(offsetOf));

  function submit(): void {
    const minutes: number[] = [];
    for (const [i, o] of offsets.entries()) {
      const amount = wholeNumber(o.amount);
      if (amount === undefined || amount <= 0) return save.showLocal({ [`offsets_minutes[${i}]`]: t('validation.wholeNumber') });
      minutes.push(amount * UNITS[o.unit]);
    }
    void save.run(async () => {
      const stored = await unwrap(api.PUT('/api/campaigns/{id}/reminders', { ...withId(campaignId), body: { offsets_minutes: minutes } }));
      setOffsets(stored.offsets_minutes.map(offsetOf));
    });
  }

  return (
    <SectionCard title={t('reminderSetup.title')} intro={t('reminderSetup.intro')} onSubmit={submit} busy={save.busy} general={save.general ?? save.fieldErrors.offsets_minutes ?? null}
      fieldErrors={save.fieldErrors} savedText={save.saved ? t('common.savedText') : null}>
      <EditList
        legend={t('reminderSetup.offsets')}
        items={offsets}
        onChange={setOffsets}
        itemLabel={(i) => t('reminderSetup.item', { n: i + 1 })}
        emptyText={t('reminderSetup.none')}
        addLabel={t('reminderSetup.add')}
        newItem={(): Offset => ({ amount: '1', unit: 'hours' })}
        layout="row"
        renderItem={(item, i, update) => (
          <>
            <TextField label={t('reminderSetup.amount', { n: i + 1 })} type="number" min={1} value={item.amount} onChange={(amount) => update({ amount })} error={save.fieldErrors[`offsets_minutes[${i}]`]} />
            <SelectField
              label={t('reminderSetup.unit')}
              value={item.unit}
              options={(Object.keys(UNITS) as Unit[]).map((u) => ({ value: u, label: t(`reminderSetup.unit.${u}` as MessageKey) }))}
              onChange={(unit) => update({ unit: unit as Unit })}
            />
          </>
        )}
      />
      <p className="muted">{t('reminderSetup.hint')}</p>
    </SectionCard>
  );
}
