import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken, setUnauthenticatedHandler, unwrap } from '../api/client';
import { ApiError } from '../api/errors';
import type { Session, User } from '../api/types';
import { useLocale } from '../i18n/LocaleContext';
import { accessOf, type Access } from './access';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; expired: boolean }
  | { status: 'failed'; error: ApiError }
  | { status: 'signed-in'; session: Session; access: Access };

interface SessionValue {
  state: SessionState;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  reload: () => void;
  /** Replaces the signed-in user after the user changed their own profile. */
  replaceUser: (user: User) => void;
}

const SessionContext = createContext<SessionValue | null>(null);

function signedIn(session: Session): SessionState {
  setCsrfToken(session.csrf_token);
  return { status: 'signed-in', session, access: accessOf(session) };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const { setLocale } = useLocale();

  const adopt = useCallback(
    (session: Session) => {
      if (session.user.locale === 'de' || session.user.locale === 'en') setLocale(session.user.locale);
      setState(signedIn(session));
    },
    [setLocale],
  );

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    unwrap(api.GET('/api/me'))
      .then(adopt)
      .catch((error: unknown) => {
        setCsrfToken('');
        if (error instanceof ApiError && error.status === 401) setState({ status: 'anonymous', expired: false });
        else setState({ status: 'failed', error: error instanceof ApiError ? error : new ApiError(0, 'network', String(error), '', null) });
      });
  }, [adopt]);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken('');
      setState({ status: 'anonymous', expired: true });
    });
    reload();
  }, [reload]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const session = await unwrap(api.POST('/api/session', { body: { email, password } }));
      adopt(session);
    },
    [adopt],
  );

  const signOut = useCallback(async () => {
    try {
      await unwrap(api.DELETE('/api/session'));
    } catch {
      // the session may already be gone; the user is signed out either way
    }
    setCsrfToken('');
    setState({ status: 'anonymous', expired: false });
  }, []);

  const replaceUser = useCallback((user: User) => {
    setState((current) =>
      current.status === 'signed-in' ? signedIn({ ...current.session, user }) : current,
    );
  }, []);

  const value = useMemo(
    () => ({ state, signIn, signOut, reload, replaceUser }),
    [state, signIn, signOut, reload, replaceUser],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The session of a signed-in user; only for components rendered inside the signed-in shell. */
export function useSignedIn(): { session: Session; access: Access } {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useSignedIn without a session');
  return state;
}
