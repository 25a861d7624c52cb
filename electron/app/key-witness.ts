import { createHmac } from 'node:crypto';
import { DeskError } from '../../shared/contract/errors.js';
import type { KeyStore } from '../documents/verification.js';
import type { SettingsService } from '../register/services/settings.js';

/**
 * Several workstations on one register (PostgreSQL) must share one `keys/` folder: the short
 * check codes are made with its secret and the QR codes signed with its office keys. A
 * workstation started without the folder makes keys of its own; what it printed would fail
 * verification elsewhere, and it would call the other workstations' documents forged. So the
 * register keeps a witness of the keys the first workstation printed with — a keyed hash of
 * the secret, which reveals nothing of it — and every workstation compares its own with it.
 */

export type KeysVerdict = 'same' | 'different' | 'unknown';

export interface KeysOfRegister {
  /** Compares this workstation's keys with the register's witness; `record` stores ours if there is none yet. */
  verdict(options: { record: boolean }): Promise<KeysVerdict>;
  /** Refuses with a message for the administrator and IT when the keys differ. */
  assertSame(options: { record: boolean }): Promise<void>;
}

export function keyWitness(keyStore: KeyStore): string {
  return createHmac('sha256', keyStore.shortCodeSecret()).update('cnap-desk key witness v1').digest('hex').slice(0, 32);
}

/** Built once per desk: printing and verification share it, and with it what was found. */
export function keysOfRegister(settings: Pick<SettingsService, 'storedKeyWitness' | 'recordKeyWitness'>, keyStore: KeyStore): KeysOfRegister {
  // Once found the same, they stay the same while the desk runs (the folder is read at start).
  let confirmed = false;

  async function storedWitness(mine: string, record: boolean): Promise<unknown> {
    const stored = await settings.storedKeyWitness();
    if (stored !== undefined || !record) return stored;
    try {
      await settings.recordKeyWitness(mine);
    } catch (error) {
      // A register on read-only media still prints: the witness waits for a writable one.
      if (error instanceof DeskError && error.code === 'storage') return undefined;
      throw error;
    }
    // Another workstation may have stored its witness first: read what was kept.
    return settings.storedKeyWitness();
  }

  async function verdict({ record }: { record: boolean }): Promise<KeysVerdict> {
    if (confirmed) return 'same';
    const mine = keyWitness(keyStore);
    const stored = await storedWitness(mine, record);
    if (stored === undefined) return 'unknown';
    confirmed = stored === mine;
    return confirmed ? 'same' : 'different';
  }

  return {
    verdict,
    async assertSame(options) {
      if ((await verdict(options)) === 'different') throw new DeskError('conflict', 'errors.documents.keysOfAnotherWorkstation');
    },
  };
}
