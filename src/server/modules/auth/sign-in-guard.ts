import type { AppDeps } from '../../http/context.ts';
import { AppError } from '../../http/app-error.ts';
import { KdfGate } from '../../security/kdf-gate.ts';

/** A refusal that tells the client when to try again (Retry-After). */
export class RetryLater extends AppError {
  constructor(
    readonly seconds: number,
    code = 'rate_limited',
  ) {
    super(429, code, [], { seconds });
  }
}

/**
 * The in-process part of sign-in protection: attempts per address per minute, and the gate in front of password
 * hashing. One per app (keyed by its dependencies); with several processes each counts its own attempts, while
 * locks, backoff and known addresses live in the database (login_throttle) and hold across processes.
 */
export class SignInGuard {
  readonly kdf: KdfGate;
  private window = 0;
  private attempts = new Map<string, number>();

  constructor(private readonly deps: AppDeps) {
    this.kdf = new KdfGate(deps.config.security.kdfConcurrency, 8 * deps.config.security.kdfConcurrency);
  }

  /** Counts an attempt of `address`; refuses it past the per-minute limit. */
  countAttempt(address: string, nowMs: number) {
    const limit = this.deps.config.security.login.addressPerMinute;
    if (!limit) return;
    const minute = Math.floor(nowMs / 60_000);
    if (minute !== this.window) {
      this.window = minute;
      this.attempts = new Map();
    }
    const n = (this.attempts.get(address) ?? 0) + 1;
    this.attempts.set(address, n);
    if (n > limit) throw new RetryLater(Math.max(1, Math.ceil(((minute + 1) * 60_000 - nowMs) / 1000)));
  }
}

const guards = new WeakMap<AppDeps, SignInGuard>();

export function signInGuardOf(deps: AppDeps): SignInGuard {
  let guard = guards.get(deps);
  if (!guard) guards.set(deps, (guard = new SignInGuard(deps)));
  return guard;
}
