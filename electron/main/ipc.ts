import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_PREFIX } from '../../shared/contract/desk-api.js';
import { DeskError } from '../../shared/contract/errors.js';
import type { Dispatcher } from '../ipc/dispatch.js';
import { isTrustedSenderUrl, type TrustedRenderer } from './trusted-sender.js';

/** The only place main touches `ipcMain`: one handler per contract channel, all through the dispatcher. */
export function registerIpcHandlers(ipcMain: IpcMain, dispatcher: Dispatcher, trusted: TrustedRenderer): void {
  for (const channel of dispatcher.channels) {
    ipcMain.handle(IPC_PREFIX + channel, (event: IpcMainInvokeEvent, input: unknown) => {
      const frame = event.senderFrame;
      if (!frame || !isTrustedSenderUrl(frame.url, frame.parent === null, trusted)) {
        return { ok: false, error: new DeskError('forbidden_sender', 'errors.forbidden_sender').toShape() };
      }
      return dispatcher.dispatch(channel, input, { sessionKey: `ipc:${event.sender.id}`, transport: 'ipc' });
    });
  }
}
