import { contract } from '../../../shared/contract/index.js';
import type { InputOf, OutputOf } from '../../../shared/contract/define.js';

/** The channel map the renderer calls: the shared contract itself, so a screen cannot call what main does not serve. */
export const deskContract = contract;

export type DeskContract = typeof deskContract;
export type DeskChannel = keyof DeskContract & string;
export type DeskInput<K extends DeskChannel> = InputOf<DeskContract[K]>;
export type DeskOutput<K extends DeskChannel> = OutputOf<DeskContract[K]>;
