import crypto from 'node:crypto';
import fs from 'node:fs';
import { type Locale, translate } from '../../../common/i18n/messages.ts';
import { repoPath } from '../../repo-path.ts';
import { type Html, html } from './html.ts';

/*
 * The frame of every public page (/public…): head with title, description and canonical address, the site's
 * header with the language switch, breadcrumbs, the footer. No script at all; one small stylesheet kept a year
 * under a name that carries its content's hash. Other modules' public pages (open data's dictionary) use it too.
 */

export const portalCss = fs.readFileSync(repoPath('resources', 'portal', 'portal.css'), 'utf8');
export const PORTAL_CSS_PATH = `/public/portal.${crypto.createHash('sha256').update(portalCss).digest('hex').slice(0, 10)}.css`;

/** The portal speaks Chinese unless the address asks for English (`?lang=en`), so each language has its own URL. */
export const portalLocale = (lang: string | undefined): Locale => (lang === 'en' ? 'en' : 'zh-CN');

/** A text of the portal's catalogue (ui.portal.*), or of another part of the catalogues with a full key. */
export function portalText(locale: Locale) {
  return (key: string, params: Record<string, string | number> = {}) =>
    translate(locale, key.includes('.') ? key : `ui.portal.${key}`, params);
}

/** The address of a public page in the page's language. */
export const portalHref = (path: string, locale: Locale) => (locale === 'en' ? `${path}?lang=en` : path);

export interface PortalPage {
  locale: Locale;
  title: string;
  description: string;
  /** The page's path without the language, e.g. /public/pairings/<id>. */
  path: string;
  /** The site's address as the public reaches it (config PUBLIC_URL), for canonical links. */
  publicUrl: string;
  crumbs?: { href: string; label: string }[];
  body: Html;
}

export function portalPage(p: PortalPage): string {
  const t = portalText(p.locale);
  const other: Locale = p.locale === 'en' ? 'zh-CN' : 'en';
  const base = p.publicUrl.replace(/\/$/, '');
  const crumbs = p.crumbs?.length
    ? html`<nav class="crumbs" aria-label="breadcrumb"><a href="${portalHref('/public', p.locale)}">${t('home')}</a>${p.crumbs.map(
        (c) => html` › <a href="${c.href}">${c.label}</a>`,
      )}</nav>`
    : null;
  const page = html`<!doctype html>
<html lang="${p.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${p.title}</title>
<meta name="description" content="${p.description}">
<link rel="canonical" href="${base}${portalHref(p.path, p.locale)}">
<link rel="alternate" hreflang="zh-CN" href="${base}${p.path}">
<link rel="alternate" hreflang="en" href="${base}${p.path}?lang=en">
<link rel="stylesheet" href="${PORTAL_CSS_PATH}">
<link rel="icon" href="data:,">
</head>
<body>
<a class="skip" href="#main">${t('skip')}</a>
<header class="site"><div class="in"><a class="name" href="${portalHref('/public', p.locale)}">${t('siteName')}</a><a href="${portalHref(p.path, other)}" lang="${other}" title="${t('switchLangTitle')}">${t('switchLang')}</a></div></header>
<main id="main">
${crumbs}
${p.body}
</main>
<footer><div class="in">${t('footer')} · <a href="${portalHref('/public/data', p.locale)}">${t('ui.openData.pageTitle')}</a> · <a href="/">${t('staffLogin')}</a></div></footer>
</body>
</html>
`;
  return page.text;
}
