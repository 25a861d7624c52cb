import type { appChannels } from '../../../shared/contract/channels/app.js';
import type { HandlerMap } from '../../ipc/handler-types.js';

export interface AppInfo {
  readonly version: string;
  readonly schemaVersion: number;
  readonly trainingMode: boolean;
  readonly trainingLogin?: { readonly login: string; readonly password: string } | undefined;
}

export function appHandlers(info: AppInfo): HandlerMap<typeof appChannels> {
  return {
    'app.info': async () => ({
      name: 'ЦНАП — довідки',
      version: info.version,
      schemaVersion: info.schemaVersion,
      languages: ['uk', 'en'],
      trainingMode: info.trainingMode,
      ...(info.trainingMode && info.trainingLogin ? { trainingLogin: { ...info.trainingLogin } } : {}),
    }),
  };
}
