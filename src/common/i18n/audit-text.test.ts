import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_OBJECT_TYPES, auditActionKnown, auditActionText, auditObjectText } from './audit-text.ts';

const SERVER = path.resolve(import.meta.dirname, '../../server');

function serverSources(dir = SERVER): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'));
}

/** Every literal action code (`action: 'x.y'`, either branch of a conditional) and object type the server writes. */
function writtenCodes() {
  const actions = new Set<string>();
  const types = new Set<string>();
  for (const source of serverSources()) {
    for (const m of source.matchAll(/action:\s*([^,\n]+)/g))
      for (const lit of m[1]!.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) actions.add(lit[1]!);
    for (const m of source.matchAll(/objectType:\s*'([a-z_]+)'/g)) types.add(m[1]!);
    for (const m of source.matchAll(/auditExport\(ctx, '([a-z_]+)'/g)) actions.add(`${m[1]}.export`);
  }
  return { actions, types };
}

describe('audit trail in words', () => {
  it('reads every action code and object type the server writes, in both languages', () => {
    const { actions, types } = writtenCodes();
    expect(actions.size).toBeGreaterThan(50);
    expect([...actions].filter((a) => !auditActionKnown(a))).toEqual([]);
    expect([...types].filter((t) => !AUDIT_OBJECT_TYPES.includes(t as never))).toEqual([]);
    // Codes built at run time: an attachment's owner with its verb, a listing's state change.
    for (const owner of ['project', 'report', 'tracked_item', 'replication_stage', 'evaluation_subject'])
      for (const verb of ['upload', 'download', 'delete'])
        expect(auditActionKnown(`${owner}.attachment.${verb}`)).toBe(true);
    for (const verb of ['publish', 'withdraw', 'deal_signed', 'deal_failed'])
      expect(auditActionKnown(`listing.${verb}`)).toBe(true);
  });

  it('says an action as object and verb, and keeps a code it cannot read as it is', () => {
    expect(auditActionText('zh-CN', 'park.ledger.correct')).toBe('园区 · 更正分成台账');
    expect(auditActionText('en', 'user.password_reset')).toBe('User · reset password');
    expect(auditActionText('zh-CN', 'nothing.known')).toBe('nothing.known');
    expect(auditObjectText('zh-CN', 'reporting_cycle')).toBe('报送周期');
    expect(auditObjectText('en', 'mystery')).toBe('mystery');
  });
});
