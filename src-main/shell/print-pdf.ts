import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow } from 'electron';
import { handleTrusted } from './trusted-sender';

/**
 * Printing a document the main process rendered: the PDF is written to a temp file, loaded in
 * a hidden window and sent to the system print dialog, or silently to a named printer (the
 * counter's receipt printer). Only the app's own page (trustedOrigin) reaches here, as base64.
 * The hidden window is a PDF viewer with no preload, sandboxed, and guarded like every other
 * (web-contents-guard.ts); it is the one file:// load left, see docs/SECURITY.md.
 */
export function registerPrinting(trustedOrigin: string): void {
  handleTrusted('stockist:print', trustedOrigin, async (_event, base64: unknown, options: unknown) => {
    if (typeof base64 !== 'string') return { ok: false, error: 'Refused' };
    const { silent = false, deviceName = '' } = (options ?? {}) as { silent?: boolean; deviceName?: string };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'stockist-print-')), 'document.pdf');
    fs.writeFileSync(file, Buffer.from(base64, 'base64'));
    const window = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false },
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
  handleTrusted('stockist:printers', trustedOrigin, async (event) =>
    (await event.sender.getPrintersAsync()).map((p) => p.name),
  );
}
