import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  readonly preloadPath: string;
  readonly title: string;
}

/**
 * Every security-relevant window setting in one pure function, so a test can check them all:
 * the renderer runs sandboxed, isolated from the preload, with no Node, and same-origin rules on.
 */
export function createWindowOptions({ preloadPath, title }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 700,
    title,
    show: false,
    backgroundColor: '#f5f6f8',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // The built-in PDF viewer shows certificate previews from blob: URLs we create ourselves.
      plugins: true,
    },
  };
}
