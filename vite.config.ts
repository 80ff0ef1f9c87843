import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { antdStaticStyles } from './scripts/antd-static-styles.ts';
import { earlyScript } from './scripts/early-script.ts';
import { precompress } from './scripts/precompress.ts';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.DUIKOU_API ?? 'http://localhost:3000';

/**
 * The web app lives in src/web and builds to dist/web, which the server serves (src/server/app.ts).
 * Every text file of the build gets .br and .gz copies beside it (scripts/precompress.ts), served as they are.
 * The first screen's antd styles are made at build time (scripts/antd-static-styles.ts); a small first script makes
 * the page load's first requests while the app's code downloads (scripts/early-script.ts).
 * During development `npx vite` proxies the API and the map files to a running server.
 */
export default defineConfig({
  root: `${repoRoot}src/web`,
  publicDir: false,
  plugins: [react(), earlyScript(repoRoot), antdStaticStyles(), precompress()],
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/maps': { target: apiTarget, changeOrigin: false },
    },
  },
});
