import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The web app, built to dist/ and served by the API at / (apps/api/src/web-app.ts). In development `npx vite` proxies
 * the API of a running `npm start` on port 3000.
 */
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' } },
});
