import type { Locale } from '../../../common/i18n/messages.ts';
import { html } from '../portal/html.ts';
import { portalHref, type PortalPage, portalText } from '../portal/public-shell.ts';
import { openDataDictionary } from './open-data-dictionary.ts';

/** The public data page (/public/data): what may be downloaded, in which formats, and the data dictionary. */
export function openDataPage(locale: Locale): Omit<PortalPage, 'publicUrl'> {
  const t = portalText(locale);
  const o = (key: string) => t(`ui.openData.${key}`);
  const pick = (b: { zh: string; en: string }) => (locale === 'en' ? b.en : b.zh);
  const { datasets } = openDataDictionary();
  const downloads = datasets.map(
    (d) => html`<li class="card"><h3>${pick(d.title)}</h3><div>${pick(d.description)}</div>
<div class="meta"><a href="${`${d.downloads.csv}?lang=${locale}`}" download data-testid="${`open-${d.id}-csv`}">${o('downloadCsv')}</a> · <a href="${d.downloads.json}">${o('downloadJson')}</a> · <a href="${`#${d.id}`}">${o('dictionary')}</a></div></li>`,
  );
  const dictionary = datasets.map(
    (d) =>
      html`<h3 id="${d.id}">${pick(d.title)}</h3><ul class="cards">${d.fields.map(
        (f) => html`<li class="card"><h3>${pick(f.label)} <small class="meta"><code>${f.name}</code></small></h3>
<div class="meta">${o('columns.type')}：${o(`types.${f.type}`)}${f.unit ? html` · ${o('columns.unit')}：${pick(f.unit)}` : null}${
          f.nullable ? html` · ${o('columns.nullable')}` : null
        }</div><div>${pick(f.definition)}</div></li>`,
      )}</ul>`,
  );
  const body = html`<h1>${o('pageTitle')}</h1><p class="intro">${o('intro')}</p>
<h2>${o('downloads')}</h2><ul class="cards two">${downloads}
<li class="card"><h3>${o('iati')}</h3><div>${o('iatiNote')}</div><div class="meta"><a href="/api/open/iati.xml">iati-activities.xml</a></div></li></ul>
<p class="note">${o('apiNote')}</p>
<h2>${o('dictionary')}</h2>${dictionary}`;
  return {
    locale,
    title: `${o('pageTitle')} · ${t('siteName')}`,
    description: o('pageDescription'),
    path: '/public/data',
    crumbs: [{ href: portalHref('/public/data', locale), label: o('pageTitle') }],
    body,
  };
}
