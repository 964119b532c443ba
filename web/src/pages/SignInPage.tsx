import { useState } from 'react';
import { ApiError } from '../api/errors';
import { Form } from '../components/Form';
import { PublicCard } from '../components/PublicCard';
import { Notice } from '../components/Notice';
import { TextField } from '../components/TextField';
import { useT } from '../i18n/LocaleContext';
import type { Translate } from '../i18n/translate';
import { useFormErrors } from '../lib/useFormErrors';
import { useSession } from '../session/SessionContext';

const FIELDS = ['email', 'password'] as const;

/** The message for a failed sign-in, or null when the error belongs next to a field. */
function signInErrorText(t: Translate, error: unknown): string | null {
  if (error instanceof ApiError && error.status === 401) return t('signin.wrongCredentials');
  if (error instanceof ApiError && error.status === 429) {
    const seconds = error.retryAfter;
    if (seconds === null) return t('signin.locked');
    if (seconds >= 120) return t('signin.lockedMinutes', { minutes: Math.ceil(seconds / 60) });
    return t('signin.lockedSeconds', { seconds });
  }
  return null;
}

/** Email and password sign-in. */
export function SignInPage({ expired }: { expired: boolean }) {
  const t = useT();
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errors = useFormErrors(FIELDS);

  async function submit(): Promise<void> {
    setBusy(true);
    setError(null);
    errors.clear();
    try {
      await signIn(email.trim(), password);
    } catch (caught) {
      const message = signInErrorText(t, caught);
      if (message === null) errors.showError(caught);
      else setError(message);
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <PublicCard title={t('signin.title')}>
      <p className="muted">{t('signin.subtitle')}</p>
      {expired && !error && <Notice kind="info">{t('signin.sessionEnded')}</Notice>}
      <Form label={t('signin.title')} onSubmit={() => void submit()} general={error ?? errors.general}>
        <TextField
          label={t('signin.email')}
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          error={errors.fieldErrors.email}
          required
          autoFocus
        />
        <TextField
          label={t('signin.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={errors.fieldErrors.password}
          required
        />
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {busy ? t('signin.submitting') : t('signin.submit')}
        </button>
      </Form>
    </PublicCard>
  );
}
