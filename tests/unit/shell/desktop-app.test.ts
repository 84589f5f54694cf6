import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, fake, FakeWebContents } from '../../support/fake-electron';

// The shell's wiring against a fake `electron` (no binary here). The ledger and what runs beside
// it are stubbed: this file is about what the shell asks Electron for, not about the engine.
vi.mock('electron', () => import('../../support/fake-electron'));
const call = vi.fn(async (name: string) => ({ status: 200, body: { ran: name }, session: undefined }));
vi.mock('../../../src-main/ledger/open-ledger', () => ({
  openLedger: () => ({ file: ':memory:', sqlite: {}, close() {} }),
}));
vi.mock('../../../src-main/api/read-pool', () => ({
  createReadPool: () => ({ close: async () => {} }),
  defaultReadWorkers: () => 1,
  readWorkerScript: () => ({ file: 'read-worker.js' }),
}));
vi.mock('../../../src-main/api/dispatch', () => ({ createApi: () => ({ call }) }));
vi.mock('../../../src-main/engine/sync/sync-worker', () => ({ syncWorkerFor: () => ({ start() {} }) }));
// What runs beside the ledger: the LAN server following its setting, and the daily backup.
const beside = {
  lanApplied: 0,
  lanStopped: 0,
  backupsStarted: 0,
  backupsStopped: 0,
  schedulerStarted: 0,
  schedulerStopped: 0,
};
vi.mock('../../../src-main/server/lan-switch', () => ({
  createLanSwitch: () => ({
    network: { status: () => ({ mode: 'loopback' }) },
    attach() {},
    apply: async () => void beside.lanApplied++,
    stop: async () => void beside.lanStopped++,
  }),
}));
vi.mock('../../../src-main/engine/scheduler/scheduler', () => ({
  startScheduler: () => (beside.schedulerStarted++, { stop: () => void beside.schedulerStopped++ }),
}));
vi.mock('../../../src-main/engine/backups/backup-schedule', () => ({
  startBackupSchedule: () => (beside.backupsStarted++, { stop: () => void beside.backupsStopped++ }),
}));

async function start(options: { packaged?: boolean; gotLock?: boolean; devUrl?: string } = {}) {
  fake.reset();
  fake.app.isPackaged = options.packaged ?? true;
  fake.app.gotLock = options.gotLock ?? true;
  if (options.devUrl) process.env.ELECTRON_RENDERER_URL = options.devUrl;
  else delete process.env.ELECTRON_RENDERER_URL;
  // Electron's own property; a packaged app finds migrations and fonts below it.
  Object.assign(process, { resourcesPath: '/opt/Stockist/resources' });
  vi.resetModules();
  const { startDesktopApp } = await import('../../../src-main/shell/desktop-app');
  startDesktopApp();
  await fake.app.becomeReady();
  return BrowserWindow.windows[0];
}

const environment = { ...process.env };
beforeEach(() => {
  call.mockClear();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  process.env = { ...environment };
  vi.restoreAllMocks();
});

describe('the main window', () => {
  it('loads app://stockist with every safety webPreference set', async () => {
    const window = (await start())!;
    expect(window.loaded).toEqual({ url: 'app://stockist/index.html' });
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
    });
    expect(window.options.webPreferences.preload).toMatch(/preload\.js$/);
    expect(window.options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(fake.app.sandboxEnabled).toBe(true);
  });

  it('a packaged app ignores ELECTRON_RENDERER_URL; a development run loads the dev server with DevTools', async () => {
    expect((await start({ packaged: true, devUrl: 'https://evil.example/' }))!.loaded.url).toBe(
      'app://stockist/index.html',
    );
    const dev = (await start({ packaged: false, devUrl: 'http://localhost:5173' }))!;
    expect(dev.loaded.url).toBe('http://localhost:5173');
    expect(dev.options.webPreferences.devTools).toBe(true);
  });
});

describe('what runs beside the ledger', () => {
  it('starts the LAN switch, the backup schedule and the scheduler with the ledger, and stops them when the app quits', async () => {
    Object.assign(beside, {
      lanApplied: 0,
      lanStopped: 0,
      backupsStarted: 0,
      backupsStopped: 0,
      schedulerStarted: 0,
      schedulerStopped: 0,
    });
    await start();
    expect(beside).toMatchObject({ lanApplied: 1, backupsStarted: 1, lanStopped: 0, backupsStopped: 0 });
    expect(beside).toMatchObject({ schedulerStarted: 1, schedulerStopped: 0 });
    fake.app.emit('will-quit');
    expect(beside).toMatchObject({ lanStopped: 1, backupsStopped: 1, schedulerStopped: 1 });
  });
});

describe('the menu', () => {
  it('has no DevTools in production, and has them while developing', async () => {
    const { Menu } = await import('../../support/fake-electron');
    await start({ packaged: true });
    const production = JSON.stringify(Menu.applicationMenu!.template);
    expect(production).not.toMatch(/toggleDevTools|devtools/i);
    expect(production).toContain('"role":"reload"');
    await start({ packaged: false });
    expect(JSON.stringify(Menu.applicationMenu!.template)).toContain('toggleDevTools');
  });
});

describe('IPC', () => {
  it('answers the app page and refuses every other sender, unanswered and logged', async () => {
    await start();
    const answer = await fake.ipcMain.invoke('stockist:call', { url: 'app://stockist/index.html' }, 'orders.list', {});
    expect(answer).toEqual({ status: 200, body: { ran: 'orders.list' } });
    for (const from of [
      { url: 'app://stockist.evil/index.html' },
      { url: 'app://evil/stockist' },
      { url: 'file:///opt/Stockist/resources/app.asar/out/renderer/index.html' },
      { url: 'http://localhost:5173/' }, // the dev server, in a packaged app
      { url: 'blob:app://stockist/8d5f' },
      { url: 'app://stockist/index.html', parent: {} }, // a subframe of the app's own page
      { url: '' },
    ]) {
      await expect(fake.ipcMain.invoke('stockist:call', from, 'orders.list', {}), from.url).rejects.toThrow('Refused');
      await expect(fake.ipcMain.invoke('stockist:print', from, 'JVBERi0=', {})).rejects.toThrow('Refused');
      await expect(fake.ipcMain.invoke('stockist:printers', from)).rejects.toThrow('Refused');
    }
    expect(call).toHaveBeenCalledTimes(1);
    expect(console.warn).toHaveBeenCalledWith('Refused IPC stockist:call from app://stockist.evil/index.html');
  });

  it('in development, the dev server origin exactly, and not app:// or another port', async () => {
    await start({ packaged: false, devUrl: 'http://localhost:5173/' });
    const ok = await fake.ipcMain.invoke('stockist:call', { url: 'http://localhost:5173/#/orders' }, 'x', {});
    expect(ok).toMatchObject({ status: 200 });
    for (const url of ['http://localhost:5174/', 'http://localhost:5173.evil/', 'app://stockist/index.html'])
      await expect(fake.ipcMain.invoke('stockist:call', { url }, 'x', {}), url).rejects.toThrow('Refused');
  });

  it('the printer list reaches the app page', async () => {
    await start();
    const sender = new FakeWebContents();
    expect(await fake.ipcMain.invoke('stockist:printers', { url: 'app://stockist/index.html', sender })).toEqual([
      'Counter 80mm',
    ]);
  });
});

describe('navigation, new windows and permissions', () => {
  it('every web contents refuses navigation, redirects, new windows and webviews', async () => {
    const window = (await start())!;
    const contents = window.webContents;
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const prevented = vi.fn();
      contents.emit(event, { url: 'https://example.com/', preventDefault: prevented });
      expect(prevented, event).toHaveBeenCalled();
    }
    // The hidden print window is guarded as well: it is created through the same hook.
    const other = new BrowserWindow({});
    expect(other.webContents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
  });

  it('allows desktop notifications to the app page alone and denies every other permission', async () => {
    await start();
    const own = 'app://stockist';
    const ask = (permission: string, requestingUrl: string) => {
      const callback = vi.fn();
      fake.session.permissionRequestHandler!({}, permission, callback, { requestingUrl });
      return callback.mock.calls[0]![0] as boolean;
    };
    const check = (permission: string, origin: string) =>
      fake.session.permissionCheckHandler!({}, permission, origin, {}) as boolean;
    expect(ask('notifications', `${own}/index.html`)).toBe(true);
    expect(check('notifications', own)).toBe(true);
    for (const stranger of ['app://stockist.evil/index.html', 'https://example.com/', 'file:///etc/passwd']) {
      expect(ask('notifications', stranger), stranger).toBe(false);
      expect(check('notifications', stranger), stranger).toBe(false);
    }
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'midi']) {
      expect(ask(permission, `${own}/index.html`), permission).toBe(false);
      expect(check(permission, own), permission).toBe(false);
    }
    expect(fake.session.devicePermissionHandler!({ deviceType: 'usb' })).toBe(false);
  });
});

describe('one instance', () => {
  it('a second launch brings the first window back and quits itself', async () => {
    const window = (await start())!;
    window.minimized = true;
    fake.app.emit('second-instance', {}, ['stockist'], '/');
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
    expect(fake.app.quitCalls).toBe(0);

    await start({ gotLock: false });
    expect(fake.app.quitCalls).toBe(1);
    expect(BrowserWindow.windows).toHaveLength(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
  });
});
