import type { Envelope } from '../../../shared/contract/errors.js';
import type { DeskChannel, DeskInput, DeskOutput } from './contract.js';

type AreaOf<K extends string> = K extends `${infer Area}.${string}` ? Area : never;

/** What the Electron preload exposes: `window.desk.<area>.<rest of the channel name>(input)`. */
export type DeskBridge = {
  readonly [Area in AreaOf<DeskChannel>]: {
    readonly [K in DeskChannel as K extends `${Area}.${infer Rest}` ? Rest : never]: (
      input: DeskInput<K>,
    ) => Promise<Envelope<DeskOutput<K>>>;
  };
};

declare global {
  interface Window {
    /** Present only inside the Electron window; the browser bridge is used otherwise. */
    readonly desk?: DeskBridge;
  }
}
