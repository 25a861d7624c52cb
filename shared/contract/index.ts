import type { ChannelMap } from './define.js';
import { appChannels } from './channels/app.js';
import { authChannels } from './channels/auth.js';
import { setupChannels } from './channels/setup.js';

/** Every IPC channel of the desk, defined once; preload, main, bridge and renderer all use this map. */
export const contract = {
  ...appChannels,
  ...setupChannels,
  ...authChannels,
} as const satisfies ChannelMap;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;

export const channelNames = Object.keys(contract) as ChannelName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** `journal.search` → ['journal', 'search']; `directories.bodies.list` → ['directories', 'bodies.list']. */
export function splitChannelName(name: string): [area: string, rest: string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}
