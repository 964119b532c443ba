import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { withId } from '../../api/loaders';
import { WEEKDAYS, type Rep, type Weekday } from '../../api/types';
import { FormDialog } from '../../components/FormDialog';
import { TextField } from '../../components/TextField';
import { WeekWindowsEditor, type WeekDraft } from '../../components/WeekWindowsEditor';
import { useT } from '../../i18n/LocaleContext';
import { useSave } from '../../lib/useSave';

const FIELDS = [
  'name', 'email', 'phone', 'territories', 'street', 'postal_code', 'city', 'country', 'state', 'time_zone', 'working_hours',
  'appointment_minutes', 'calendar_url',
] as const;

interface RepDialogProps {
  clientId: number;
  /** The rep to edit; a new rep when absent. */
  rep?: Rep;
  onSaved: (rep: Rep) => void;
  onClose: () => void;
}

function defaultHours(): WeekDraft {
  const week = {} as WeekDraft;
  for (const day of WEEKDAYS) week[day] = day === 'saturday' || day === 'sunday' ? [] : [{ start: '08:00', end: '17:00' }];
  return week;
}

/**
 * Creates or edits a field sales rep of a client: the postal-code prefixes of their territory, and what slot
 * suggestions plan with — the home base the day starts from, working hours in the rep's zone, the usual length.
 */
export function RepDialog({ clientId, rep, onSaved, onClose }: RepDialogProps) {
  const t = useT();
  const save = useSave(FIELDS);
  const [name, setName] = useState(rep?.name ?? '');
  const [email, setEmail] = useState(rep?.email ?? '');
  const [phone, setPhone] = useState(rep?.phone ?? '');
  const [territories, setTerritories] = useState(rep?.territories.replaceAll(',', ', ') ?? '');
  const [street, setStreet] = useState(rep?.street ?? '');
  const [postalCode, setPostalCode] = useState(rep?.postal_code ?? '');
  const [city, setCity] = useState(rep?.city ?? '');
  const [country, setCountry] = useState(rep?.country ?? 'DE');
  const [state, setState] = useState(rep?.state ?? '');
  const [timeZone, setTimeZone] = useState(rep?.time_zone ?? 'Europe/Berlin');
  const [minutes, setMinutes] = useState(String(rep?.appointment_minutes ?? 60));
  const [hours, setHours] = useState<WeekDraft>(() => (rep ? { ...rep.working_hours } : defaultHours()));
  const [calendarUrl, setCalendarUrl] = useState(rep?.calendar_url ?? '');

  function submit(): void {
    if (name.trim() === '') {
      save.showLocal({ name: t('validation.required') });
      return;
    }
    const length = Number(minutes);
    if (!Number.isInteger(length)) {
      save.showLocal({ appointment_minutes: t('validation.wholeNumber') });
      return;
    }
    void save.run(async () => {
      const body = {
        name: name.trim(),
        email: email.trim(),
        phone: phone.trim(),
        territories,
        street: street.trim(),
        postal_code: postalCode.trim(),
        city: city.trim(),
        country: country.trim(),
        state: state.trim(),
        time_zone: timeZone.trim(),
        working_hours: hours,
        appointment_minutes: length,
        calendar_url: calendarUrl.trim(),
      };
      const saved = rep
        ? await unwrap(api.PATCH('/api/reps/{id}', { ...withId(rep.id), body }))
        : await unwrap(api.POST('/api/clients/{id}/reps', { ...withId(clientId), body }));
      onSaved(saved);
    });
  }

  return (
    <FormDialog
      title={rep ? t('reps.editTitle', { name: rep.name }) : t('reps.createTitle')}
      submitLabel={rep ? t('common.save') : t('common.create')}
      busy={save.busy}
      general={save.general}
      onSubmit={submit}
      onClose={onClose}
    >
      <TextField label={t('reps.name')} value={name} onChange={setName} error={save.errorAt('name')} required />
      <div className="grid grid--2">
        <TextField label={t('reps.email')} type="email" value={email} onChange={setEmail} error={save.errorAt('email')} optionalText={t('common.optional')} />
        <TextField label={t('reps.phone')} type="tel" value={phone} onChange={setPhone} error={save.errorAt('phone')} optionalText={t('common.optional')} />
      </div>
      <TextField
        label={t('reps.territories')}
        value={territories}
        onChange={setTerritories}
        error={save.errorAt('territories')}
        hint={t('reps.territoriesHint')}
        inputMode="numeric"
      />
      <fieldset className="fieldset">
        <legend>{t('reps.base')}</legend>
        <p className="muted small">{t('reps.baseHint')}</p>
        <TextField label={t('reps.street')} value={street} onChange={setStreet} error={save.errorAt('street')} optionalText={t('common.optional')} />
        <div className="grid grid--3">
          <TextField label={t('reps.postalCode')} value={postalCode} onChange={setPostalCode} error={save.errorAt('postal_code')} inputMode="numeric" />
          <TextField label={t('reps.city')} value={city} onChange={setCity} error={save.errorAt('city')} />
          <TextField label={t('reps.country')} value={country} onChange={setCountry} error={save.errorAt('country')} maxLength={2} />
        </div>
        <div className="grid grid--3">
          <TextField label={t('reps.state')} value={state} onChange={setState} error={save.errorAt('state')} hint={t('reps.stateHint')} optionalText={t('common.optional')} />
          <TextField label={t('reps.timeZone')} value={timeZone} onChange={setTimeZone} error={save.errorAt('time_zone')} />
          <TextField label={t('reps.minutes')} type="number" min={15} max={480} value={minutes} onChange={setMinutes} error={save.errorAt('appointment_minutes')} />
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('reps.hours')}</legend>
        <WeekWindowsEditor
          caption={t('reps.hours')}
          windows={hours}
          onChange={setHours}
          errorAt={(day: Weekday) => save.errorAt(`working_hours.${day}`)}
          emptyText={t('reps.dayOff')}
          newWindow={() => ({ start: '08:00', end: '17:00' })}
        />
        {save.fieldErrors['working_hours'] && (
          <p className="field__error" role="alert">
            {save.fieldErrors['working_hours']}
          </p>
        )}
      </fieldset>
      <TextField
        label={t('reps.calendarUrl')}
        type="url"
        value={calendarUrl}
        onChange={setCalendarUrl}
        error={save.errorAt('calendar_url')}
        hint={t('reps.calendarUrlHint')}
        optionalText={t('common.optional')}
      />
    </FormDialog>
  );
}
