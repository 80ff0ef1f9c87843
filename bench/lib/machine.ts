import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import { REPO } from './duikou-server.ts';

const require = createRequire(`${REPO}/package.json`);

export function packageVersion(name: string): string {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    const file = `${REPO}/node_modules/${name}/package.json`;
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version : 'unknown';
  }
}

export interface MachineInfo {
  date: string;
  cpu: string;
  cores: number;
  ramGiB: number;
  os: string;
  node: string;
  packages: Record<string, string>;
}

export function machineInfo(): MachineInfo {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const cpu = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  const osRelease = fs.existsSync('/etc/os-release') ? fs.readFileSync('/etc/os-release', 'utf8') : '';
  const pretty = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(osRelease)?.[1] ?? `${os.type()} ${os.release()}`;
  return {
    date: new Date().toISOString(),
    cpu,
    cores: os.availableParallelism(),
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${pretty}, kernel ${os.release()}`,
    node: process.version,
    packages: Object.fromEntries(
      ['@electric-sql/pglite', '@electric-sql/pglite-socket', 'pg', 'drizzle-orm', 'fastify', 'autocannon', 'tsx'].map(
        (n) => [n, packageVersion(n)],
      ),
    ),
  };
}
