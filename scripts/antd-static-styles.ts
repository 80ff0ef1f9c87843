import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { THEME } from '../src/web/app/theme.ts';

/**
 * The antd components on every signed-in first screen before the dashboard's map is drawn: the frame, the title,
 * the counts, their placeholders and spinners, the pairing table's tags. Their styles are made at build time instead
 * of in the browser, where antd's CSS-in-JS made them before the map. The others (the menu and header tools, drawn
 * after the map; every other page's) keep runtime styles: the menu's alone would be 150 kB of CSS to parse first.
 */
async function firstScreenStyles(): Promise<string> {
  const [{ createElement: h }, { renderToString }, cssinjs, antd] = await Promise.all([
    import('react'),
    import('react-dom/server'),
    import('@ant-design/cssinjs'),
    import('antd'),
  ]);
  const { createCache, extractStyle, StyleProvider } = cssinjs.default ?? cssinjs;
  const { ConfigProvider, Layout, Skeleton, Space, Spin, Statistic, Tag, Typography } = antd.default ?? antd;
  const cache = createCache();
  const content = [h(Typography.Title, null, 'a'), h(Space, null, h(Statistic, { value: 1 }), h(Tag, null, 'a'))];
  const page = h(Layout.Content, null, ...content, h(Skeleton, { active: true }), h(Spin, null));
  const frame = h(Layout, null, h(Layout.Sider, null), h(Layout, null, h(Layout.Header, null), page));
  renderToString(h(StyleProvider, { cache }, h(ConfigProvider, { theme: THEME }, frame)));
  // Plain CSS, ending with the map of the styles it holds: antd reads it at its first style and makes only the others.
  return extractStyle(cache, { plain: true, types: ['style'] });
}

/**
 * Writes the first screen's antd styles to a hashed stylesheet linked from index.html, ahead of the app's own CSS
 * (as antd puts its runtime styles first). Production builds only: antd names its classes differently otherwise,
 * and the browser would make every style again.
 */
export function antdStaticStyles(): Plugin {
  let css = '';
  let fileName = '';
  return {
    name: 'duikou-antd-static-styles',
    apply: 'build',
    async buildStart() {
      if (process.env.NODE_ENV !== 'production') {
        this.warn(`NODE_ENV is ${process.env.NODE_ENV}: the first screen's antd styles are left to the browser`);
        return;
      }
      css = await firstScreenStyles();
      fileName = `assets/antd-${createHash('sha256').update(css).digest('base64url').slice(0, 8)}.css`;
    },
    transformIndexHtml: {
      order: 'post',
      handler: () =>
        fileName ? [{ tag: 'link', attrs: { rel: 'stylesheet', href: `/${fileName}` }, injectTo: 'head-prepend' }] : [],
    },
    generateBundle() {
      if (fileName) this.emitFile({ type: 'asset', fileName, source: css });
    },
  };
}
