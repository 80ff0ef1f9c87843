import { auditStandalone } from '../server/kernel/audit/audit-writer.ts';
import { commandWithAppDeps, processIo, type CliIo } from '../server/cli-support.ts';
import { systemContext } from '../server/http/system-actor.ts';
import { reencryptPersonalFields } from '../server/modules/people/field-rotation.service.ts';
import { addFieldKey } from '../server/security/field-keys.ts';

const USAGE = `用法 / usage:
  duikou keys rotate   新增字段加密密钥并用它重新加密全部个人信息字段 / add a field key and re-encrypt every personal field under it
`;

/**
 * `duikou keys rotate`: with the data directory's field-keys.json, adds a new key first (the old ones stay, to
 * decrypt); with FIELD_ENCRYPTION_KEYS the operator has put the new key first there. Then every cadre's ID and
 * mobile numbers under an older key are re-encrypted under the current one, audited. Servers running on another
 * machine or process must be restarted to read the new key.
 */
export async function keysCommand(
  command: string | undefined,
  args: string[],
  io: CliIo = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  if (command !== 'rotate' || args.length) {
    (args.includes('--help') || args.includes('-h') ? io.out : io.err)(USAGE);
    return args.includes('--help') || args.includes('-h') ? 0 : 2;
  }
  return commandWithAppDeps(env, io, async (deps) => {
    const ctx = systemContext(deps, 'cli');
    const added = addFieldKey(deps.config.dataDir, env);
    const { keyId, reencrypted } = await reencryptPersonalFields(ctx);
    await auditStandalone(ctx, {
      action: 'secondment.rotate_key',
      result: 'success',
      objectType: 'secondment',
      details: { keyId, added: added !== null, reencrypted },
    });
    io.out(
      `${added ? `已新增密钥 ${added}` : `当前密钥为 ${keyId}（由 FIELD_ENCRYPTION_KEYS 提供）`}，已重新加密 ${reencrypted} 名干部的个人信息字段；请重启服务器以读取新密钥。\n` +
        `${added ? `new key ${added} added` : `current key ${keyId} (from FIELD_ENCRYPTION_KEYS)`}; personal fields of ${reencrypted} cadres re-encrypted; restart the servers so they read the new key.\n`,
    );
    return 0;
  });
}
