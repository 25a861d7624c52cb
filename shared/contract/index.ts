import type { ChannelMap } from './define.js';
import { appChannels } from './channels/app.js';
import { auditChannels } from './channels/audit.js';
import { authChannels } from './channels/auth.js';
import { backupChannels } from './channels/backup.js';
import { declensionChannels } from './channels/declension.js';
import { directoriesChannels } from './channels/directories.js';
import { documentsChannels, printingChannels } from './channels/documents.js';
import { entriesChannels, issuingChannels } from './channels/entries.js';
import { exchangeChannels } from './channels/exchange.js';
import { jobsChannels } from './channels/jobs.js';
import { journalChannels } from './channels/journal.js';
import { journalsChannels } from './channels/journals.js';
import { customKindsChannels, kindDecisionsChannels } from './channels/kinds.js';
import { officesChannels } from './channels/offices.js';
import { reportsChannels } from './channels/reports.js';
import { registerChannels } from './channels/register.js';
import { requisitesChannels } from './channels/requisites.js';
import { settingsChannels } from './channels/settings.js';
import { setupChannels } from './channels/setup.js';
import { templatesChannels } from './channels/templates.js';
import { usersChannels } from './channels/users.js';

/** Every IPC channel of the desk, defined once; preload, main, bridge and renderer all use this map. */
export const contract = {
  ...appChannels,
  ...setupChannels,
  ...authChannels,
  ...usersChannels,
  ...officesChannels,
  ...journalsChannels,
  ...settingsChannels,
  ...requisitesChannels,
  ...entriesChannels,
  ...issuingChannels,
  ...journalChannels,
  ...auditChannels,
  ...backupChannels,
  ...registerChannels,
  ...directoriesChannels,
  ...templatesChannels,
  ...customKindsChannels,
  ...kindDecisionsChannels,
  ...declensionChannels,
  ...printingChannels,
  ...documentsChannels,
  ...exchangeChannels,
  ...reportsChannels,
  ...jobsChannels,
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
