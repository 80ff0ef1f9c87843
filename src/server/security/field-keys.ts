import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The keys of personal-data fields (ID and mobile numbers), kept outside the database like the audit key:
 * `FIELD_ENCRYPTION_KEYS` (`id:base64,id:base64`, the first encrypts, all decrypt) and `FIELD_INDEX_KEY`
 * (base64) when a deployment manages them, otherwise `field-keys.json` (0600) created in the data directory on
 * first use. Each ciphertext names its key id, so a new key can be put first and old ciphertexts still open;
 * the index key makes the blind index and is not rotated (changing it means recomputing every index).
 */
export interface FieldKeyring {
  currentId: string;
  keys: ReadonlyMap<string, Buffer>;
  indexKey: Buffer;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;

function parseKey(id: string, b64: string): [string, Buffer] {
  const key = Buffer.from(b64, 'base64');
  if (!KEY_ID.test(id) || key.length < 16)
    throw new Error(`field key "${id}" is malformed (id, then ≥ 16 bytes base64)`);
  return [id, key];
}

export function loadFieldKeys(dataDir: string, env: NodeJS.ProcessEnv = process.env): FieldKeyring {
  if (env.FIELD_ENCRYPTION_KEYS) {
    if (!env.FIELD_INDEX_KEY) throw new Error('FIELD_INDEX_KEY must be set with FIELD_ENCRYPTION_KEYS');
    const pairs = env.FIELD_ENCRYPTION_KEYS.split(',').map((p) => {
      const [id, b64] = p.trim().split(':');
      return parseKey(id ?? '', b64 ?? '');
    });
    return { currentId: pairs[0]![0], keys: new Map(pairs), indexKey: Buffer.from(env.FIELD_INDEX_KEY, 'base64') };
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'field-keys.json');
  if (!fs.existsSync(file)) {
    const fresh = {
      current: 'k1',
      keys: { k1: crypto.randomBytes(32).toString('base64') },
      index: crypto.randomBytes(32).toString('base64'),
    };
    try {
      fs.writeFileSync(file, JSON.stringify(fresh), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      // Another process of the same data directory made it first.
      if ((err as { code?: string }).code !== 'EEXIST') throw err;
    }
  }
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    current: string;
    keys: Record<string, string>;
    index: string;
  };
  const keys = new Map(Object.entries(stored.keys).map(([id, b64]) => parseKey(id, b64)));
  if (!keys.has(stored.current)) throw new Error(`field-keys.json: current key "${stored.current}" is not listed`);
  return { currentId: stored.current, keys, indexKey: Buffer.from(stored.index, 'base64') };
}

/**
 * A rotation's new key, when the keyring is the data directory's file: a fresh key is put first (it encrypts from
 * now on) and the old ones stay (they still decrypt until every field is re-encrypted). The file is replaced
 * atomically. A keyring from FIELD_ENCRYPTION_KEYS belongs to the deployment: its operator puts the new key first
 * there, so nothing is added here (null).
 */
export function addFieldKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.FIELD_ENCRYPTION_KEYS) return null;
  const ring = loadFieldKeys(dataDir, env);
  let n = ring.keys.size + 1;
  while (ring.keys.has(`k${n}`)) n++;
  const id = `k${n}`;
  const file = path.join(dataDir, 'field-keys.json');
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { keys: Record<string, string> };
  const next = {
    ...stored,
    current: id,
    keys: { ...stored.keys, [id]: crypto.randomBytes(32).toString('base64') },
  };
  fs.writeFileSync(`${file}.new`, JSON.stringify(next), { mode: 0o600 });
  fs.renameSync(`${file}.new`, file);
  loaded.delete(dataDir);
  return id;
}

const loaded = new Map<string, FieldKeyring>();

/** The keyring of a data directory, read once per process. */
export function fieldKeyring(dataDir: string): FieldKeyring {
  let ring = loaded.get(dataDir);
  if (!ring) {
    ring = loadFieldKeys(dataDir);
    loaded.set(dataDir, ring);
  }
  return ring;
}
