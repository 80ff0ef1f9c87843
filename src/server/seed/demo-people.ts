import { withCheckCharacter } from '../../common/api/id-number.ts';
import type { SecondmentDirection, SecondmentRank, SecondmentStatus } from '../../common/api/people.ts';
import type { AuthedContext } from '../http/context.ts';
import { sideOfRegions } from '../modules/pairings/pairings.service.ts';
import { buildExchange, buildSecondment, buildTraining } from './builders.ts';

const MARK = '【演示】';
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'];
const GIVEN = ['建国', '丽华', '志强', '晓燕', '文博', '海涛', '雪梅', '国栋', '春生', '慧敏', '立新', '秋菊'];
const RANKS: SecondmentRank[] = ['division', 'division', 'section', 'professional', 'bureau', 'section'];

/**
 * Cadres seconded both ways in two batches, trainings with trainees by category and side, and exchange visits
 * and expert support, for a pairing; every record through the services, marked 演示. Identity numbers are valid
 * (GB 11643) but made up: the sides' region codes, a birth date and a sequence number.
 */
export async function fillDemoPeople(ctx: AuthedContext, pairingId: string, hostName: string, fromName: string) {
  const flag = { demo: true };
  const sides = await sideOfRegions({ tx: ctx.db }, pairingId);
  const regionOf = (side: 'a' | 'b') =>
    [...sides].find(([code, s]) => s === side && /^\d{4}(?!00)\d{2}$/.test(code))?.[0] ??
    [...sides].find(([code, s]) => s === side && /^\d{6}$/.test(code))?.[0] ??
    (side === 'a' ? '220102' : '330106');
  const thisYear = Number(new Date().toISOString().slice(0, 4));
  let secondments = 0;
  for (let i = 0; i < 12; i++) {
    const direction: SecondmentDirection = i % 3 === 2 ? 'east_to_ne' : 'ne_to_east';
    const home = direction === 'ne_to_east' ? 'a' : 'b';
    const [homeName, hostUnitName] = direction === 'ne_to_east' ? [hostName, fromName] : [fromName, hostName];
    const birthYear = 1972 + (i % 15);
    const earlier = i < 6;
    const status: SecondmentStatus = earlier ? 'returned' : i % 4 === 0 ? 'planned' : 'in_post';
    const year = earlier ? thisYear - 1 : thisYear;
    await buildSecondment(
      ctx,
      {
        pairingId,
        name: `${MARK}${SURNAMES[i]}${GIVEN[i]}`,
        gender: i % 3 === 1 ? 'female' : 'male',
        birthYear,
        idNumber: withCheckCharacter(
          `${regionOf(home)}${birthYear}0${(i % 9) + 1}1${i % 10}${String(100 + i * 7).slice(-3)}`,
        ),
        mobile: `139${String(10_000_000 + i * 7919).slice(-8)}`,
        direction,
        homeUnit: `${homeName}发展和改革委员会`,
        homePost: RANKS[i % RANKS.length] === 'bureau' ? '副主任' : '处长',
        hostUnit: `${hostUnitName}商务厅`,
        hostPost: '副处长',
        rank: RANKS[i % RANKS.length]!,
        batch: `${year}年第${earlier ? '一' : '二'}批`,
        startsOn: `${year}-03-01`,
        endsOn: `${year + 1}-02-28`,
        status,
        evaluation: status === 'returned' ? '挂职期间表现优秀，考核等次为优秀' : null,
      },
      flag,
    );
    secondments++;
  }
  const courses: [string, 'a' | 'b', number, number, number, number][] = [
    ['党政干部能力提升专题培训班', 'b', 120, 0, 0, 0],
    ['民营企业经营管理人才研修班', 'b', 0, 80, 0, 5],
    ['数字经济专业技术人才培训班', 'a', 10, 20, 90, 0],
    ['乡村振兴专题研讨班', 'b', 60, 10, 20, 0],
  ];
  for (const [i, [title, hostSide, officials, managers, professionals, other]] of courses.entries()) {
    const total = officials + managers + professionals + other;
    const fromA = hostSide === 'b' ? total - 5 : 10;
    await buildTraining(
      ctx,
      {
        pairingId,
        title: `${MARK}${title}`,
        organiser: hostSide === 'b' ? `${fromName}行政学院` : `${hostName}委党校`,
        hostSide,
        place: hostSide === 'b' ? fromName : hostName,
        startsOn: `${thisYear - (i % 2)}-0${4 + i}-10`,
        endsOn: `${thisYear - (i % 2)}-0${4 + i}-16`,
        trainees: { officials, managers, professionals, other },
        bySide: { a: fromA, b: total - fromA },
        materials: '课程表、讲义（PDF）',
        taskId: null,
      },
      flag,
    );
  }
  const exchanges: [string, 'visit' | 'expert_station' | 'graduate_recruitment', number][] = [
    [`${fromName}企业家代表团赴${hostName}考察交流`, 'visit', 35],
    [`${hostName}院士专家工作站揭牌`, 'expert_station', 4],
    [`${fromName}高校毕业生专场招聘会`, 'graduate_recruitment', 260],
  ];
  for (const [i, [title, kind, participants]] of exchanges.entries())
    await buildExchange(
      ctx,
      {
        pairingId,
        kind,
        title: `${MARK}${title}`,
        heldOn: `${thisYear}-0${5 + i}-18`,
        place: kind === 'visit' ? hostName : fromName,
        participants,
        evidence: `https://example.gov.cn/demo/people-${i + 1}.html`,
      },
      flag,
    );
  return { secondments, trainings: courses.length, exchanges: exchanges.length };
}
