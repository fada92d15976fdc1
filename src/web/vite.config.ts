import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The web app: built into dist/web, which the server serves with an SPA fallback. */
export default defineConfig({
  root: here,
  plugins: [react()],
  build: {
    outDir: path.resolve(here, '../../dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `vite --config src/web/vite.config.ts` during development, with the API on port 3000.
    proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' },
  },
});
