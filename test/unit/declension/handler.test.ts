import { describe, expect, it } from 'vitest';
import { declensionChannels } from '../../../shared/contract/channels/declension.js';
import { declensionHandlers } from '../../../electron/app/handlers/declension.js';
import { createDecliner } from '../../../electron/declension/decliner.js';
import type { HandlerContext } from '../../../electron/ipc/handler-types.js';

const ctx: HandlerContext = {
  user: { userId: 'u1', login: 'admin', fullName: 'Адміністратор', role: 'admin', officeId: 'o1' },
  sessionKey: 's1',
  transport: 'bridge',
};

describe('declension.decline channel', () => {
  const channel = declensionChannels['declension.decline'];
  const handle = declensionHandlers(createDecliner())['declension.decline'];

  it('is open to every staff role and changes nothing', () => {
    expect(channel.access).toEqual(['head', 'admin', 'remote_admin']);
    expect(channel.mutates).toBe(false);
  });

  it('declines through the handler and returns what the output schema accepts', async () => {
    const input = channel.input.parse({ familyName: 'Українка', givenName: 'Леся' });
    const output = await handle(input, ctx);
    expect(channel.output.parse(output)).toEqual({
      gender: 'female',
      nominative: 'Українка Леся',
      dative: 'Українці Лесі',
      genitive: 'Українки Лесі',
    });
  });

  it('passes the administrator’s choice of gender through', async () => {
    const input = channel.input.parse({ familyName: 'Бойко', givenName: 'Саша', gender: 'female' });
    await expect(handle(input, ctx)).resolves.toMatchObject({ gender: 'female', genitive: 'Бойко Саші' });
  });

  it('rejects unknown fields', () => {
    expect(channel.input.safeParse({ familyName: 'Бойко', givenName: 'Саша', age: 3 }).success).toBe(false);
  });
});
