import { useLocale } from '../i18n/LocaleContext';
import { browserTimeZone, formatInZone, fromZonedInput, minutesAfter, toZonedInput } from '../lib/zonedTime';
import { TextField } from './TextField';

interface ZonedTimePickerProps {
  /** The called person's time zone: the time is agreed, typed and shown in it. */
  timeZone: string;
  /** The datetime-local value ("YYYY-MM-DDTHH:MM") as wall-clock time of `timeZone`. */
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  /** The field's label; it should name the zone. Default: the callback's "Date and time (their time, …)". */
  label?: string;
}

/** The datetime-local value `minutes` from now on the wall clock of `timeZone`: a picker's starting value. */
export function zonedInputIn(minutes: number, timeZone: string): string {
  return toZonedInput(minutesAfter(new Date(), minutes), timeZone);
}

/**
 * A time agreed with the called person: typed in their local time, with quick choices, and shown back in their
 * zone and the user's own, so that neither side is an hour off.
 */
export function ZonedTimePicker({ timeZone, value, onChange, error, label }: ZonedTimePickerProps) {
  const { t, locale } = useLocale();
  const ownZone = browserTimeZone();
  const moment = fromZonedInput(value, timeZone);

  function quick(minutes: number | 'tomorrow'): void {
    if (minutes === 'tomorrow') {
      const tomorrow = toZonedInput(new Date(Date.now() + 24 * 3600_000), timeZone).slice(0, 10);
      onChange(`${tomorrow}T10:00`);
    } else {
      onChange(zonedInputIn(minutes, timeZone));
    }
  }

  return (
    <>
      <TextField type="datetime-local" label={label ?? t('callback.at', { zone: timeZone })} value={value} onChange={onChange} error={error} required />
      <div className="row-actions" role="group" aria-label={t('callback.quick')}>
        <button type="button" className="button button--small" onClick={() => quick(60)}>
          {t('callback.inHours', { n: 1 })}
        </button>
        <button type="button" className="button button--small" onClick={() => quick(120)}>
          {t('callback.inHours', { n: 2 })}
        </button>
        <button type="button" className="button button--small" onClick={() => quick('tomorrow')}>
          {t('callback.tomorrow')}
        </button>
      </div>
      <p className="callback-picker__preview" aria-live="polite">
        {moment ? (
          <>
            {t('callback.theirs', { at: formatInZone(locale, moment, timeZone), zone: timeZone })}
            <br />
            {t('callback.yours', { at: formatInZone(locale, moment, ownZone), zone: ownZone })}
          </>
        ) : (
          t('callback.atRequired')
        )}
      </p>
    </>
  );
}
