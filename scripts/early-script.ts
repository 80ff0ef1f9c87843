import type { Plugin } from 'vite';

/**
 * src/web/early.ts as a second entry of the build, linked from index.html ahead of the app's entry. Module scripts run
 * in document order but each as soon as its own imports are here, so this one (its imports ~30 kB compressed, shared
 * with the app) makes the page load's first requests while the app's code still downloads. In development it is
 * linked as a source file.
 */
export function earlyScript(root: string): Plugin {
  return {
    name: 'duikou-early-script',
    config: () => ({
      build: { rolldownOptions: { input: { index: `${root}src/web/index.html`, early: `${root}src/web/early.ts` } } },
    }),
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        let src = '/early.ts';
        if (ctx.bundle) {
          const chunk = Object.values(ctx.bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'early');
          if (!chunk) return [];
          src = `/${chunk.fileName}`;
        }
        return [{ tag: 'script', attrs: { type: 'module', crossorigin: true, src }, injectTo: 'head-prepend' }];
      },
    },
  };
}
