import type { AuthedContext } from '../http/context.ts';
import { chinaToday } from '../kernel/dates.ts';
import { recordPublishedFigure } from '../kernel/published-figures/published-figures.service.ts';
import { publishPark } from '../modules/parks/park-publishing.service.ts';
import { createNews, setNewsPublished } from '../modules/portal/news.service.ts';
import { publishProject } from '../modules/projects/project-publishing.service.ts';
import { demoRecordsToPublish } from './demo-data.repository.ts';

const MARK = '【演示】';

/**
 * What a fresh instance shows on its public portal: a published news item, two of the demo projects that have
 * reached production and the main park made public with a summary, and a figure "from the press" (an example,
 * marked 演示 like every demo record). Through the services, so each is audited like an office's own publication.
 */
export async function fillDemoPortal(ctx: AuthedContext, pairingId: string, names: { host: string; from: string }) {
  const newsId = await createNews(
    ctx,
    {
      pairingId,
      title: `${MARK}${names.host}与${names.from}召开对口合作联席会议`,
      newsDate: chinaToday(),
      body: `${names.host}与${names.from}召开对口合作联席会议，总结上一年度合作进展，审议本年度工作要点。\n\n双方商定共同推进产业合作园区建设，深化干部人才交流和营商环境改革经验复制推广。（演示新闻，非真实报道）`,
    },
    { demo: true },
  );
  await setNewsPublished(ctx, newsId, 1, true);
  const { projects, park } = await demoRecordsToPublish(ctx.db, pairingId);
  for (const p of projects)
    await publishProject(ctx, p.id, {
      version: p.version,
      publicSummary: `${names.from}企业在${names.host}投资建设的合作项目，已建成投产。（演示数据）`,
    });
  if (park)
    await publishPark(ctx, park.id, {
      version: park.version,
      publicSummary: `${names.host}与${names.from}共建的产业合作园区，重点发展汽车零部件、电子信息和软件服务产业。（演示数据）`,
    });
  const year = Number(chinaToday().slice(0, 4)) - 1;
  await recordPublishedFigure(
    ctx,
    'general',
    {
      pairingId,
      year,
      label: `${MARK}${names.from}赴${names.host}挂职干部`,
      value: '36',
      unit: '名',
      sourceTitle: `${MARK}对口合作工作简报`,
      sourceDate: `${year}-12-31`,
      sourceLink: null,
      note: null,
    },
    { demo: true },
  );
  return { newsItems: 1, publishedProjects: projects.length, publishedParks: park ? 1 : 0 };
}
