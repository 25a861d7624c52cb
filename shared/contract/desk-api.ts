import type { InputOf, OutputOf } from './define.js';
import type { Envelope } from './errors.js';
import type { ChannelName, Contract } from './index.js';

type AreaOf<K extends string> = K extends `${infer A}.${string}` ? A : never;
type RestOf<K extends string, A extends string> = K extends `${A}.${infer R}` ? R : never;
type Full<A extends string, R extends string> = Extract<`${A}.${R}`, ChannelName>;

/**
 * What the preload exposes as `window.desk`: one async function per channel, grouped by area
 * (`journal.search` → `window.desk.journal.search(input)`), each resolving to an envelope.
 */
export type DeskApi = {
  readonly [A in AreaOf<ChannelName>]: {
    readonly [R in RestOf<ChannelName, A>]: (
      input: InputOf<Contract[Full<A, R>]>,
    ) => Promise<Envelope<OutputOf<Contract[Full<A, R>]>>>;
  };
};

/** The IPC channel Electron carries a contract channel on; the prefix keeps ours apart. */
export const IPC_PREFIX = 'desk:';
