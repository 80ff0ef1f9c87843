import { adminCreateCommand } from './admin-create.ts';

const USAGE = `用法 / Usage:
  duikou admin create --username NAME [--display-name NAME]   创建初始管理员，密码从标准输入读取 / create the initial administrator; password read from stdin
  duikou plan parse FILE [--json]                               解析规划文本，不写数据库 / parse a plan without touching the database
  duikou plan import FILE [--pairing ID|NAME]                   导入方案（新版本保留任务） / import a plan (a changed version keeps its tasks)
  duikou programme load FILE.json                               载入合作规划及其对口关系（全部或不载入）/ load a programme and its pairings (all or nothing)
  duikou demo fill --pairing ID|NAME [--seed N]                 生成演示数据 / fill a pairing with demo data
  duikou demo clear                                             删除全部演示数据 / remove all demo data
  duikou listings import FILE [--pairing ID|NAME]              导入供需表（.xlsx/.csv）/ import a listing sheet
  duikou listings match 编号|ID [--top 20] [--json]               为供需找匹配并说明理由 / matches of a listing, with reasons
  duikou listings search "查询" [--type 供给|需求] [--top 20] [--json]   搜索供需 / search listings
  duikou summary export --pairing ID|NAME --year YYYY --out FILE.docx [--xlsx FILE.xlsx]   年度工作总结导出为公文 Word 及附件 Excel / the annual summary as a 公文 Word file and its Excel annex
  duikou open iati --out FILE.xml [--programme ID|NAME] [--pairing ID|NAME]   已公开项目的 IATI 2.03 文件 / IATI 2.03 file of published projects
  duikou keys rotate                                            新增字段密钥并重新加密个人信息 / new field key, personal fields re-encrypted
  duikou backup FILE                                            一致性备份（服务器运行时也可）/ consistent backup, also while the server runs
  duikou restore FILE [--force]                                 恢复到空实例（不能覆盖运行中的实例）/ restore into an empty instance (never over a live one)`;

async function main(argv: string[]): Promise<number> {
  const [group, command, ...rest] = argv;
  if (group === 'admin' && command === 'create') return adminCreateCommand(rest);
  if (group === 'plan' && command === 'parse') {
    const { planParseCommand } = await import('./plan-parse.ts');
    return planParseCommand(rest);
  }
  if (group === 'plan' && command === 'import') {
    const { planImportCommand } = await import('./plan-import.ts');
    return planImportCommand(rest);
  }
  if (group === 'backup' || group === 'restore') {
    const { backupCommand, restoreCommand } = await import('./backup.ts');
    const args = [command, ...rest].filter((a): a is string => a !== undefined);
    return group === 'backup' ? backupCommand(args) : restoreCommand(args);
  }
  if (group === 'keys') {
    const { keysCommand } = await import('./keys.ts');
    return keysCommand(command, rest);
  }
  if (group === 'listings') {
    const { listingsCommand } = await import('./listings.ts');
    return listingsCommand(command, rest);
  }
  if (group === 'programme') {
    const { programmeCommand } = await import('./programme.ts');
    return programmeCommand(command, rest);
  }
  if (group === 'summary') {
    const { summaryCommand } = await import('./summary.ts');
    return summaryCommand(command, rest);
  }
  if (group === 'open') {
    const { openCommand } = await import('./open.ts');
    return openCommand(command, rest);
  }
  if (group === 'demo') {
    const { demoCommand } = await import('./demo.ts');
    return demoCommand(command, rest);
  }
  console.error(USAGE);
  return group === undefined || group === '--help' ? 0 : 2;
}

process.exitCode = await main(process.argv.slice(2));
