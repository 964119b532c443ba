import { useMemo, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { withId } from '../../api/loaders';
import type { Appointment } from '../../api/types';
import { FormDialog } from '../../components/FormDialog';
import { TextArea } from '../../components/TextArea';
import { ZonedTimePicker } from '../../components/ZonedTimePicker';
import { useLocale } from '../../i18n/LocaleContext';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { useFormErrors } from '../../lib/useFormErrors';
import { fromZonedInput, toZonedInput } from '../../lib/zonedTime';

const FIELDS = ['starts_at', 'rep_id', 'reason', 'state'] as const;

interface ChangeAppointmentDialogProps {
  appointment: Appointment;
  /** Move it to another time, or cancel it. */
  change: 'reschedule' | 'cancel';
  onDone: (appointment: Appointment) => void;
  onClose: () => void;
}

/**
 * Moving or cancelling an appointment for the person or the client: the new time is typed in the person's zone;
 * the attendees get the update or the cancellation in their calendars.
 */
export function ChangeAppointmentDialog({ appointment, change, onDone, onClose }: ChangeAppointmentDialogProps) {
  const { t } = useLocale();
  const [when, setWhen] = useState(() => toZonedInput(new Date(appointment.starts_at), appointment.time_zone));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS);
  const ref = useFocusFirstInvalid<HTMLDivElement>(errors.fieldErrors);
  const moment = useMemo(() => fromZonedInput(when, appointment.time_zone), [when, appointment.time_zone]);
  const who = [appointment.person_name, appointment.company_name].filter(Boolean).join(', ');

  async function submit(): Promise<void> {
    if (change === 'reschedule' && !moment) return errors.showLocal({ starts_at: t('appointment.timeRequired') });
    if (change === 'cancel' && reason.trim() === '') return errors.showLocal({ reason: t('validation.required') });
    setBusy(true);
    errors.clear();
    try {
      const done =
        change === 'reschedule'
          ? await unwrap(api.POST('/api/appointments/{id}/reschedule', { ...withId(appointment.id), body: { starts_at: moment!.toISOString() } }))
          : await unwrap(api.POST('/api/appointments/{id}/cancel', { ...withId(appointment.id), body: { reason: reason.trim() } }));
      onDone(done);
    } catch (caught) {
      errors.showError(caught);
      setBusy(false);
    }
  }

  return (
    <FormDialog
      title={t(change === 'reschedule' ? 'appointments.rescheduleTitle' : 'appointments.cancelTitle', { who })}
      submitLabel={t(change === 'reschedule' ? 'appointments.reschedule' : 'appointments.cancel')}
      busy={busy}
      general={errors.general ?? errors.fieldErrors.state ?? null}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <div ref={ref} className="appointment-picker">
        {change === 'reschedule' ? (
          <>
            <ZonedTimePicker
              timeZone={appointment.time_zone}
              value={when}
              label={t('appointment.otherTime', { zone: appointment.time_zone })}
              onChange={(next) => {
                setWhen(next);
                errors.clear();
              }}
              error={errors.fieldErrors.starts_at}
            />
            <p className="muted">{t('appointments.rescheduleHint', { rep: appointment.rep_name ?? '' })}</p>
          </>
        ) : (
          <TextArea label={t('appointments.reason')} hint={t('appointments.reasonHint')} value={reason} rows={3} onChange={setReason} error={errors.fieldErrors.reason} />
        )}
      </div>
    </FormDialog>
  );
}
