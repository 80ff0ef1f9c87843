import type { TaskList } from '../../../common/api/tasks.ts';
import { useApi } from '../../app/use-api.ts';
import { tasksApi } from './tasks.api.ts';

/** The plan tasks of a pairing (all its plans), for linking a project or a training to the tasks it serves. */
export function usePairingTasks(pairingId: string | undefined, enabled = true) {
  return useApi(
    (signal) =>
      pairingId && enabled
        ? tasksApi.list({ pairingId, pageSize: 500 }, signal).then((r) => r.items)
        : Promise.resolve([] as TaskList['items']),
    [pairingId, enabled],
  );
}
