import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, type IpcMainInvokeEvent } from 'electron';
import { createApi, type Api, type CallOptions } from '../api/dispatch';
import { keepPlannerStatisticsFresh } from '../ledger/query-planner';
import { openLedger } from '../ledger/open-ledger';
import { createReadPool, defaultReadWorkers, readWorkerScript } from '../api/read-pool';
import { createMainWindow, rendererEntry } from './main-window';
import { registerPrinting } from './print-pdf';
import { syncWorkerFor } from '../engine/sync/sync-worker';
import { createLanSwitch } from '../server/lan-switch';

/** Session tokens per window: the renderer never holds one, exactly as with the HttpOnly cookie. */
const tokens = new Map<number, string>();

function isOwnFrame(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  const entry = rendererEntry();
  return entry.kind === 'url'
    ? url.startsWith(entry.value)
    : url.startsWith('file://') && decodeURIComponent(url).includes(path.dirname(entry.value));
}

function registerIpc(api: Api): void {
  ipcMain.handle('stockist:call', async (event, name: unknown, input: unknown, options: unknown) => {
    if (!isOwnFrame(event) || typeof name !== 'string')
      return { status: 403, body: { error: { code: 'forbidden', message: 'Calls from this frame are refused' } } };
    const id = event.sender.id;
    const result = await api.call(name, input, tokens.get(id), callOptions(options));
    if (result.session) tokens.set(id, result.session);
    if (result.session === null) tokens.delete(id);
    return { status: result.status, body: result.body };
  });
}

/** The IPC twin of the Idempotency-Key header: only a string key is passed on, anything else is dropped. */
function callOptions(options: unknown): CallOptions {
  const key = (options as { idempotencyKey?: unknown } | null | undefined)?.idempotencyKey;
  return typeof key === 'string' ? { idempotencyKey: key } : {};
}

export function startDesktopApp(): void {
  if (app.isPackaged) process.env.STOCKIST_RESOURCES = path.join(process.resourcesPath, 'resources');
  app.enableSandbox();
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    let api: Api;
    try {
      const ledger = openLedger(path.join(app.getPath('userData'), 'stockist.db'));
      // This module is bundled into out/main/index.js, so __dirname is where read-worker.js is built.
      const readPool = createReadPool({
        file: ledger.file,
        size: defaultReadWorkers(),
        script: readWorkerScript(__dirname),
      });
      // "Let other computers on this network use Stockist": the LAN server follows the ledger's setting.
      const lan = createLanSwitch({ ledger, rendererDir: path.join(__dirname, '..', 'renderer') });
      api = createApi(ledger, { readPool, network: lan.network });
      lan.attach(api);
      void lan.apply();
      syncWorkerFor(ledger).start();
      const stopPlanner = keepPlannerStatisticsFresh(ledger.sqlite);
      app.on('will-quit', () => {
        void lan.stop();
        stopPlanner();
        void readPool.close();
        ledger.close();
      });
    } catch (error) {
      dialog.showErrorBox('Stockist could not open its data', (error as Error).message);
      app.quit();
      return;
    }
    registerIpc(api);
    registerPrinting(isOwnFrame);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate([
        { role: 'fileMenu' },
        { role: 'editMenu' },
        {
          label: 'View',
          submenu: [
            { role: 'reload' },
            { role: 'toggleDevTools' },
            { type: 'separator' },
            { role: 'resetZoom' },
            { role: 'zoomIn' },
            { role: 'zoomOut' },
            { role: 'togglefullscreen' },
          ],
        },
      ]),
    );
    const window = createMainWindow();
    window.on('closed', () => tokens.clear());
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
