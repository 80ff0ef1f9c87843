import { isApiError } from '../../app/api-client.ts';

/** Whether the server refused a change because the record moved on since it was read (another user saved it). */
export const isVersionConflict = (err: unknown) => isApiError(err) && err.status === 409 && err.code === 'conflict';
