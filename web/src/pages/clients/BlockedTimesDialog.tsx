import { useCallback, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { withId } from '../../api/loaders';
import type { Rep } from '../../api/types';
import { EditList } from '../../components/EditList';
import { FormDialog } from '../../components/FormDialog';
import { ResourceView } from '../../components/ResourceView';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/LocaleContext';
import { useFormErrors } from '../../lib/useFormErrors';
import { useResource } from '../../lib/useResource';
import { fromZonedInput, toZonedInput } from '../../lib/zonedTime';

interface Entry {
  from: string;
  to: string;
  title: string;
}

/** A rep's holidays, trade fairs and trainings: typed on the rep's clock; suggestions and bookings keep them free. */
export function BlockedTimesDialog({ rep, onClose, onSaved }: { rep: Rep; onClose: () => void; onSaved: (count: number) => void }) {
  const list = useResource(useCallback(() => unwrap(api.GET('/api/reps/{id}/blocked-times', withId(rep.id))), [rep.id]));
  return (
    <ResourceView resource={list}>
      {(data) => (
        <BlockedTimesForm
          rep={rep}
          initial={data.blocked_times.map((b) => ({
            from: toZonedInput(new Date(b.starts_at), rep.time_zone),
            to: toZonedInput(new Date(b.ends_at), rep.time_zone),
            title: b.title ?? '',
          }))}
          onClose={onClose}
          onSaved={onSaved}
        />
      )}
    </ResourceView>
  );
}

function BlockedTimesForm({ rep, initial, onClose, onSaved }: { rep: Rep; initial: Entry[]; onClose: () => void; onSaved: (count: number) => void }) {
  const t = useT();
  const [entries, setEntries] = useState<Entry[]>(initial);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(entries.flatMap((_, i) => [`blocked_times[${i}].starts_at`, `blocked_times[${i}].ends_at`, `blocked_times[${i}].title`]));

  async function submit(): Promise<void> {
    const body = [];
    for (const [i, e] of entries.entries()) {
      const starts = fromZonedInput(e.from, rep.time_zone);
      const ends = fromZonedInput(e.to, rep.time_zone);
      if (!starts) return errors.showLocal({ [`blocked_times[${i}].starts_at`]: t('appointment.timeRequired') });
      if (!ends) return errors.showLocal({ [`blocked_times[${i}].ends_at`]: t('appointment.timeRequired') });
      body.push({ starts_at: starts.toISOString(), ends_at: ends.toISOString(), ...(e.title.trim() ? { title: e.title.trim() } : {}) });
    }
    setBusy(true);
    errors.clear();
    try {
      const saved = await unwrap(api.PUT('/api/reps/{id}/blocked-times', { ...withId(rep.id), body: { blocked_times: body } }));
      onSaved(saved.blocked_times.length);
    } catch (caught) {
      errors.showError(caught);
      setBusy(false);
    }
  }

  return (
    <FormDialog title={t('blocked.title', { name: rep.name })} submitLabel={t('common.save')} busy={busy} general={errors.general} onSubmit={() => void submit()} onClose={onClose}>
      <p className="muted">{t('blocked.intro', { zone: rep.time_zone })}</p>
      <EditList
        legend={t('blocked.legend')}
        items={entries}
        onChange={setEntries}
        itemLabel={(i) => t('blocked.item', { n: i + 1 })}
        emptyText={t('blocked.none')}
        addLabel={t('blocked.add')}
        newItem={(): Entry => ({ from: '', to: '', title: '' })}
        renderItem={(entry, i, update) => (
          <div className="grid grid--3">
            <TextField label={t('blocked.from')} type="datetime-local" value={entry.from} onChange={(from) => update({ from })} error={errors.fieldErrors[`blocked_times[${i}].starts_at`]} />
            <TextField label={t('blocked.to')} type="datetime-local" value={entry.to} onChange={(to) => update({ to })} error={errors.fieldErrors[`blocked_times[${i}].ends_at`]} />
            <TextField label={t('blocked.what')} value={entry.title} maxLength={200} onChange={(title) => update({ title })} error={errors.fieldErrors[`blocked_times[${i}].title`]} optionalText={t('common.optional')} />
          </div>
        )}
      />
    </FormDialog>
  );
}
