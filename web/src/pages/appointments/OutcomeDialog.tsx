import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { withId } from '../../api/loaders';
import type { Appointment, OutcomeReport } from '../../api/types';
import { FormDialog } from '../../components/FormDialog';
import { useLocale } from '../../i18n/LocaleContext';
import { useFormErrors } from '../../lib/useFormErrors';
import { OutcomeFields, outcomeBody } from './OutcomeFields';

const FIELDS = ['outcome', 'qualified', 'note', 'state'] as const;

/** Recording after the date how an appointment went; a no-show goes back to the agent who booked it. */
export function OutcomeDialog({ appointment, onDone, onClose }: { appointment: Appointment; onDone: (a: Appointment) => void; onClose: () => void }) {
  const { t } = useLocale();
  const [report, setReport] = useState<OutcomeReport>({ outcome: 'held' });
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS);
  const who = [appointment.person_name, appointment.company_name].filter(Boolean).join(', ');

  async function submit(): Promise<void> {
    setBusy(true);
    errors.clear();
    try {
      onDone(await unwrap(api.POST('/api/appointments/{id}/outcome', { ...withId(appointment.id), body: outcomeBody(report) })));
    } catch (caught) {
      errors.showError(caught);
      setBusy(false);
    }
  }

  return (
    <FormDialog
      title={t('outcome.title', { who })}
      submitLabel={t('outcome.submit')}
      busy={busy}
      general={errors.general ?? errors.fieldErrors.state ?? null}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <OutcomeFields value={report} onChange={setReport} error={errors.fieldErrors.outcome} noteError={errors.fieldErrors.note} />
      {report.outcome === 'no_show' && <p className="muted">{t('outcome.noShowHint')}</p>}
    </FormDialog>
  );
}
