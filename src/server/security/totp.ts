import { generate, generateSecret, generateURI, verify } from 'otplib';

/**
 * TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30 s), the second factor every authenticator app speaks. One step either side
 * of now is accepted for clock drift, and a step once used is never accepted again for the same user (RFC 6238
 * §5.2), the caller keeping the last step used.
 */
export const TOTP_PERIOD_S = 30;

/** The time codes are checked against; tests move it on instead of waiting for the next 30 s step. */
export const totpClock = { nowMs: () => Date.now() };

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: 'Duikou 对口', label: account, secret });
}

/** The step the code belongs to when it is valid now and newer than `afterStep`, else null. */
export async function checkTotp(secret: string, code: string, afterStep: number | null): Promise<number | null> {
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(totpClock.nowMs() / 1000),
    epochTolerance: TOTP_PERIOD_S,
    ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** The code an authenticator shows at `ms` (tests and the browser journey act as the user's phone). */
export function totpCodeAt(secret: string, ms: number): Promise<string> {
  return generate({ secret, epoch: Math.floor(ms / 1000) });
}
