import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Dev server and `vite preview` share one setup: same host/port env vars, and /api + /health proxied to the API,
// so the browser always talks to a single origin (no CORS) whether it is served from source or from dist/.
const host = process.env.WEB_HOST || '127.0.0.1';
const port = Number(process.env.WEB_PORT) || 5173;
const apiTarget = process.env.API_URL || 'http://127.0.0.1:3000';

const proxy = {
  '/api': { target: apiTarget, changeOrigin: true },
  '/health': { target: apiTarget, changeOrigin: true },
};

export default defineConfig({
  plugins: [react()],
  server: { host, port, strictPort: true, proxy },
  preview: { host, port, strictPort: true, proxy },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
