import type { Me } from '../../common/api/auth.ts';
import { authApi } from '../modules/auth/auth.api.ts';

/**
 * Who is signed in, asked as soon as the first script runs (src/web/early.ts), before the app's code has arrived:
 * the session provider takes this answer instead of asking after its first render.
 */
let probe: Promise<Me> | null = typeof window === 'undefined' ? null : authApi.me();
probe?.catch(() => undefined);

/** The first answer, once (a later probe asks again). */
export function takeFirstProbe(): Promise<Me> | null {
  const taken = probe;
  probe = null;
  return taken;
}
