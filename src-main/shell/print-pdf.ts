import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow, ipcMain } from 'electron';

/**
 * Printing a document the main process rendered: the PDF is written to a temp file, loaded in
 * a hidden window and sent to the system print dialog, or silently to a named printer (the
 * counter's receipt printer). Only PDFs this app made reach here, as base64 from the renderer.
 */
export function registerPrinting(isOwnFrame: (event: Electron.IpcMainInvokeEvent) => boolean): void {
  ipcMain.handle('stockist:print', async (event, base64: unknown, options: unknown) => {
    if (!isOwnFrame(event) || typeof base64 !== 'string') return { ok: false, error: 'Refused' };
    const { silent = false, deviceName = '' } = (options ?? {}) as { silent?: boolean; deviceName?: string };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'stockist-print-')), 'document.pdf');
    fs.writeFileSync(file, Buffer.from(base64, 'base64'));
    const window = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    try {
      await window.loadFile(file);
      return await new Promise<{ ok: boolean; error?: string }>((resolve) => {
        window.webContents.print(
          { silent: Boolean(silent), deviceName: deviceName || undefined, printBackground: true },
          (success, failureReason) => resolve({ ok: success, error: success ? undefined : failureReason }),
        );
      });
    } finally {
      window.destroy();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
  ipcMain.handle('stockist:printers', async (event) =>
    isOwnFrame(event) ? (await event.sender.getPrintersAsync()).map((p) => p.name) : [],
  );
}
