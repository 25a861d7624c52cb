import { createHmac } from 'node:crypto';
import { DeskError } from '../../shared/contract/errors.js';
import type { KeyStore } from '../documents/verification.js';
import { addSettingIfAbsent, getSetting } from '../register/index.js';
import type { Sql } from '../register/sql.js';

/**
 * Several workstations on one register (PostgreSQL) must share one `keys/` folder: the short
 * check codes are made with its secret and the QR codes signed with its office keys. A
 * workstation started without the folder makes keys of its own; what it printed would fail
 * verification elsewhere, and it would call the other workstations' documents forged. So the
 * register keeps a witness of the keys the first workstation printed with — a keyed hash of
 * the secret, which reveals nothing of it — and every workstation compares its own with it.
 */

const WITNESS_SETTING = 'key_witness';

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

export function keysOfRegister(db: Sql, keyStore: KeyStore): KeysOfRegister {
  // Once found the same, they stay the same while the desk runs (the folder is read at start).
  let confirmed = false;

  async function storedWitness(mine: string, record: boolean): Promise<unknown> {
    const stored = await getSetting(db, WITNESS_SETTING);
    if (stored !== undefined || !record) return stored;
    try {
      await addSettingIfAbsent(db, WITNESS_SETTING, mine);
    } catch (error) {
      // A register on read-only media still prints: the witness waits for a writable one.
      if (error instanceof DeskError && error.code === 'storage') return undefined;
      throw error;
    }
    // Another workstation may have stored its witness first: read what was kept.
    return getSetting(db, WITNESS_SETTING);
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
