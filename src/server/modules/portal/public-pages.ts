import type { Locale } from '../../../common/i18n/messages.ts';
import { formatMoney } from '../../../common/money/format.ts';
import { FEN_PER_WAN, parseAmount } from '../../../common/money/money.ts';
import { chinaToday, dateString } from '../../kernel/dates.ts';
import { type Html, html } from './html.ts';
import type {
  portalHome,
  portalNewsItem,
  portalPairing,
  portalProgramme,
  portalProject,
} from './public-portal.service.ts';
import { portalHref, portalText, type PortalPage } from './public-shell.ts';

/*
 * The public pages as pure functions of what the portal service read: title, description and body for the shell.
 * Figures from the press and figures computed from records are always shown apart, each labelled as which.
 */

type Page = Omit<PortalPage, 'publicUrl'>;
type Data<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;
type Programme = Data<typeof portalProgramme>['programme'];

const day = (v: unknown) => dateString(v) ?? '';
const money = (wan: string) => {
  const parsed = parseAmount(wan, FEN_PER_WAN);
  return parsed.ok ? formatMoney(parsed.fen) : wan;
};
/** A decimal as typed (trailing zeros of the stored scale dropped). */
const decimal = (v: string) => (v.includes('.') ? v.replace(/\.?0+$/, '') : v);

function view(locale: Locale) {
  const t = portalText(locale);
  const href = (path: string) => portalHref(path, locale);
  const demo = (isDemo: boolean) =>
    isDemo ? html`<span class="tag demo" title="${t('demoTitle')}">${t('demo')}</span>` : null;
  const sideName = (programme: Programme | undefined, side: string | null) => {
    if (!side) return null;
    if (side === 'both') return t('sideBoth');
    const zh = side === 'a' ? programme?.sideAZh : programme?.sideBZh;
    const en = side === 'a' ? programme?.sideAEn : programme?.sideBEn;
    return (locale === 'en' ? (en ?? zh) : zh) ?? t(side === 'a' ? 'sideA' : 'sideB');
  };
  const paragraphs = (text: string) =>
    text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => html`<p>${p}</p>`);
  const firstParagraph = (text: string) => {
    const first = text.split(/\n\s*\n/)[0]!.trim();
    return first.length > 120 ? `${first.slice(0, 120)}…` : first;
  };

  type Figure = Data<typeof portalPairing>['figures'][number];
  const pressFigures = (figures: Figure[], programme: Programme | undefined) =>
    html`<ul class="figs">${figures.map(
      (
        f,
      ) => html`<li class="card fig"><div><span class="tag press">${t('labelPress')}</span>${demo(f.isDemo)}<span class="meta">${f.year} ${sideName(programme, f.side)}</span></div>
<h3>${f.label}</h3><div class="v">${decimal(f.value)}<small>${f.unit}</small></div>
<div class="meta">${t('source', { title: f.sourceTitle, date: day(f.sourceDate) })}${
        f.sourceLink
          ? html` · <a href="${f.sourceLink}" rel="nofollow noopener" target="_blank">${t('sourceLink')}</a>`
          : null
      }</div></li>`,
    )}</ul>`;

  type News = Data<typeof portalHome>['news'][number];
  const newsList = (news: News[], withPairing: boolean) =>
    news.length
      ? html`<ul class="cards">${news.map(
          (n) => html`<li class="card"><h3><a href="${href(`/public/news/${n.id}`)}">${n.title}</a></h3>
<div class="meta">${demo(n.isDemo)}${day(n.newsDate)}${withPairing ? html` · ${n.pairingName}` : null}</div><div>${firstParagraph(n.body)}</div></li>`,
        )}</ul>`
      : html`<p class="note">${t('noNews')}</p>`;

  return { t, href, demo, sideName, paragraphs, pressFigures, newsList };
}

export function homePage(locale: Locale, d: Data<typeof portalHome>): Page {
  const { t, href, pressFigures, newsList } = view(locale);
  const body = html`<h1>${t('siteName')}</h1><p class="intro">${t('programmesIntro')}</p>
<h2>${t('programmes')}</h2>
<ul class="cards two">${d.programmes.map(
    (p) => html`<li class="card"><h3><a href="${href(`/public/programmes/${p.id}`)}">${p.name}</a></h3>
<div class="meta">${t('pairingCount', { count: p.pairingCount })}${p.docNo ? html` · ${t('docNo', { docNo: p.docNo })}` : null}</div></li>`,
  )}</ul>
${d.figures.length ? html`<h2>${t('programmeFigures')}</h2><p class="note">${t('figuresPressNote')}</p>${pressFigures(d.figures, undefined)}` : null}
<h2>${t('latestNews')}</h2>${newsList(d.news, true)}`;
  return { locale, title: t('siteName'), description: t('siteDescription'), path: '/public', body };
}

export function programmePage(locale: Locale, d: Data<typeof portalProgramme>): Page {
  const { t, href } = view(locale);
  const path = `/public/programmes/${d.programme.id}`;
  const top = d.pairings.filter((p) => !p.parentId || !d.pairings.some((q) => q.id === p.parentId));
  const childrenOf = (id: string) => d.pairings.filter((p) => p.parentId === id);
  const item = (p: (typeof d.pairings)[number]): Html =>
    html`<li class="card"><h3><a href="${href(`/public/pairings/${p.id}`)}">${p.name}</a></h3>
<div class="meta">${t(`domain.pairingLevels.${p.level}`)} · ${t('pairingPublished', { news: p.newsCount, projects: p.projectCount })}</div>${
      childrenOf(p.id).length
        ? html`<div class="meta">${t('children')}：${childrenOf(p.id).map(
            (c, i) => html`${i ? '、' : ''}<a href="${href(`/public/pairings/${c.id}`)}">${c.name}</a>`,
          )}</div>`
        : null
    }</li>`;
  const body = html`<h1>${d.programme.name}</h1>
${d.programme.docNo ? html`<p class="intro">${t('docNo', { docNo: d.programme.docNo })}</p>` : null}
${d.programme.goals ? html`<p>${d.programme.goals}</p>` : null}
<h2>${t('pairings')}</h2><ul class="cards two">${top.map(item)}</ul>`;
  return {
    locale,
    title: `${d.programme.name} - ${t('siteName')}`,
    description: t('programmeDescription', { name: d.programme.name }),
    path,
    crumbs: [{ href: href(path), label: d.programme.name }],
    body,
  };
}

export function pairingPage(locale: Locale, d: Data<typeof portalPairing>): Page {
  const { t, href, demo, sideName, pressFigures, newsList } = view(locale);
  const path = `/public/pairings/${d.pairing.id}`;
  // The open-data downloads of the same records (CSV with a BOM for Excel, headed in the page's language).
  const openData = (dataset: 'projects' | 'figures') =>
    `/api/open/${dataset}.csv?pairing=${d.pairing.id}&lang=${locale}`;
  const programmePath = `/public/programmes/${d.programme.id}`;
  const computed = [
    { label: t('publishedProjectCount'), value: String(d.totals.count), unit: t('countUnit') },
    { label: t('signedTotal'), value: money(d.totals.signedWan), unit: '' },
    { label: t('arrivedTotal'), value: money(d.totals.arrivedWan), unit: '' },
  ];
  const body = html`<h1>${d.pairing.name}</h1>
<p class="meta">${t(`domain.pairingLevels.${d.pairing.level}`)}${d.pairing.startedOn ? html` · ${t('since', { date: day(d.pairing.startedOn) })}` : null}${
    d.parent ? html` · ${t('parent')}<a href="${href(`/public/pairings/${d.parent.id}`)}">${d.parent.name}</a>` : null
  }</p>
${
  d.children.length
    ? html`<p class="meta">${t('children')}：${d.children.map(
        (c, i) => html`${i ? '、' : ''}<a href="${href(`/public/pairings/${c.id}`)}">${c.name}</a>`,
      )}</p>`
    : null
}
<section id="figures-press"><h2>${t('figuresPress')}</h2><p class="note">${t('figuresPressNote')}</p>${
    d.figures.length ? pressFigures(d.figures, d.programme) : null
  }</section>
<section id="figures-computed"><h2>${t('figuresComputed')}</h2><p class="note">${t('figuresComputedNote', { date: chinaToday() })}</p>
<ul class="figs">${computed.map(
    (
      f,
    ) => html`<li class="card fig"><div><span class="tag computed">${t('labelComputed')}</span></div><h3>${f.label}</h3>
<div class="v">${f.value}<small>${f.unit}</small></div><div class="meta">${t('computedSource')} · <a href="#projects">${t('computedLink')}</a></div></li>`,
  )}</ul>
<p class="meta">${t('openDataLink')}：<a href="${openData('projects')}">${t('csvProjects')}</a> · <a href="${openData('figures')}">${t('csvFigures')}</a></p></section>
<section id="news"><h2>${t('news')}</h2>${newsList(d.news, d.children.length > 0)}</section>
<section id="projects"><h2>${t('projects')}</h2>${
    d.projects.length
      ? html`<ul class="cards two">${d.projects.map(
          (p) => html`<li class="card"><h3><a href="${href(`/public/projects/${p.id}`)}">${p.title}</a></h3>
<div class="meta">${demo(p.isDemo)}${p.landmark ? html`<span class="tag landmark">${t('landmark')}</span>` : null}${t(`domain.projectStages.${p.stage}`)} · ${p.hostRegionName}</div>${
            p.publicSummary ? html`<div>${p.publicSummary}</div>` : null
          }</li>`,
        )}</ul>`
      : html`<p class="note">${t('noProjects')}</p>`
  }</section>
<section id="parks"><h2>${t('parks')}</h2>${
    d.parks.length
      ? html`<ul class="cards two">${d.parks.map(
          (p) =>
            html`<li class="card"><h3>${p.name}</h3><div class="meta">${demo(p.isDemo)}${t(`domain.parkTypes.${p.type}`)} · ${p.hostRegionName}${
              p.establishedOn ? html` · ${t('established', { date: day(p.establishedOn) })}` : null
            }</div>${p.publicSummary ? html`<div>${p.publicSummary}</div>` : null}</li>`,
        )}</ul>`
      : html`<p class="note">${t('noParks')}</p>`
  }</section>
${
  d.results.length
    ? html`<section id="evaluation"><h2>${t('evaluation')}</h2><ul class="cards">${d.results.map(
        (
          r,
        ) => html`<li class="card"><h3>${r.roundTitle}${r.side !== 'both' ? html` · ${sideName(d.programme, r.side)}` : null}</h3>
<div>${t('roundResult', { score: r.score ?? '—', rank: r.rank ?? '—', total: r.subjects, grade: r.grade ?? '—' })}</div>
<div class="meta">${r.publishedAt ? t('roundPublished', { date: chinaToday(r.publishedAt) }) : null}</div></li>`,
      )}</ul></section>`
    : null
}`;
  return {
    locale,
    title: `${d.pairing.name} - ${t('siteName')}`,
    description: t('pairingDescription', { name: d.pairing.name }),
    path,
    crumbs: [
      { href: href(programmePath), label: d.programme.name },
      { href: href(path), label: d.pairing.name },
    ],
    body,
  };
}

export function newsPage(locale: Locale, d: Data<typeof portalNewsItem>): Page {
  const { t, href, demo, paragraphs } = view(locale);
  const path = `/public/news/${d.item.id}`;
  const pairingPath = `/public/pairings/${d.pairing.id}`;
  const body = html`<article><h1>${d.item.title}</h1>
<p class="meta">${demo(d.item.isDemo)}${day(d.item.newsDate)} · <a href="${href(pairingPath)}">${d.pairing.name}</a></p>
${paragraphs(d.item.body)}
${d.photos.map(
  (p, i) =>
    html`<figure><img src="/public/news/${d.item.id}/photos/${p.id}" alt="${t('photo', { n: i + 1 })}" loading="lazy"></figure>`,
)}</article>`;
  return {
    locale,
    title: `${d.item.title} - ${t('siteName')}`,
    description: d.item.body.replace(/\s+/g, ' ').slice(0, 120),
    path,
    crumbs: [
      { href: href(`/public/programmes/${d.programme.id}`), label: d.programme.name },
      { href: href(pairingPath), label: d.pairing.name },
    ],
    body,
  };
}

export function projectPage(locale: Locale, d: Data<typeof portalProject>): Page {
  const { t, href, demo } = view(locale);
  const p = d.project;
  const path = `/public/projects/${p.id}`;
  const pairingPath = `/public/pairings/${d.pairing.id}`;
  const body = html`<article><h1>${p.title}</h1>
<p class="meta">${demo(p.isDemo)}${p.landmark ? html`<span class="tag landmark">${t('landmark')}</span>` : null}<a href="${href(pairingPath)}">${d.pairing.name}</a></p>
${p.publicSummary ? html`<p>${p.publicSummary}</p>` : null}
<ul class="cards"><li class="card"><div>${t('stage')}：${t(`domain.projectStages.${p.stage}`)}</div><div>${t('host')}：${p.hostRegionName}</div>${
    p.signedOn
      ? html`<div>${t('signedOn')}：${day(p.signedOn)}</div><div>${t('signedWan')}：${money(p.signedWan)}</div>`
      : null
  }</li></ul></article>`;
  return {
    locale,
    title: `${p.title} - ${t('siteName')}`,
    description: (p.publicSummary ?? p.title).replace(/\s+/g, ' ').slice(0, 120),
    path,
    crumbs: [
      { href: href(`/public/programmes/${d.programme.id}`), label: d.programme.name },
      { href: href(pairingPath), label: d.pairing.name },
    ],
    body,
  };
}

export function notFoundPage(locale: Locale, path: string): Page {
  const { t, href } = view(locale);
  return {
    locale,
    title: `${t('notFoundTitle')} - ${t('siteName')}`,
    description: t('notFoundText'),
    path,
    body: html`<h1>${t('notFoundTitle')}</h1><p>${t('notFoundText')}</p><p><a href="${href('/public')}">${t('backHome')}</a></p>`,
  };
}

/** The answer past the portal's limit: in the page's language, then in the other one (a visitor may read either). */
export function tooManyPage(locale: Locale, path: string, seconds: number): Page {
  const { t, href } = view(locale);
  const other = portalText(locale === 'en' ? 'zh-CN' : 'en');
  return {
    locale,
    title: `${t('tooManyTitle')} - ${t('siteName')}`,
    description: t('tooManyText', { seconds }),
    path,
    body: html`<h1>${t('tooManyTitle')}</h1><p>${t('tooManyText', { seconds })}</p><p lang="${locale === 'en' ? 'zh-CN' : 'en'}">${other('tooManyTitle')}: ${other('tooManyText', { seconds })}</p><p><a href="${href('/public')}">${t('backHome')}</a></p>`,
  };
}
