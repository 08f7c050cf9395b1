import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app: src/web is the Vite root, the build lands in dist/web, where the Fastify server
 * serves it (src/server/routes/web-app.ts). In development, `npx vite` proxies /api to a server
 * started with `npm start` on port 3000, so the session cookie stays same-origin.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // The page must load with script-src 'self' and style-src 'self': no inlined data: scripts.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 700,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
