import { contextBridge, ipcRenderer } from 'electron';
import { IPC_PREFIX, type DeskApi } from '../../shared/contract/desk-api.js';
import { channelNames, splitChannelName } from '../../shared/contract/index.js';

/**
 * The whole surface the page gets: one invoke-style function per contract channel. Nothing else
 * from Electron or Node crosses, and the main process validates whatever the page sends anyway.
 */
function buildDeskApi(): DeskApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const name of channelNames) {
    const [area, rest] = splitChannelName(name);
    const group = (api[area] ??= {});
    group[rest] = (input: unknown) => ipcRenderer.invoke(IPC_PREFIX + name, input);
  }
  return api as unknown as DeskApi;
}

contextBridge.exposeInMainWorld('desk', buildDeskApi());
