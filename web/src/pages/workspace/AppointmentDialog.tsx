import { useCallback, useMemo, useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { AppointmentKind, AppointmentRequest, SlotSuggestions } from '../../api/types';
import { APPOINTMENT_KINDS } from '../../api/types';
import { FormDialog } from '../../components/FormDialog';
import { SelectField } from '../../components/SelectField';
import { TextArea } from '../../components/TextArea';
import { ZonedTimePicker, zonedInputIn } from '../../components/ZonedTimePicker';
import { useLocale } from '../../i18n/LocaleContext';
import { errorText } from '../../lib/errorText';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { useFormErrors } from '../../lib/useFormErrors';
import { useResource } from '../../lib/useResource';
import { formatInZone, fromZonedInput } from '../../lib/zonedTime';

interface AppointmentDialogProps {
  leadId: number;
  /** The called person's time zone: slots are read out to them in it. */
  timeZone: string;
  personName: string;
  /** What the agent noted during the call: the agenda starts with it. */
  notes: string;
  /** Records the outcome with the booking; throws the server's refusal, shown at its field. */
  onSubmit: (appointment: AppointmentRequest) => Promise<void>;
  onClose: () => void;
}

const FIELDS = ['appointment.starts_at', 'appointment.rep_id', 'appointment.kind', 'appointment.agenda', 'appointment.location'] as const;
const OTHER = 'other';

/**
 * Booking while the person is on the phone: the free times of the responsible reps, least extra driving first, read
 * out in the person's time; or another time the person asks for. Arrow keys move through the times, Enter books.
 */
export function AppointmentDialog({ leadId, timeZone, personName, notes, onSubmit, onClose }: AppointmentDialogProps) {
  const { t, locale } = useLocale();
  const [kind, setKind] = useState<AppointmentKind>('on_site');
  const load = useCallback(
    () => unwrap(api.GET('/api/workspace/leads/{id}/slots', { params: { path: { id: leadId }, query: { kind } } })),
    [leadId, kind],
  );
  const suggestions = useResource<SlotSuggestions>(load);
  const [chosen, setChosen] = useState<string | null>(null);
  const [otherTime, setOtherTime] = useState(() => zonedInputIn(24 * 60, timeZone));
  const [otherRep, setOtherRep] = useState<string>('');
  const [agenda, setAgenda] = useState(notes);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS);
  const ref = useFocusFirstInvalid<HTMLDivElement>(errors.fieldErrors);

  const data = suggestions.status === 'ready' ? suggestions.data : null;
  const slots = data?.slots ?? [];
  const reps = data?.reps ?? [];
  // The first (best) slot is taken unless the agent picks another.
  const selected = chosen ?? (slots.length > 0 ? '0' : OTHER);
  const repForOther = otherRep !== '' ? otherRep : String(reps[0]?.id ?? '');
  const otherMoment = useMemo(() => fromZonedInput(otherTime, timeZone), [otherTime, timeZone]);

  async function submit(): Promise<void> {
    let request: AppointmentRequest;
    if (selected === OTHER) {
      if (!otherMoment) {
        errors.showLocal({ 'appointment.starts_at': t('appointment.timeRequired') });
        return;
      }
      if (repForOther === '') {
        errors.showLocal({ 'appointment.rep_id': t('appointment.noReps') });
        return;
      }
      request = { rep_id: Number(repForOther), starts_at: otherMoment.toISOString(), kind };
    } else {
      const slot = slots[Number(selected)];
      if (!slot) return;
      request = { rep_id: slot.rep_id, starts_at: slot.starts_at, kind };
    }
    if (agenda.trim() !== '') request.agenda = agenda.trim();
    setBusy(true);
    errors.clear();
    try {
      await onSubmit(request);
    } catch (caught) {
      errors.showError(caught);
      setBusy(false);
      suggestions.reload();
    }
  }

  const travel = (minutes: number) => t('appointment.travel', { minutes: String(minutes) });

  return (
    <FormDialog
      title={t('appointment.title', { name: personName })}
      submitLabel={t('appointment.submit')}
      busy={busy}
      general={errors.general}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <div ref={ref} className="appointment-picker">
        <fieldset className="fieldset fieldset--inline">
          <legend>{t('appointment.kind')}</legend>
          {APPOINTMENT_KINDS.map((option) => (
            <label key={option} className="checkbox">
              <input
                type="radio"
                name="appointment-kind"
                value={option}
                checked={kind === option}
                onChange={() => {
                  setKind(option);
                  setChosen(null);
                }}
              />
              <span>{t(`appointment.kind.${option}`)}</span>
            </label>
          ))}
        </fieldset>
        {data && data.location !== '' && kind === 'on_site' && (
          <p className="muted">
            {t('appointment.where', { place: data.location })}
            {!data.place_known && ` — ${t('appointment.placeUnknown')}`}
          </p>
        )}
        <fieldset className="fieldset slot-list" aria-busy={suggestions.status === 'loading'}>
          <legend>{t('appointment.slots', { zone: timeZone })}</legend>
          {suggestions.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
          {suggestions.status === 'error' && (
            <p className="field__error" role="alert">
              {errorText(t, suggestions.error)}
            </p>
          )}
          {data && slots.length === 0 && <p className="muted">{reps.length === 0 ? t('appointment.noReps') : t('appointment.noSlots')}</p>}
          {slots.map((slot, index) => (
            <label key={`${slot.rep_id}-${slot.starts_at}`} className="checkbox slot">
              <input
                type="radio"
                name="appointment-slot"
                value={String(index)}
                checked={selected === String(index)}
                onChange={() => setChosen(String(index))}
              />
              <span className="slot__when">{formatInZone(locale, slot.starts_at, timeZone)}</span>
              <span className="slot__rep">{slot.rep_name}</span>
              <span className="slot__travel" title={t('appointment.travelHint')}>
                {kind === 'on_site' && data?.place_known ? `+${travel(slot.added_travel_minutes)}` : ''}
                {kind === 'on_site' && data?.place_known && slot.from_home ? ` · ${t('appointment.fromHome')}` : ''}
              </span>
              <span className="slot__bar" aria-hidden="true">
                <span style={{ width: `${Math.min(100, (slot.added_travel_minutes / 180) * 100)}%` }} />
              </span>
            </label>
          ))}
          <label className="checkbox slot">
            <input type="radio" name="appointment-slot" value={OTHER} checked={selected === OTHER} onChange={() => setChosen(OTHER)} />
            <span>{t('appointment.other')}</span>
          </label>
        </fieldset>
        {selected === OTHER && (
          <>
            <ZonedTimePicker
              timeZone={timeZone}
              value={otherTime}
              label={t('appointment.otherTime', { zone: timeZone })}
              onChange={(next) => {
                setOtherTime(next);
                errors.clear();
              }}
              error={errors.fieldErrors['appointment.starts_at']}
            />
            <SelectField
              label={t('appointment.rep')}
              value={repForOther}
              options={reps.map((rep) => ({ value: String(rep.id), label: rep.covers ? rep.name : `${rep.name} (${t('appointment.outsideTerritory')})` }))}
              onChange={setOtherRep}
              error={errors.fieldErrors['appointment.rep_id']}
            />
          </>
        )}
        {selected !== OTHER && errors.fieldErrors['appointment.starts_at'] && (
          <p className="field__error" role="alert">
            {errors.fieldErrors['appointment.starts_at']}
          </p>
        )}
        <TextArea
          label={t('appointment.agenda')}
          hint={t('appointment.agendaHint')}
          value={agenda}
          rows={3}
          onChange={setAgenda}
          error={errors.fieldErrors['appointment.agenda']}
        />
        {data && selected !== OTHER && slots[Number(selected)] && (
          <p className="muted">
            {t('appointment.repTime', {
              rep: slots[Number(selected)]!.rep_name,
              time: formatInZone(locale, slots[Number(selected)]!.starts_at, reps.find((r) => r.id === slots[Number(selected)]!.rep_id)?.time_zone ?? timeZone),
            })}
          </p>
        )}
      </div>
    </FormDialog>
  );
}
