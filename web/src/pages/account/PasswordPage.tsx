import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import { Form } from '../../components/Form';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/LocaleContext';
import type { Translate } from '../../i18n/translate';
import { useFormErrors, type FieldErrors } from '../../lib/useFormErrors';

const FIELDS = ['current_password', 'new_password', 'repeat'] as const;
const MIN_LENGTH = 10;
const MAX_LENGTH = 200;

function validate(t: Translate, current: string, next: string, repeat: string): FieldErrors {
  const errors: Record<string, string> = {};
  if (current === '') errors.current_password = t('validation.required');
  if (next.length < MIN_LENGTH) errors.new_password = t('password.tooShort');
  else if (next.length > MAX_LENGTH) errors.new_password = t('password.tooLong');
  if (repeat !== next) errors.repeat = t('password.mismatch');
  return errors;
}

/** Every user changes their own password here. */
export function PasswordPage() {
  const t = useT();
  const errors = useFormErrors(FIELDS);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  async function submit(): Promise<void> {
    setDone(false);
    const local = validate(t, current, next, repeat);
    if (Object.keys(local).length > 0) {
      errors.showLocal(local);
      return;
    }
    setBusy(true);
    errors.clear();
    try {
      await unwrap(api.POST('/api/me/password', { body: { current_password: current, new_password: next } }));
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(true);
    } catch (caught) {
      if (caught instanceof ApiError && (caught.status === 401 || caught.field === 'current_password')) {
        errors.showLocal({ current_password: t('password.wrongCurrent') });
      } else {
        errors.showError(caught);
      }
    }
    setBusy(false);
  }

  return (
    <>
      <PageHeader title={t('password.title')} />
      <section className="card card--narrow">
        <p className="muted">{t('password.intro')}</p>
        {done && <Notice kind="success">{t('password.changed')}</Notice>}
        <Form label={t('password.title')} onSubmit={() => void submit()} general={errors.general}>
          <TextField
            label={t('password.current')}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={setCurrent}
            error={errors.fieldErrors.current_password}
            required
          />
          <TextField
            label={t('password.new')}
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={setNext}
            error={errors.fieldErrors.new_password}
            hint={t('password.tooShort')}
            minLength={MIN_LENGTH}
            maxLength={MAX_LENGTH}
            required
          />
          <TextField
            label={t('password.repeat')}
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={setRepeat}
            error={errors.fieldErrors.repeat}
            required
          />
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('common.saving') : t('password.submit')}
          </button>
        </Form>
      </section>
    </>
  );
}
