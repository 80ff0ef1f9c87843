import type { StageInput } from '../../common/api/replication.ts';
import type { AuthedContext } from '../http/context.ts';
import { chinaToday } from '../kernel/dates.ts';
import { recordPublishedFigure } from '../kernel/published-figures/published-figures.service.ts';
import { buildPractice } from './builders.ts';

const MARK = '【演示】';

interface Place {
  code: string;
  name: string;
}

const daysAgo = (n: number) =>
  new Date(Date.parse(`${chinaToday()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/**
 * Reform practices of the eastern side (the ones the plans name: 最多跑一次, 行政许可权相对集中, 河长制, 特色小镇,
 * 并联审批) with units of the north-eastern side at every stage, and one published figure as an example of how a
 * press figure is kept apart (marked 演示: its source is an example, not a citation). Through the services.
 */
export async function fillDemoReplication(ctx: AuthedContext, pairingId: string, north: Place[], east: Place[]) {
  const flag = { demo: true };
  const source = east[0];
  const [first, second = first] = north;
  if (!source || !first || !second) return { practices: 0, adoptions: 0, publishedFigures: 0 };
  const stage = (s: StageInput['stage'], ago: number, doc?: Partial<StageInput>): StageInput => ({
    stage: s,
    reachedOn: daysAgo(ago),
    ...doc,
  });
  const practices = [
    {
      title: `${MARK}“最多跑一次”改革`,
      category: 'government_services' as const,
      description: '群众和企业到政府办事，材料齐全、符合法定受理条件时，从受理到办结全程只需一次上门或零上门。',
      adoptions: [
        {
          adopterName: `${MARK}${first.name}政务服务管理局`,
          regionCode: first.code,
          results: '一窗受理事项占比超过九成，平均办理时限压缩一半以上',
          stages: [
            stage('learning', 1000, { note: `赴${source.name}考察学习` }),
            stage('pilot', 800, {
              docTitle: `${MARK}${first.name}“最多跑一次”改革试点方案`,
              docNumber: '演示〔2023〕1号',
            }),
            stage('rollout', 500),
          ],
        },
        { adopterName: `${MARK}${second.name}行政审批局`, regionCode: second.code, stages: [stage('learning', 300)] },
      ],
    },
    {
      title: `${MARK}行政许可权相对集中改革`,
      category: 'government_services' as const,
      description: '将分散在多个部门的行政许可事项集中到一个部门实施，一枚印章管审批。',
      adoptions: [
        {
          adopterName: `${MARK}${first.name}人民政府`,
          regionCode: first.code,
          stages: [
            stage('learning', 1100),
            stage('pilot', 900),
            stage('rollout', 600),
            stage('institutionalised', 200, {
              docTitle: `${MARK}${first.name}相对集中行政许可权实施办法`,
              docNumber: '演示〔2024〕5号',
              docDate: daysAgo(210),
            }),
          ],
        },
      ],
    },
    {
      title: `${MARK}河长制`,
      category: 'other' as const,
      description: '由各级党政负责人担任河长，负责组织领导相应河湖的管理和保护工作。',
      adoptions: [
        {
          adopterName: `${MARK}${second.name}水利局`,
          regionCode: second.code,
          stages: [stage('learning', 700), stage('pilot', 400)],
        },
      ],
    },
    {
      title: `${MARK}企业投资项目并联审批`,
      category: 'business_environment' as const,
      description: '企业投资项目涉及的多个审批事项由牵头部门统一受理、各部门同步审批、限时办结。',
      adoptions: [
        { adopterName: `${MARK}${first.name}发展改革委`, regionCode: first.code, stages: [stage('learning', 150)] },
      ],
    },
    {
      title: `${MARK}特色小镇建设`,
      category: 'park_management' as const,
      description: '以特色产业为核心，产业、文化、旅游和社区功能融合的发展平台。',
      adoptions: [],
    },
  ];
  let adoptions = 0;
  for (const p of practices) {
    await buildPractice(
      ctx,
      {
        pairingId,
        title: p.title,
        sourceRegionCode: source.code,
        category: p.category,
        description: p.description,
        sourceDocTitle: `${MARK}${source.name}关于推广${p.title.replace(MARK, '')}的文件`,
        sourceDocDate: daysAgo(1500),
      },
      p.adoptions,
      flag,
    );
    adoptions += p.adoptions.length;
  }
  const year = Number(daysAgo(400).slice(0, 4));
  await recordPublishedFigure(
    ctx,
    'replication',
    {
      pairingId,
      side: 'a',
      year,
      label: `${MARK}${source.name}政策举措在${first.name}复制推广（示例）`,
      value: '192',
      unit: '项',
      sourceTitle: `${MARK}示例来源：报刊报道（演示数据，不是真实出处）`,
      sourceDate: `${year}-12-31` > chinaToday() ? chinaToday() : `${year}-12-31`,
      note: '演示：公开发布的数字按来源照录，与系统计算的统计分开列示',
    },
    flag,
  );
  return { practices: practices.length, adoptions, publishedFigures: 1 };
}
