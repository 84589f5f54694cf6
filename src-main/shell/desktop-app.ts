import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { createApi, type Api, type CallOptions } from '../api/dispatch';
import { mainThreadHeapRelease } from '../api/heap-release';
import { checkIntegrityInBackground } from '../ledger/integrity-check';
import { openLedger } from '../ledger/open-ledger';
import { createReadPool, defaultReadWorkers, readWorkerScript } from '../api/read-pool';
import { syncWorkerFor } from '../engine/sync/sync-worker';
import { startBackupSchedule } from '../engine/backups/backup-schedule';
import { scheduledJobs } from '../engine/scheduler/jobs';
import { startScheduler } from '../engine/scheduler/scheduler';
import { createLanSwitch } from '../server/lan-switch';
import { registerAppScheme, rendererLocation, serveRenderer } from './app-protocol';
import { menuTemplate } from './app-menu';
import { createMainWindow } from './main-window';
import { registerPrinting } from './print-pdf';
import { holdSingleInstance } from './single-instance';
import { handleTrusted } from './trusted-sender';
import { guardPermissions, guardWebContents } from './web-contents-guard';

/** Session tokens per window: the renderer never holds one, exactly as with the HttpOnly cookie. */
const tokens = new Map<number, string>();

function registerIpc(api: Api, trustedOrigin: string): void {
  handleTrusted('stockist:call', trustedOrigin, async (event, name: unknown, input: unknown, options: unknown) => {
    if (typeof name !== 'string')
      return { status: 400, body: { error: { code: 'invalid', message: 'An operation name is required' } } };
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

/** Opens the ledger and what runs beside it; null (after telling the user) when it cannot be opened. */
function openApi(): Api | null {
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
    const api = createApi(ledger, {
      readPool,
      network: lan.network,
      heap: mainThreadHeapRelease(),
    });
    lan.attach(api);
    void lan.apply();
    syncWorkerFor(ledger).start();
    // Planner statistics, expired sessions, approval escalations: caught up at start if the app was closed.
    const scheduler = startScheduler(ledger, scheduledJobs);
    // The full page-by-page check, on its own thread once the window is up; damage stops writes.
    void checkIntegrityInBackground(ledger);
    // Daily, to <userData>/backups unless the admin picked another folder; a missed day is caught up.
    const backups = startBackupSchedule(ledger);
    app.on('will-quit', () => {
      void lan.stop();
      scheduler.stop();
      backups.stop();
      void readPool.close();
      ledger.close();
    });
    return api;
  } catch (error) {
    dialog.showErrorBox('Stockist could not open its data', (error as Error).message);
    app.quit();
    return null;
  }
}

export function startDesktopApp(): void {
  let mainWindow: BrowserWindow | null = null;
  if (!holdSingleInstance(() => mainWindow)) return;
  const packaged = app.isPackaged;
  if (packaged) process.env.STOCKIST_RESOURCES = path.join(process.resourcesPath, 'resources');
  const renderer = rendererLocation(packaged, process.env.ELECTRON_RENDERER_URL);
  registerAppScheme();
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void app.whenReady().then(() => {
    guardPermissions(session.defaultSession, renderer.origin);
    // Built next to this bundle: out/main/index.js serves out/renderer.
    serveRenderer(path.join(__dirname, '..', 'renderer'));
    const api = openApi();
    if (!api) return;
    registerIpc(api, renderer.origin);
    registerPrinting(renderer.origin);
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(packaged)));
    const open = () => {
      const window = createMainWindow(renderer.url, packaged);
      window.on('closed', () => {
        tokens.clear();
        if (mainWindow === window) mainWindow = null;
      });
      return (mainWindow = window);
    };
    open();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) open();
    });
  });
}
