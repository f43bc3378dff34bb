import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { initialJsBudget } from './build-tools/initial-js-budget';
import { securityHeaders } from './build-tools/security-headers';

// Dev server and `vite preview` share one setup: same host/port env vars, and /api + /health proxied to the API,
// so the browser always talks to a single origin (no CORS) whether it is served from source or from dist/.
const host = process.env.WEB_HOST || '127.0.0.1';
const port = Number(process.env.WEB_PORT) || 5173;
const apiTarget = process.env.API_URL || 'http://127.0.0.1:3000';

const proxy = {
  '/api': { target: apiTarget, changeOrigin: true },
  '/health': { target: apiTarget, changeOrigin: true },
};

/** What a first visit may download in JavaScript, gzipped, before the build fails. */
const INITIAL_JS_BUDGET_BYTES = 250_000;

/** The browser-safe domain rules, compiled from source with the app (the boundary rule keeps Node-only libs out). */
const domain = fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url));

export default defineConfig({
  plugins: [react(), initialJsBudget(INITIAL_JS_BUDGET_BYTES)],
  resolve: { alias: { '@candor/domain': domain } },
  server: { host, port, strictPort: true, proxy },
  preview: { host, port, strictPort: true, proxy, headers: securityHeaders },
  // The whole app is one initial chunk well under budget; the budget plugin guards the size instead.
  // No source maps: the production build does not publish its sources.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 800 },
});
