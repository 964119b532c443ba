import { WEEKDAYS, type TimeWindow, type Weekday } from '../api/types';
import { useT } from '../i18n/LocaleContext';

export type WeekDraft = Record<Weekday, TimeWindow[]>;

interface WeekWindowsEditorProps {
  caption: string;
  windows: WeekDraft;
  onChange: (windows: WeekDraft) => void;
  /** The error the server gave for one day, if any. */
  errorAt: (day: Weekday) => string | undefined;
  /** What a day without windows means ("no calls", "day off"). */
  emptyText: string;
  /** The window a new one starts as. */
  newWindow: (day: Weekday) => TimeWindow;
  /** A third column beside each day (the legal limit), and whether windows may be added on that day at all. */
  limit?: { header: string; text: (day: Weekday) => string; allows: (day: Weekday) => boolean };
}

/** Time windows per weekday (calling windows, working hours): typed as times, up to four a day. */
export function WeekWindowsEditor({ caption, windows, onChange, errorAt, emptyText, newWindow, limit }: WeekWindowsEditorProps) {
  const t = useT();
  const setDay = (day: Weekday, list: TimeWindow[]) => onChange({ ...windows, [day]: list });
  const setWindow = (day: Weekday, index: number, key: 'start' | 'end', value: string) =>
    setDay(day, windows[day].map((w, i) => (i === index ? { ...w, [key]: value } : w)));

  return (
    <table className="table rules-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('rules.weekday')}</th>
          <th scope="col">{t('rules.windowsOfDay')}</th>
          {limit && <th scope="col">{limit.header}</th>}
        </tr>
      </thead>
      <tbody>
        {WEEKDAYS.map((day) => {
          const error = errorAt(day);
          const dayName = t(`weekday.${day}`);
          return (
            <tr key={day} className={error ? 'row--invalid' : undefined}>
              <th scope="row">{dayName}</th>
              <td>
                <div className="windows">
                  {windows[day].map((w, i) => (
                    <span key={i} className="window">
                      <input
                        type="time"
                        className="input input--compact"
                        aria-label={t('rules.from', { day: dayName, n: i + 1 })}
                        value={w.start}
                        onChange={(e) => setWindow(day, i, 'start', e.target.value)}
                        aria-invalid={Boolean(error)}
                      />
                      <span aria-hidden="true">–</span>
                      <input
                        type="time"
                        className="input input--compact"
                        aria-label={t('rules.until', { day: dayName, n: i + 1 })}
                        value={w.end}
                        onChange={(e) => setWindow(day, i, 'end', e.target.value)}
                        aria-invalid={Boolean(error)}
                      />
                      <button
                        type="button"
                        className="button button--small button--ghost"
                        onClick={() => setDay(day, windows[day].filter((_, index) => index !== i))}
                        aria-label={t('rules.removeWindow', { day: dayName, n: i + 1 })}
                      >
                        ×
                      </button>
                    </span>
                  ))}
                  {windows[day].length === 0 && <span className="muted">{emptyText}</span>}
                  {windows[day].length < 4 && (limit === undefined || limit.allows(day)) && (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => setDay(day, [...windows[day], newWindow(day)])}
                      aria-label={t('rules.addWindowFor', { day: dayName })}
                    >
                      + {t('rules.addWindow')}
                    </button>
                  )}
                </div>
                {error && (
                  <p className="field__error" role="alert">
                    {error}
                  </p>
                )}
              </td>
              {limit && <td className="muted">{limit.text(day)}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
