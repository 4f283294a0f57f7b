/**
 * The web app's Vite config (`vite build --config web/vite.config.ts`).
 * `dev:web` serves it with `/graphql` proxied to the API (API_URL, default
 * http://127.0.0.1:3000).
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  plugins: [svelte()],
  build: { outDir: 'build', emptyOutDir: true, assetsDir: 'assets', sourcemap: false },
  server: {
    host: '127.0.0.1',
    port: 5173,
    // The CSV export only: `/reports` itself is a page of the app.
    proxy: {
      '/graphql': { target: apiUrl, changeOrigin: true },
      '^/reports/.+\\.csv$': { target: apiUrl, changeOrigin: true },
      '/health': apiUrl,
      '/ready': apiUrl,
    },
  },
});
