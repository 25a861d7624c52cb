import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDecliner } from '../../../electron/declension/decliner.js';

/**
 * The desk runs at starosta offices with no network for days: the declension library's TensorFlow
 * model must load from the package itself. This file runs in its own worker, so the first decline
 * here is the one that loads the model.
 */
describe('declension offline', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('loads the library and its model without touching the network', async () => {
    const fetchSpy = vi.fn(() => Promise.reject(new Error('network is off')));
    vi.stubGlobal('fetch', fetchSpy);
    const decliner = createDecliner();
    // Surnames in -ий (men) and -а (women) are the ones the library sends through its neural
    // classifier (noun or adjective?), so these two force the model to load.
    const man = await decliner.decline({ familyName: 'Хвильовий', givenName: 'Микола', patronymic: 'Григорович' });
    const woman = await decliner.decline({ familyName: 'Теліга', givenName: 'Олена', patronymic: 'Іванівна' });
    expect(man.genitive).toBe('Хвильового Миколи Григоровича');
    expect(woman.dative).toBe('Телізі Олені Іванівні');
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
