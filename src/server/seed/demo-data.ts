import type { AuthedContext } from '../http/context.ts';
import { AppError } from '../http/app-error.ts';
import { auditedChange, auditStandalone } from '../kernel/audit/audit-writer.ts';
import { removeAttachmentFile } from '../kernel/attachments/attachment-store.ts';
import { sideOfRegions } from '../modules/pairings/pairings.service.ts';
import { regionCatalogue } from '../modules/regions/region-catalogue.ts';
import type { ProjectType, StageMoveInput, FigureReportInput } from '../../common/api/projects.ts';
import { fixedText } from '../../common/money/money.ts';
import {
  buildProject,
  buildPark,
  buildEnterprise,
  buildSharingAgreement,
  buildLedgerEntry,
  buildEvent,
  buildEventAgreement,
  buildMeeting,
  buildClosedItem,
} from './builders.ts';
import { organisationPage } from '../modules/organisations/organisations.service.ts';
import { chinaToday } from '../kernel/dates.ts';
import type { ItemInput } from '../../common/api/tracking.ts';
import { deleteDemoRecords, pairingHasDemoProjects } from './demo-data.repository.ts';
import { nextHost, setRotation } from '../modules/meetings/meetings.service.ts';
import { fillDemoPeople } from './demo-people.ts';
import { fillDemoReplication } from './demo-replication.ts';
import { fillDemoPortal } from './demo-portal.ts';

/**
 * Demo data for trying the product on a pairing: projects at every stage, a main park with branches and a
 * sharing agreement with three years of ledger (and one correction), events with agreements signed there. Every
 * record is made through the services (so it obeys the same rules and is audited), carries is_demo, and its name
 * starts with 【演示】 so it is recognisable wherever it is shown, exports included. `clearDemo` removes it all.
 * A fixed seed makes two fills of the same pairing alike.
 */
export const DEMO_MARK = '【演示】';

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const THEMES: [string, ProjectType, string][] = [
  ['新能源汽车零部件项目', 'industrial', '36'],
  ['智能装备制造基地', 'industrial', '35'],
  ['生物医药产业园', 'science_tech', '27'],
  ['数字经济产业园', 'service', '65'],
  ['冰雪旅游综合体', 'tourism', '90'],
  ['现代农业示范基地', 'agriculture', '01'],
  ['跨境电商物流中心', 'service', '59'],
  ['碳纤维新材料项目', 'industrial', '28'],
  ['人参精深加工项目', 'agriculture', '13'],
  ['供应链金融服务平台', 'finance', '66'],
  ['城市更新PPP项目', 'ppp', '48'],
  ['光伏组件制造项目', 'industrial', '38'],
];
const INVESTORS = ['某某控股集团有限公司', '某某科技股份有限公司', '某某实业有限公司', '某某投资发展有限公司'];
const STAGE_PLAN = [
  'planning',
  'planning',
  'planning',
  'signed',
  'signed',
  'signed',
  'signed',
  'sited',
  'sited',
  'started',
  'started',
  'started',
  'started',
  'started',
  'producing',
  'producing',
  'producing',
  'paused',
  'terminated',
  'signed',
] as const;

const day = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export interface DemoCounts {
  projects: number;
  parks: number;
  enterprises: number;
  agreements: number;
  ledgerEntries: number;
  events: number;
  eventAgreements: number;
  meetings: number;
  trackedItems: number;
}

/** The pairing's cities on each side (its regions when a side has no city), by code. */
async function regionsOf(ctx: AuthedContext, pairingId: string) {
  const sides = await sideOfRegions({ tx: ctx.db }, pairingId);
  const rows = [...regionCatalogue().refs(sides.keys()).values()].sort((x, y) => (x.code < y.code ? -1 : 1));
  const pick = (side: 'a' | 'b') => {
    const mine = rows.filter((r) => sides.get(r.code) === side);
    const cities = mine.filter((r) => r.level === 'city');
    return cities.length ? cities : mine;
  };
  return { a: pick('a'), b: pick('b') };
}

/** The pairing's regions when it can take demo data; refused before anything is written when it cannot. */
export async function demoFillableSides(ctx: AuthedContext, pairingId: string) {
  if (await pairingHasDemoProjects(ctx.db, pairingId)) throw new AppError(409, 'demo_exists');
  const sides = await regionsOf(ctx, pairingId);
  // A pairing naming one side only (内蒙古自治区 主动对接东部省市, exploratory) has no partner: its demo would pair a
  // region with itself (a park agreement whose two parties are the same region, a 内蒙古—内蒙古 meeting).
  if (!sides.a.length || !sides.b.length) throw new AppError(400, 'demo_one_sided');
  return sides;
}

export async function fillDemo(ctx: AuthedContext, pairingId: string, seed = 2026): Promise<DemoCounts> {
  const { a, b } = await demoFillableSides(ctx, pairingId);
  const rnd = prng(seed);
  const pickOf = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const counts: DemoCounts = {
    projects: 0,
    parks: 0,
    enterprises: 0,
    agreements: 0,
    ledgerEntries: 0,
    events: 0,
    eventAgreements: 0,
    meetings: 0,
    trackedItems: 0,
  };
  const flag = { demo: true };

  // Projects at every stage, with figures that obey the money rules.
  for (let i = 0; i < STAGE_PLAN.length; i++) {
    const target = STAGE_PLAN[i]!;
    const [theme, type, division] = THEMES[i % THEMES.length]!;
    const host = pickOf(a);
    const from = pickOf(b);
    const year = 2023 + (i % 3);
    const signedOn = day(year, 1 + (i % 9), 10 + (i % 15));
    const signedFen =
      BigInt(Math.round(5_000 + rnd() * 195_000)) * 1_000_000n + BigInt(Math.floor(rnd() * 100)) * 10_000n;
    const wanText = (fen: bigint) => fixedText(fen / 10_000n, 2);
    const moves: StageMoveInput[] = [];
    const reports: FigureReportInput[] = [];
    const signedMonth = { year, month: 1 + (i % 9) };
    const reach = (s: string) =>
      ['signed', 'sited', 'started', 'producing'].indexOf(s) <=
      ['signed', 'sited', 'started', 'producing'].indexOf(
        target === 'paused' ? 'sited' : target === 'terminated' ? 'signed' : target,
      );
    const signed = target !== 'planning';
    if (signed) {
      moves.push({ to: 'signed', on: signedOn });
      reports.push({ figure: 'signed', period: signedMonth, amount: wanText(signedFen) });
    }
    if (signed && reach('sited')) moves.push({ to: 'sited', on: day(year, 10, 5) });
    if (signed && reach('started')) {
      moves.push({ to: 'started', on: day(year, 11, 20) });
      reports.push({
        figure: 'arrived',
        period: { year: year + 1, month: 6 },
        amount: wanText((signedFen * BigInt(30 + Math.floor(rnd() * 60))) / 100n),
      });
      reports.push({
        figure: 'completed',
        period: { year: year + 1, month: 6 },
        amount: wanText((signedFen * BigInt(20 + Math.floor(rnd() * 40))) / 100n),
      });
    }
    if (signed && reach('producing')) moves.push({ to: 'producing', on: day(year + 1, 9, 1) });
    if (target === 'paused') moves.push({ to: 'paused', on: day(year + 1, 3, 1), note: '投资方调整计划' });
    if (target === 'terminated') moves.push({ to: 'terminated', on: day(year + 1, 2, 1), note: '投资方放弃' });
    await buildProject(
      ctx,
      {
        pairingId,
        title: `${DEMO_MARK}${host.name}${theme}${i + 1}`,
        investor: `${from.name}${pickOf(INVESTORS)}`,
        investorRegionCode: from.code,
        hostRegionCode: host.code,
        industryDivision: division,
        type,
        landmark: i % 7 === 0,
        greenChannel: i % 4 === 0,
        stageOn: day(year, 1, 5),
        plannedInvestment: wanText((signedFen * 105n) / 100n),
      },
      { moves, reports },
      flag,
    );
    counts.projects++;
  }

  // A main park with two branches, settled enterprises, an agreement whose shares change, three years of ledger.
  const host = a[0]!;
  const from = b[0]!;
  const mainPark = await buildPark(
    ctx,
    {
      pairingId,
      name: `${DEMO_MARK}${host.name}—${from.name}产业合作园`,
      type: 'cooperation',
      hostRegionCode: host.code,
      partnerRegionCode: from.code,
      areaKm2: '15.8',
      focusIndustries: ['36', '39', '65'],
      operator: '合作园开发运营有限公司',
      operatorTeamFrom: `${from.name}选派`,
    },
    flag,
  );
  counts.parks++;
  for (const [k, branchHost] of [a[1] ?? host, a[2] ?? host].entries()) {
    await buildPark(
      ctx,
      {
        pairingId,
        name: `${DEMO_MARK}${branchHost.name}分园${k + 1}`,
        type: 'branch',
        hostRegionCode: branchHost.code,
        partnerRegionCode: from.code,
        mainParkId: mainPark,
      },
      flag,
    );
    counts.parks++;
  }
  const enterprises: string[] = [];
  for (let k = 0; k < 6; k++) {
    enterprises.push(
      await buildEnterprise(
        ctx,
        mainPark,
        {
          name: `${DEMO_MARK}${from.name}入园企业${k + 1}`,
          industryDivision: pickOf(['36', '39', '65']),
          settledOn: day(2021, 3 + k, 1),
        },
        flag,
      ),
    );
    counts.enterprises++;
  }
  await buildSharingAgreement(
    ctx,
    mainPark,
    {
      title: `${DEMO_MARK}税收分成与统计分计协议`,
      parties: [
        { key: 'out', name: from.name, regionCode: from.code },
        { key: 'in', name: host.name, regionCode: host.code },
      ],
      startsOn: '2021-01-01',
      endsOn: '2030-12-31',
      terms: [
        {
          figures: ['vat', 'corporate_income_tax'],
          from: '2021-01-01',
          to: '2023-12-31',
          shares: { out: '50', in: '50' },
        },
        { figures: ['vat', 'corporate_income_tax'], from: '2024-01-01', to: null, shares: { out: '30', in: '70' } },
        { figures: ['gdp'], from: '2021-01-01', to: null, shares: { out: '50', in: '50' } },
      ],
      costShares: { out: '60', in: '40' },
    },
    flag,
  );
  counts.agreements++;
  let firstEntry: { id: string; enterpriseId: string } | null = null;
  const yuanText = (base: number) =>
    `${base + Math.floor(rnd() * base)}.${String(Math.floor(rnd() * 100)).padStart(2, '0')}`;
  for (const enterpriseId of enterprises) {
    for (const year of [2023, 2024, 2025]) {
      for (let q = 1; q <= 4; q++) {
        const month = q * 3;
        const id = await buildLedgerEntry(
          ctx,
          mainPark,
          { enterpriseId, figure: 'vat', period: { year, month }, amount: yuanText(200_000) },
          flag,
        );
        firstEntry ??= { id, enterpriseId };
        await buildLedgerEntry(
          ctx,
          mainPark,
          { enterpriseId, figure: 'corporate_income_tax', period: { year, month }, amount: yuanText(80_000) },
          flag,
        );
        counts.ledgerEntries += 2;
      }
      await buildLedgerEntry(
        ctx,
        mainPark,
        { enterpriseId, figure: 'gdp', period: { year, month: null }, amount: yuanText(5_000_000) },
        flag,
      );
      counts.ledgerEntries++;
    }
  }
  // One correction of an earlier year, as offices make them: a new entry superseding the first.
  if (firstEntry) {
    await buildLedgerEntry(
      ctx,
      mainPark,
      {
        enterpriseId: firstEntry.enterpriseId,
        figure: 'vat',
        period: { year: 2023, month: 3 },
        amount: '250000.00',
        supersedesId: firstEntry.id,
      },
      flag,
    );
    counts.ledgerEntries++;
  }

  // Promotion events with agreements signed there; the first of each became a project at once.
  const eventDefs = [
    ['promotion', `${DEMO_MARK}${from.name}企业${host.name}行`, '2024-05-20'],
    ['expo', `${DEMO_MARK}中国—东北亚博览会对口合作专场`, '2024-08-23'],
    ['forum', `${DEMO_MARK}对口合作产业对接论坛`, '2025-06-12'],
  ] as const;
  for (const [kind, title, startsOn] of eventDefs) {
    const endsOn = day(Number(startsOn.slice(0, 4)), Number(startsOn.slice(5, 7)), Number(startsOn.slice(8)) + 2);
    const eventId = await buildEvent(
      ctx,
      {
        pairingId,
        kind,
        title,
        startsOn,
        endsOn,
        place: host.name,
        organisersA: `${host.name}人民政府`,
        organisersB: `${from.name}人民政府`,
        enterpriseCount: 50 + Math.floor(rnd() * 30),
      },
      flag,
    );
    counts.events++;
    for (let k = 0; k < 2; k++) {
      const [theme, type, division] = pickOf(THEMES);
      await buildEventAgreement(ctx, eventId, {
        title: `${DEMO_MARK}${theme}（${title.replace(DEMO_MARK, '')}签约${k + 1}）`,
        parties: [`${from.name}${pickOf(INVESTORS)}`, `${host.name}人民政府`],
        signedOn: startsOn,
        amount: String(10_000 + Math.floor(rnd() * 90_000)),
        createProject: k === 0,
        project: { hostRegionCode: host.code, type, industryDivision: division },
      });
      counts.eventAgreements++;
      if (k === 0) counts.projects++;
    }
  }
  await demoMeetings(ctx, pairingId, host.name, from.name, counts);
  const people = await fillDemoPeople(ctx, pairingId, host.name, from.name);
  const replication = await fillDemoReplication(ctx, pairingId, a, b);
  const portal = await fillDemoPortal(ctx, pairingId, { host: host.name, from: from.name });
  await auditStandalone(ctx, {
    action: 'demo.fill',
    result: 'success',
    objectType: 'pairing',
    objectId: pairingId,
    details: { ...counts, ...people, ...replication, ...portal, seed },
  });
  return { ...counts, ...people, ...replication, ...portal };
}

const dayFromToday = (n: number) =>
  new Date(Date.parse(`${chinaToday()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** One active organisation on each side of the pairing (its offices, its units), where there is one. */
async function unitsOnSides(ctx: AuthedContext, pairingId: string) {
  const sides = await sideOfRegions({ tx: ctx.db }, pairingId);
  const found: Partial<Record<'a' | 'b', string>> = {};
  for (const [regionCode, side] of [...sides].sort(([x], [y]) => (x < y ? -1 : 1))) {
    if (found[side]) continue;
    const page = await organisationPage(ctx, { regionCode, active: true, page: 1, pageSize: 1 });
    if (page.items[0]) found[side] = page.items[0].id;
  }
  return found;
}

/**
 * Two joint meetings a year apart and a department meeting, with decisions owned by units of both sides, one due
 * within days (deadlines are set through the service, which refuses past ones, so the demo's urgent item is due
 * soon rather than overdue). Decisions need owner units in the pairing's regions; without any, the meetings are
 * recorded without decisions.
 */
async function demoMeetings(
  ctx: AuthedContext,
  pairingId: string,
  hostName: string,
  fromName: string,
  counts: DemoCounts,
) {
  const units = await unitsOnSides(ctx, pairingId);
  const lead = units.a ?? units.b;
  const co = units.a && units.b ? units.b : undefined;
  const owners = (lead: string | undefined, co: string | undefined): ItemInput['owners'] =>
    lead ? [{ organisationId: lead, role: 'lead' }, ...(co ? [{ organisationId: co, role: 'co' as const }] : [])] : [];
  const decision = (text: string, deadline: number, o: ItemInput['owners']): ItemInput[] =>
    o.length ? [{ text, deadline: dayFromToday(deadline), owners: o, taskIds: [], projectIds: [] }] : [];
  const flag = { demo: true };
  const attendees = [
    { side: 'a' as const, name: '张某', post: '副省长', organisation: `${hostName}人民政府` },
    { side: 'b' as const, name: '李某', post: '副省长', organisation: `${fromName}人民政府` },
  ];

  const first = await buildMeeting(
    ctx,
    {
      pairingId,
      kind: 'joint_meeting',
      title: `${DEMO_MARK}${hostName}—${fromName}对口合作联席会议（第一次）`,
      heldOn: dayFromToday(-400),
      place: hostName,
      hostSide: 'a',
      chair: '张某',
      attendees,
      agenda: '一、通报对口合作进展\n二、审议年度工作要点',
      minutes: '会议商定共同举办产业对接活动，互派干部挂职交流。',
      decisions: [
        ...decision('共同举办产业对接活动', 30, owners(lead, co)),
        ...decision('报送互派挂职干部名单', 3, owners(co ?? lead, undefined)),
      ],
    },
    flag,
  );
  if (first.itemIds[0])
    await buildClosedItem(
      ctx,
      first.itemIds[0],
      { note: `${DEMO_MARK}活动筹备完成，参会企业已确定`, percent: 60 },
      { note: `${DEMO_MARK}活动已举办，签约项目已录入项目台账`, link: 'https://www.ndrc.gov.cn/' },
    );
  const second = await buildMeeting(
    ctx,
    {
      pairingId,
      kind: 'joint_meeting',
      title: `${DEMO_MARK}${hostName}—${fromName}对口合作联席会议（第二次）`,
      heldOn: dayFromToday(-35),
      place: fromName,
      hostSide: 'b',
      chair: '李某',
      attendees,
      agenda: '一、总结上年议定事项办理情况\n二、研究园区共建',
      decisions: decision('编制共建园区发展规划', 90, owners(lead, co)),
    },
    flag,
  );
  await buildMeeting(
    ctx,
    {
      pairingId,
      kind: 'department_docking',
      title: `${DEMO_MARK}商务部门对接会`,
      heldOn: dayFromToday(-20),
      place: hostName,
      hostSide: 'a',
    },
    flag,
  );
  // 联席会议轮值 (津长: "联席会议由两市轮值"): the sides take turns, as the two demo meetings did, so the next one is
  // proposed from the rotation. Only where the pairing has none: a rotation the office set is left as it is.
  if (!(await nextHost(ctx, pairingId, 'joint_meeting')).order.length)
    await setRotation(ctx, { pairingId, kind: 'joint_meeting', order: ['a', 'b'] }, flag);
  counts.meetings += 3;
  counts.trackedItems += first.itemIds.length + second.itemIds.length;
}

/** Removes every demo record in one transaction (see deleteDemoRecords), then the files kept with demo projects. */
export async function clearDemo(ctx: AuthedContext): Promise<Record<string, number>> {
  const { counts, files } = await auditedChange(ctx, async ({ tx, audit }) => {
    const removed = await deleteDemoRecords(tx);
    audit({
      action: 'demo.clear',
      result: 'success',
      objectType: 'demo',
      details: { ...removed.counts, attachments: removed.files.length },
    });
    return removed;
  });
  for (const storedName of files) await removeAttachmentFile(ctx.deps.config.dataDir, storedName);
  return counts;
}
