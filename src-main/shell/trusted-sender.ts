import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { originOf } from './app-protocol';

/**
 * Only the app's own page may call the main process: the top frame, whose origin is exactly the
 * one the window was loaded from (app://stockist, or the dev server while developing). Compared
 * whole, never as a prefix or substring: app://stockist.evil and file:// URLs that merely
 * contain the app's folder are different senders.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, trustedOrigin: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return originOf(frame.url) === trustedOrigin;
}

/**
 * ipcMain.handle with the sender check in front. A refused call is logged and not answered: the
 * listener never runs and the renderer's invoke rejects with no data.
 */
export function handleTrusted(
  channel: string,
  trustedOrigin: string,
  listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown,
): void {
  ipcMain.handle(channel, (event, ...args: unknown[]) => {
    if (!isTrustedSender(event, trustedOrigin)) {
      console.warn(`Refused IPC ${channel} from ${event.senderFrame?.url || 'an unknown frame'}`);
      throw new Error('Refused');
    }
    return listener(event, ...args);
  });
}
