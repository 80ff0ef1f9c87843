import { z } from 'zod';
import { ATTACHMENT_KINDS } from './enums.ts';

/** A file kept with a record (a report, a project), as its page lists it. */
export const attachment = z.object({
  id: z.uuid(),
  fileName: z.string(),
  kind: z.enum(ATTACHMENT_KINDS),
  size: z.number().int(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
});
export type Attachment = z.infer<typeof attachment>;
