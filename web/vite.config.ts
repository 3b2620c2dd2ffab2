import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the platform at `/`; in `vite dev` the API calls go to a running platform (npm start) on :8080.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Each route area is a lazy chunk; the charts library only loads with the dashboard.
    chunkSizeWarningLimit: 400,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
