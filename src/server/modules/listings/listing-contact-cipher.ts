import type { ListingContactInput } from '../../../common/api/listings.ts';
import type { RequestContext } from '../../http/context.ts';
import { decryptField, encryptField } from '../../security/field-cipher.ts';
import { fieldKeyring } from '../../security/field-keys.ts';

export type Contact = { name: string; phone: string | null; email: string | null };

const bindingOf = (id: string) => `listings|${id}|contact`;
const ring = (ctx: RequestContext) => fieldKeyring(ctx.deps.config.dataDir);

export function sealContact(ctx: RequestContext, id: string, c: ListingContactInput): string {
  const plain = JSON.stringify({ name: c.name, phone: c.phone ?? null, email: c.email ?? null });
  return encryptField(ctx.deps.crypto, ring(ctx), bindingOf(id), plain);
}

export function openContact(ctx: RequestContext, id: string, sealed: string): Contact {
  return JSON.parse(decryptField(ctx.deps.crypto, ring(ctx), bindingOf(id), sealed)) as Contact;
}
