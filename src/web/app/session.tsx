import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { hasPermission, type Permission } from '../../common/access/permissions.ts';
import type { Me } from '../../common/api/auth.ts';
import { authApi } from '../modules/auth/auth.api.ts';
import { isApiError, onUnauthorized, setCsrfToken } from './api-client.ts';
import { takeFirstProbe } from './first-session.ts';
import {
  currentProgramme,
  firstProgrammesAnswer,
  forgetFirstProgrammes,
  rememberedProgramme,
} from './first-programmes.ts';
import { useI18n } from './i18n.tsx';
import { useMessage } from './feedback.tsx';

export interface Session {
  /** undefined while the session is being probed, null when signed out. */
  me: Me | null | undefined;
  /** True after the user signed out here: the login page then starts afresh instead of returning to the last page. */
  signedOut: boolean;
  login: (username: string, password: string, second?: { totpCode?: string; recoveryCode?: string }) => Promise<Me>;
  /** Reads the session again (after a pending step such as a new password or TOTP set-up is done). */
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
  can: (permission: Permission) => boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [signedOut, setSignedOut] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const message = useMessage();
  const { pick, setSideNames } = useI18n();

  const adopt = useCallback((next: Me | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setMe(next);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    // Who is signed in was asked before the app's code arrived (first-session.ts); the provider takes that answer.
    const probe = takeFirstProbe() ?? authApi.me(controller.signal);
    // The programme's side names are set in the same render as the session (first-programmes.ts).
    Promise.all([probe, firstProgrammesAnswer()]).then(
      ([value, programmes]) => {
        if (programmes) setSideNames(currentProgramme(programmes, rememberedProgramme())?.sides ?? null);
        adopt(value);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        adopt(null);
        if (isApiError(err) && err.status !== 401) message.error(pick(err));
      },
    );
    return () => controller.abort();
    // The probe runs once per page load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A 401 on any later call means the session ended (idle or absolute timeout, logout elsewhere).
  useEffect(() => {
    onUnauthorized((err) => {
      adopt(null);
      message.warning(pick(err));
      if (!location.pathname.startsWith('/login'))
        navigate('/login', { replace: true, state: { from: location.pathname + location.search } });
    });
    return () => onUnauthorized(null);
  }, [adopt, location, message, navigate, pick]);

  const value = useMemo<Session>(
    () => ({
      me,
      signedOut,
      login: async (username, password, second) => {
        const next = await authApi.login({ username, password, ...second });
        forgetFirstProgrammes();
        setSignedOut(false);
        adopt(next);
        return next;
      },
      refresh: async () => adopt(await authApi.me()),
      logout: async () => {
        try {
          await authApi.logout();
        } finally {
          setSignedOut(true);
          adopt(null);
        }
      },
      can: (permission) => !!me && hasPermission(me.user.roles, permission),
    }),
    [me, signedOut, adopt],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for components rendered under RequireAuth. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}
