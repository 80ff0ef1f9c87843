import { randomUUID } from 'node:crypto';
import type { ImportJob } from '../../../../common/api/projects.ts';

/**
 * Imports run after the upload request answers, so the page can show their progress. Jobs live in this process
 * for an hour; each is visible only to the user who started it. (With several app processes, the page polls the
 * process that took the upload: a deployment behind a balancer needs sticky sessions for this, or a jobs table.)
 */
interface Job {
  owner: string;
  state: ImportJob;
  done: Promise<void>;
  createdAt: number;
}

const jobs = new Map<string, Job>();
const KEEP_MS = 60 * 60 * 1000;

export type Progress = (p: Partial<Pick<ImportJob, 'phase' | 'processed' | 'total'>>) => void;

export function startJob(owner: string, run: (progress: Progress) => Promise<Pick<ImportJob, 'result' | 'errors' | 'error'>>): ImportJob {
  const now = Date.now();
  for (const [id, j] of jobs) if (now - j.createdAt > KEEP_MS) jobs.delete(id);
  const state: ImportJob = { id: randomUUID(), status: 'running', phase: 'reading', processed: 0, total: 0, result: null, errors: [], error: null };
  const progress: Progress = (p) => Object.assign(state, p);
  const done = run(progress).then(
    (r) => {
      Object.assign(state, r, { status: r.result ? 'done' : 'failed', phase: 'done' });
    },
    (err: unknown) => {
      const e = err as { code?: string; messageZh?: string; messageEn?: string; text?: { zh: string; en: string } };
      const zh = e.messageZh ?? e.text?.zh ?? '导入失败，未导入任何项目';
      const en = e.messageEn ?? e.text?.en ?? 'The import failed; nothing was imported';
      Object.assign(state, { status: 'failed', phase: 'done', error: { code: e.code ?? 'internal', zh, en, message: `${zh} / ${en}` } });
    },
  );
  jobs.set(state.id, { owner, state, done, createdAt: now });
  return { ...state };
}

/** The job as its owner sees it; `wait` resolves once it has finished (the tests and the CLI use that). */
export async function getJob(owner: string, id: string, wait: boolean): Promise<ImportJob | null> {
  const job = jobs.get(id);
  if (!job || job.owner !== owner) return null;
  if (wait) await job.done;
  return { ...job.state };
}
