import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Absolute path of a file shipped with the app (migrations, resources, the built web app). */
export function repoPath(...parts: string[]): string {
  return path.join(root, ...parts);
}
