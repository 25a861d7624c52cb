import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { contract } from '../../../shared/contract/index.js';
import { createMenuTemplate } from '../../../electron/main/menu.js';
import { isTrustedSenderUrl } from '../../../electron/main/trusted-sender.js';
import { createWindowOptions } from '../../../electron/main/window-options.js';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security/csp.js';
import { renderApiDocs } from '../../../electron/tools/api-docs.js';

const root = path.resolve(import.meta.dirname, '../../..');

describe('Electron shell', () => {
  it('creates the window with every security setting on', () => {
    const options = createWindowOptions({ preloadPath: '/app/preload/index.cjs', title: 'ЦНАП' });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('has a strict CSP: no unsafe-eval, no remote origins, scripts only from our bundle', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('trusts only the main frame of our own page', () => {
    const trusted = { fileUrl: 'file:///opt/desk/out/renderer/index.html' };
    expect(isTrustedSenderUrl('file:///opt/desk/out/renderer/index.html', true, trusted)).toBe(true);
    expect(isTrustedSenderUrl('file:///opt/desk/out/renderer/index.html', false, trusted)).toBe(false);
    expect(isTrustedSenderUrl('file:///tmp/evil.html', true, trusted)).toBe(false);
    expect(isTrustedSenderUrl('https://example.com/', true, trusted)).toBe(false);
    expect(isTrustedSenderUrl('blob:file:///x', true, trusted)).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5173/', true, { devOrigin: 'http://localhost:5173' })).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5174/', true, { devOrigin: 'http://localhost:5173' })).toBe(false);
  });

  it('has a Ukrainian menu without developer tools in production', () => {
    const labels = JSON.stringify(createMenuTemplate(false));
    expect(labels).toContain('Файл');
    expect(labels).not.toContain('toggleDevTools');
    expect(JSON.stringify(createMenuTemplate(true))).toContain('toggleDevTools');
  });
});

describe('docs/api.md', () => {
  it('matches the contract (run `npm run docs:api` after changing a channel)', () => {
    const onDisk = readFileSync(path.join(root, 'docs', 'api.md'), 'utf8');
    expect(onDisk).toBe(renderApiDocs(contract));
  });
});

describe('electron-builder.yml', () => {
  const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
    nsis: Record<string, unknown>;
    asarUnpack: string[];
    win: { icon: string };
    linux: { icon: string; target: string[] };
    mac: { icon: string };
    directories: { buildResources: string };
  };

  it('packages the desk per machine with a Ukrainian installer', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.productName).toBe('ЦНАП — довідки');
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false });
    expect(config.nsis.installerLanguages).toContain('uk_UA');
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
  });

  it('names only files and folders that exist', () => {
    for (const file of [config.win.icon, config.linux.icon, config.mac.icon, config.directories.buildResources]) {
      expect(existsSync(path.join(root, file)), file).toBe(true);
    }
    for (const pattern of config.asarUnpack) {
      const folder = pattern.replace(/\/\*\*$/, '');
      expect(existsSync(path.join(root, folder)), folder).toBe(true);
    }
  });
});
