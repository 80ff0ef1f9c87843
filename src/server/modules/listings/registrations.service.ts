import type { RegistrationDecisionInput, RegistrationInput } from '../../../common/api/listings.ts';
import { AppError, fieldError, invalid, notFound } from '../../http/app-error.ts';
import type { AuthedContext, RequestContext } from '../../http/context.ts';
import { auditedChange } from '../../kernel/audit/audit-writer.ts';
import { industries } from '../../kernel/industries.ts';
import { encryptField } from '../../security/field-cipher.ts';
import { fieldKeyring } from '../../security/field-keys.ts';
import { hashPassword } from '../../security/password-hash.ts';
import { passwordErrors } from '../../security/password-rules.ts';
import { addOrganisation } from '../organisations/organisations.service.ts';
import { knownRegionCodes } from '../regions/regions.service.ts';
import { addUser, usernameInUse } from '../users/users.service.ts';
import { validCreditCode } from './credit-code.ts';
import {
  creditCodeTaken,
  decideRegistrationRow,
  findRegistration,
  insertRegistration,
  listRegistrations,
} from './registrations.repository.ts';

/** Registrations per address and hour: enough for an office registering a few units, not for a script. */
const PER_HOUR = 5;
const recent = new Map<string, number[]>();

function countAttempt(ip: string) {
  const now = Date.now();
  const kept = (recent.get(ip) ?? []).filter((t) => now - t < 3_600_000);
  if (kept.length >= PER_HOUR) throw new AppError(429, 'rate_limited', [], { seconds: 3600 });
  kept.push(now);
  recent.set(ip, kept);
  if (recent.size > 10_000) recent.delete(recent.keys().next().value!);
}

/**
 * An enterprise, university or institute registers itself: its organisation, an account for its contact (role
 * enterprise) and the registration, pending until a pairing office of its region decides. Audited.
 */
export async function register(ctx: RequestContext, input: RegistrationInput) {
  countAttempt(ctx.ip);
  const problems = [];
  if (!validCreditCode(input.creditCode)) problems.push(fieldError('creditCode', 'credit_code_check'));
  if (input.industryDivision && !industries().division(input.industryDivision))
    problems.push(fieldError('industryDivision', 'unknown_industry'));
  problems.push(...passwordErrors('password', input.password, ctx.deps.config.passwordPolicy, input.username));
  if (problems.length) throw invalid(...problems);
  const passwordHash = await hashPassword(ctx.deps.crypto, input.password, ctx.deps.config.kdfIterations);
  return auditedChange(ctx, async (work) => {
    const { tx, audit } = work;
    const later = [];
    if (!(await knownRegionCodes(work, [input.regionCode])).has(input.regionCode))
      later.push(fieldError('regionCode', 'unknown_region', { code: input.regionCode }));
    if (await creditCodeTaken(tx, input.creditCode)) later.push(fieldError('creditCode', 'duplicate_credit_code'));
    if (await usernameInUse(tx, input.username)) later.push(fieldError('username', 'duplicate_username'));
    if (later.length) throw invalid(...later);
    const organisationId = await addOrganisation(work, {
      name: input.organisationName,
      kind: input.kind,
      regionCode: input.regionCode,
    });
    const userId = await addUser(tx, {
      username: input.username,
      displayName: input.contactName,
      organisationId,
      roles: ['enterprise'],
      passwordHash,
    });
    const id = await insertRegistration(tx, {
      organisationId,
      creditCode: input.creditCode,
      industryDivision: input.industryDivision ?? null,
      contactName: input.contactName,
      contactPhoneCipher: encryptField(
        ctx.deps.crypto,
        fieldKeyring(ctx.deps.config.dataDir),
        `enterprise_registrations|${organisationId}|phone`,
        input.contactPhone,
      ),
      userId,
    });
    const { password: _password, contactPhone: _phone, ...details } = input;
    audit({ action: 'registration.create', result: 'success', objectType: 'registration', objectId: id, details });
    return id;
  });
}

export async function registrationsToReview(ctx: AuthedContext) {
  return listRegistrations(ctx.db, ctx.actor);
}

/** A pairing office of the registrant's region (either side) approves, or refuses with a reason. */
export async function decideRegistration(ctx: AuthedContext, id: string, input: RegistrationDecisionInput) {
  if (input.decision === 'refuse' && !input.reason) throw invalid(fieldError('reason', 'refusal_reason_required'));
  return auditedChange(ctx, async ({ tx, audit }) => {
    const row = await findRegistration(tx, ctx.actor, id);
    if (!row) throw notFound();
    if (row.state !== 'pending') throw invalid(fieldError('decision', 'interest_state', { state: row.state }));
    const state = input.decision === 'approve' ? 'approved' : 'refused';
    await decideRegistrationRow(tx, id, { state, reason: input.reason ?? null, decidedBy: ctx.actor.userId });
    audit({
      action: `registration.${input.decision}`,
      result: 'success',
      objectType: 'registration',
      objectId: id,
      details: { organisationId: row.organisationId, reason: input.reason ?? null },
    });
  });
}
