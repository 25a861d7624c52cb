import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/contract/errors.js';
import { EXCHANGE_UPLOAD_MAX_BYTES } from '../../../shared/contract/channels/exchange.js';
import en from '../../../shared/i18n/exchange.en.js';
import uk from '../../../shared/i18n/exchange.uk.js';
import { readFileAsBase64 } from '../../../renderer/src/screens/exchange/exchange-files.js';

/** A file the bridge cannot carry is refused in the window with the exact command that imports it. */

function fileOf(size: number, name: string): File {
  return new File([new Uint8Array(size)], name);
}

function sentence(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => String(params[key]));
}

describe('a bundle larger than the window takes', () => {
  it('is refused with the command line to run, the file named, in both languages', async () => {
    const name = 'VRM-01_2026-09-01_2026-11-24_0007.cnapbundle';
    const refused = await readFileAsBase64(fileOf(EXCHANGE_UPLOAD_MAX_BYTES + 1, name), 'import-bundle').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DeskError);
    const { messageKey, params } = refused as DeskError;
    expect(messageKey).toBe('errors.exchange.tooLarge');
    for (const strings of [uk, en]) {
      const text = sentence(strings.errors.exchange.tooLarge, params ?? {});
      expect(text).toContain(`npm run cli -- import-bundle --data-dir DIR --login LOGIN --file "`);
      expect(text).toContain(`${name}"`);
      expect(text).not.toMatch(/\{\{|undefined/);
    }
  });

  it('passes a file at the limit', async () => {
    const encoded = await readFileAsBase64(fileOf(EXCHANGE_UPLOAD_MAX_BYTES, 'small.cnapbundle'), 'import-bundle');
    expect(encoded.length).toBe(Math.ceil(EXCHANGE_UPLOAD_MAX_BYTES / 3) * 4);
  });
});
