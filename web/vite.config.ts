import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The UI is served by the cyberframe binary: index.html at /, hashed files under /assets/.
// `npm run dev` proxies the API to a running `cyberframe serve` (CYBERFRAME_API, default :8080).
export default defineConfig({
  plugins: [svelte()],
  base: '/',
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    reportCompressedSize: false,
  },
  server: {
    proxy: { '/api': process.env.CYBERFRAME_API ?? 'http://127.0.0.1:8080' },
  },
});
