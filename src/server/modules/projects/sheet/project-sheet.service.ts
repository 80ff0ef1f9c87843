import type { AuthedContext } from '../../../http/context.ts';
import { AppError, fieldError, invalid, notFound } from '../../../http/app-error.ts';
import type { Upload, UploadRules } from '../../../http/upload.ts';
import { uuid } from '../../../../common/api/common.ts';
import type { ImportJob } from '../../../../common/api/projects.ts';
import { inPairingScope } from '../../../kernel/pairing-scope.repository.ts';
import { getJob, startJob } from '../../../kernel/jobs/job-store.ts';
import { DEFAULT_SHEET_LIMITS, guardSpreadsheet } from '../../../kernel/sheet/sheet-file-guard.ts';
import { SheetFileError } from '../../../kernel/sheet/sheet-file-error.ts';
import { pairingName } from '../projects.repository.ts';
import { buildProjectTemplate } from './project-sheet-template.ts';
import { runProjectImport } from './project-import.service.ts';

/** A refused sheet answers at once, before a job starts: 400 with the reason in both languages. */
function sheetRefusal(err: SheetFileError) {
  return new AppError(400, 'project_sheet_refused', [
    {
      field: 'file',
      code: `sheet_${err.code}`,
      zh: err.messageZh,
      en: err.messageEn,
      message: `${err.messageZh} / ${err.messageEn}`,
    },
  ]);
}

/** The project sheet and the pairing it is for, as a multipart request carries them. */
export const PROJECT_SHEET_UPLOAD: UploadRules = {
  requiredCode: 'project_upload_required',
  defaultName: 'projects.xlsx',
  maxBytes: DEFAULT_SHEET_LIMITS.maxBytes,
  tooLarge: (limit: string) => sheetRefusal(new SheetFileError('too_large', { limit })),
  fields: ['pairingId'],
};

/** The import template, headed with the pairing's name when the actor names one of theirs. */
export async function projectSheetTemplate(ctx: AuthedContext, pairingId: string | undefined): Promise<Buffer> {
  const name = pairingId && inPairingScope(ctx.actor, pairingId) ? await pairingName(ctx.db, pairingId) : null;
  return buildProjectTemplate({ pairingName: name ?? undefined });
}

/**
 * Checks the upload's pairing and the file itself, then imports it as a background job; answers the job's first
 * state at once.
 */
export async function startProjectImport(ctx: AuthedContext, upload: Upload): Promise<ImportJob> {
  const parsed = uuid.safeParse(upload.fields.pairingId);
  if (!parsed.success || !inPairingScope(ctx.actor, parsed.data))
    throw invalid(fieldError('pairingId', parsed.success ? 'unknown_pairing' : 'pairing_required'));
  try {
    guardSpreadsheet(upload.buffer);
  } catch (err) {
    if (err instanceof SheetFileError) throw sheetRefusal(err);
    throw err;
  }
  return startJob(ctx.db, 'project_import', ctx.actor.userId, (progress, finish) =>
    runProjectImport(ctx, parsed.data, upload, progress, { finish }),
  );
}

/** An import the actor started, as it stands (once it has finished, with `wait`); 404 for anyone else's. */
export async function projectImportJob(ctx: AuthedContext, id: string, wait: boolean): Promise<ImportJob> {
  const job = await getJob(ctx.db, ctx.actor.userId, id, wait);
  if (!job) throw notFound();
  return job;
}
