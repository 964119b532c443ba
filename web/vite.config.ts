import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The C++ server serves web/dist with an SPA fallback and a strict CSP
// (script-src 'self', no inline scripts): keep every script an external module file.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
  server: {
    // `npm run dev` against a locally running server
    proxy: {
      '/api': process.env.TERMINTREU_URL ?? 'http://127.0.0.1:18090',
    },
  },
});
