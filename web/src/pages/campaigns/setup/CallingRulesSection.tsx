import { useState } from 'react';
import { loadLegalRules } from '../../../api/loaders';
import { RETRY_OUTCOMES, WEEKDAYS, type CallingRules, type RetryOutcome, type TimeWindow, type Weekday } from '../../../api/types';
import { Notice } from '../../../components/Notice';
import { SectionCard } from '../../../components/SectionCard';
import { TextField } from '../../../components/TextField';
import { WeekWindowsEditor } from '../../../components/WeekWindowsEditor';
import { useT } from '../../../i18n/LocaleContext';
import type { Translate } from '../../../i18n/translate';
import { useResource } from '../../../lib/useResource';
import { useSave } from '../../../lib/useSave';
import { patchCampaign, wholeNumber, type SectionProps } from './patchCampaign';

const CAPS = ['max_attempts_per_day', 'max_attempts_per_week', 'max_attempts_per_campaign'] as const;
type Cap = (typeof CAPS)[number];
const ROOT = 'calling_rules';

interface Draft {
  windows: Record<Weekday, TimeWindow[]>;
  caps: Record<Cap, string>;
  gap: string;
  delays: Record<RetryOutcome, string>;
}

function draftOf(rules: CallingRules): Draft {
  const windows = {} as Record<Weekday, TimeWindow[]>;
  for (const day of WEEKDAYS) windows[day] = rules.windows[day].map((w) => ({ ...w }));
  const caps = {} as Record<Cap, string>;
  for (const cap of CAPS) caps[cap] = String(rules[cap]);
  const delays = {} as Record<RetryOutcome, string>;
  for (const outcome of RETRY_OUTCOMES) delays[outcome] = String(rules.retry_delay_minutes[outcome]);
  return { windows, caps, gap: String(rules.min_gap_minutes), delays };
}

function windowsText(t: Translate, windows: readonly TimeWindow[]): string {
  return windows.length === 0 ? t('rules.noCalls') : windows.map((w) => `${w.start}–${w.end}`).join(', ');
}

/** "3 h", "1 d", "90 min" for a number of minutes. */
function durationText(t: Translate, minutes: number): string {
  if (minutes % 1440 === 0) return t('rules.days', { n: minutes / 1440 });
  if (minutes % 60 === 0) return t('rules.hours', { n: minutes / 60 });
  return t('rules.minutes', { n: minutes });
}

/**
 * When the campaign may call, in the called person's local time: windows per weekday, caps, the minimum gap and
 * the retry delays per outcome. The legal limit stands beside each field; the server refuses anything looser and
 * its message appears at the field it names.
 */
export function CallingRulesSection({ campaign, onSaved }: SectionProps) {
  const t = useT();
  const legal = useResource(loadLegalRules);
  const save = useSave([ROOT]);
  const [draft, setDraft] = useState(() => draftOf(campaign.calling_rules));
  const law = legal.status === 'ready' ? legal.data : null;
  const windowsError = save.fieldErrors[`${ROOT}.windows`] ?? save.fieldErrors[ROOT];

  function submit(): void {
    const errors: Record<string, string> = {};
    const number = (text: string, path: string): number => {
      const value = wholeNumber(text);
      if (value === undefined) errors[path] = t('validation.wholeNumber');
      return value ?? 0;
    };
    const caps = {} as Record<Cap, number>;
    for (const cap of CAPS) caps[cap] = number(draft.caps[cap], `${ROOT}.${cap}`);
    const gap = number(draft.gap, `${ROOT}.min_gap_minutes`);
    const delays = {} as Record<RetryOutcome, number>;
    for (const outcome of RETRY_OUTCOMES) delays[outcome] = number(draft.delays[outcome], `${ROOT}.retry_delay_minutes.${outcome}`);
    if (Object.keys(errors).length > 0) return save.showLocal(errors);
    void save.run(async () => {
      const saved = await patchCampaign(campaign.id, {
        calling_rules: { windows: draft.windows, ...caps, min_gap_minutes: gap, retry_delay_minutes: delays },
      });
      setDraft(draftOf(saved.calling_rules));
      onSaved(saved);
    });
  }

  return (
    <SectionCard
      title={t('setup.callingRules')}
      intro={t('rules.intro')}
      onSubmit={submit}
      busy={save.busy}
      general={save.general}
      fieldErrors={save.fieldErrors}
      savedText={save.saved ? t('common.savedText') : null}
    >
      {legal.status === 'error' && <Notice kind="error">{t('rules.legalUnavailable')}</Notice>}
      <fieldset className="fieldset">
        <legend>{t('rules.windows')}</legend>
        <WeekWindowsEditor
          caption={t('rules.windows')}
          windows={draft.windows}
          onChange={(windows) => setDraft((d) => ({ ...d, windows }))}
          errorAt={(day) => save.errorAt(`${ROOT}.windows.${day}`)}
          emptyText={t('rules.noCalls')}
          newWindow={(day) => ({ ...(law?.windows[day][0] ?? { start: '09:00', end: '17:00' }) })}
          limit={{
            header: t('rules.legalLimit'),
            text: (day) => (law ? windowsText(t, law.windows[day]) : ''),
            allows: (day) => law === null || law.windows[day].length > 0,
          }}
        />
        {windowsError && (
          <p className="field__error" role="alert">
            {windowsError}
          </p>
        )}
        <p className="muted small">{t('rules.holidays')}</p>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('rules.attempts')}</legend>
        <div className="grid grid--4">
          {CAPS.map((cap) => (
            <TextField
              key={cap}
              label={t(`rules.${cap}`)}
              type="number"
              min={1}
              value={draft.caps[cap]}
              onChange={(value) => setDraft((d) => ({ ...d, caps: { ...d.caps, [cap]: value } }))}
              error={save.errorAt(`${ROOT}.${cap}`)}
              hint={law ? t('rules.atMost', { n: law[cap] }) : undefined}
            />
          ))}
          <TextField
            label={t('rules.min_gap_minutes')}
            type="number"
            min={1}
            value={draft.gap}
            onChange={(value) => setDraft((d) => ({ ...d, gap: value }))}
            error={save.errorAt(`${ROOT}.min_gap_minutes`)}
            hint={law ? t('rules.atLeast', { n: law.min_gap_minutes }) : undefined}
          />
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('rules.retryDelays')}</legend>
        <div className="grid grid--3">
          {RETRY_OUTCOMES.map((outcome) => (
            <TextField
              key={outcome}
              label={t(`outcome.${outcome}`)}
              type="number"
              min={1}
              value={draft.delays[outcome]}
              onChange={(value) => setDraft((d) => ({ ...d, delays: { ...d.delays, [outcome]: value } }))}
              error={save.errorAt(`${ROOT}.retry_delay_minutes.${outcome}`)}
              hint={law ? t('rules.delayHint', { legal: durationText(t, law.retry_delay_minutes[outcome]) }) : undefined}
            />
          ))}
        </div>
      </fieldset>
      {law && (
        <div className="toolbar">
          <button type="button" className="button" onClick={() => setDraft(draftOf(law))}>
            {t('rules.resetToLegal')}
          </button>
        </div>
      )}
    </SectionCard>
  );
}
