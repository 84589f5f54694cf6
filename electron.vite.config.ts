import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Three main-process entries share one build: the Electron app (index), browser mode (serve),
// which never imports electron, and the worker thread both start for heavy reads (read-worker,
// loaded by file name next to them). better-sqlite3 stays external as a native module.
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/index.ts'),
          serve: resolve(__dirname, 'src-main/serve.ts'),
          'read-worker': resolve(__dirname, 'src-main/api/read-worker.ts'),
        },
        external: ['better-sqlite3', 'electron'],
      },
    },
  },
  preload: {
    build: { rollupOptions: { input: { preload: resolve(__dirname, 'src-main/shell/preload.ts') } } },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [react()],
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } } },
  },
});
