import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './electron/security/csp.js';

/** The window loads index.html from disk, where only a meta tag can carry the CSP. */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'desk-csp-meta',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * electron-vite reads Electron's major version from node_modules/electron, which an npm without
 * `allowScripts` leaves out when Electron's download fails (electron is optional): the lock's
 * pinned version, the same one npm installs, then says it instead.
 */
function pinnedElectronMajor(): string {
  const lock = JSON.parse(readFileSync(resolve('package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  const version = lock.packages['node_modules/electron']?.version;
  if (version === undefined) throw new Error('package-lock.json pins no electron version');
  return version.split('.')[0] ?? version;
}

process.env.ELECTRON_MAJOR_VER ??= pinnedElectronMajor();

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('electron/main/index.ts') } },
    },
  },
  preload: {
    // Sandboxed preloads cannot be ES modules and cannot require packages: one CommonJS bundle.
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('renderer/index.html') },
      chunkSizeWarningLimit: 3000,
    },
  },
});
