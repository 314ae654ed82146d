import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev:console`: hot reload against a running server (SWITCHYARD_URL, default the `npm start` one).
const api = process.env.SWITCHYARD_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: {
    // graphql-ws and urql must share one graphql (its ESM build) in the bundle.
    dedupe: ['graphql'],
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: api, ws: true },
      '/api': api,
      '/health': api,
    },
  },
});
