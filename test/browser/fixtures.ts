import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import type { InputOf, OutputOf } from '../../shared/contract/define.js';
import type { ChannelName, Contract } from '../../shared/contract/index.js';

export interface DeskFixture {
  /** The bridge URL with its token: open it to get the desk. */
  readonly url: string;
  /** A fresh register folder for this test. */
  readonly dataDir: string;
  /** Everything the bridge printed, for failure reports. */
  readonly log: () => string;
}

const projectRoot = path.resolve(import.meta.dirname, '../..');

/** Starts `npm run serve`'s code on a fresh data folder and a free port; stops it after the test. */
async function startBridgeProcess(dataDir: string, extraArgs: string[]): Promise<{ child: ChildProcess; url: string; output: string[] }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/launcher/serve.ts', '--data-dir', dataDir, '--port', '0', '--no-build', ...extraArgs],
    { cwd: projectRoot, env: { ...process.env, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bridge did not start:\n${output.join('')}`)), 45_000);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString('utf8'));
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output.join(''));
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bridge exited with ${code}:\n${output.join('')}`));
    });
  });
  return { child, url, output };
}

const CSP_MARK = 'CSP violation:';

export const test = base.extend<{ desk: DeskFixture; deskArgs: string[] }>({
  deskArgs: [[], { option: true }],
  // The window's CSP allows no inline script and no eval: any refusal the page meets fails the test.
  page: async ({ page }, use) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      const text = message.text();
      if (text.startsWith(CSP_MARK) || text.includes('Content Security Policy')) violations.push(text);
    });
    await page.addInitScript((mark) => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`${mark} ${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
      });
    }, CSP_MARK);
    await use(page);
    expect(violations, 'the page met its Content-Security-Policy').toEqual([]);
  },
  desk: async ({ deskArgs }, use, testInfo) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-'));
    const { child, url, output } = await startBridgeProcess(dataDir, deskArgs);
    await use({ url, dataDir, log: () => output.join('') });
    child.kill('SIGTERM');
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('bridge.log', { body: output.join(''), contentType: 'text/plain' });
    }
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/**
 * Saves a screenshot as a test artifact (test-results/screens/<name>.png) to look at: the full page,
 * or with `fullPage: false` the window as the administrator sees it (e.g. with a popover open).
 */
export async function saveScreen(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<string> {
  const file = path.join(projectRoot, 'test-results', 'screens', `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/**
 * Types a date into a date field as a person does (day first: `9.3.1980`, `09031980`, …), leaves
 * the field and checks what it then shows (dd.mm.yyyy).
 */
export async function typeDate(field: Locator, typed: string, shown: string = typed): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.pressSequentially(typed);
  await field.blur();
  await expect(field).toHaveValue(shown);
}

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; messageKey: string } };
export type PageCall = <N extends ChannelName>(channel: N, input: InputOf<Contract[N]>) => Promise<OutputOf<Contract[N]>>;

/** Calls a channel from inside the page, with its bridge token and its tab session (so a login here logs the page in). */
export function pageCall(page: Page): PageCall {
  return async (channel, input) => {
    const envelope = await page.evaluate(
      async ({ channel, input }) => {
        const response = await fetch(`/api/${channel}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Authorization: `Bearer ${sessionStorage.getItem('desk.token') ?? ''}`,
            'X-Desk-Session': sessionStorage.getItem('desk.session') ?? '',
          },
          body: JSON.stringify(input),
        });
        return (await response.json()) as Envelope;
      },
      { channel, input: input as unknown },
    );
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.messageKey}`);
    return envelope.value as never;
  };
}
