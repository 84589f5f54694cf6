import { EventEmitter } from 'node:events';

/**
 * A stand-in for the `electron` module, enough for the shell's wiring (src-main/shell) to run
 * under vitest where no Electron binary exists: it records what the shell asks for and lets a
 * test play Electron's part (become ready, launch a second instance, send an IPC call).
 * Use: vi.mock('electron', () => import('../../support/fake-electron')), then `fake.reset()`.
 */

type Listener = (...args: any[]) => any;

class FakeApp extends EventEmitter {
  isPackaged = false;
  /** What requestSingleInstanceLock answers: false plays the second launch. */
  gotLock = true;
  isReadyNow = false;
  quitCalls = 0;
  sandboxEnabled = false;
  userData = '/tmp/stockist-fake-user-data';
  private readyResolve: () => void = () => {};
  private readyPromise = new Promise<void>((resolve) => (this.readyResolve = resolve));

  requestSingleInstanceLock(): boolean {
    return this.gotLock;
  }
  quit(): void {
    this.quitCalls++;
  }
  enableSandbox(): void {
    if (this.isReadyNow) throw new Error('app.enableSandbox() must be called before the app is ready');
    this.sandboxEnabled = true;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  isReady(): boolean {
    return this.isReadyNow;
  }
  getPath(_name: string): string {
    return this.userData;
  }
  /** Plays Electron's ready event; resolves after whenReady's callbacks ran. */
  async becomeReady(): Promise<void> {
    this.isReadyNow = true;
    this.readyResolve();
    this.emit('ready');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export class FakeWebContents extends EventEmitter {
  private static nextId = 1;
  id = FakeWebContents.nextId++;
  windowOpenHandler: Listener | null = null;
  printers = [{ name: 'Counter 80mm' }];
  setWindowOpenHandler(handler: Listener): void {
    this.windowOpenHandler = handler;
  }
  async getPrintersAsync(): Promise<{ name: string }[]> {
    return this.printers;
  }
  print(_options: unknown, callback: (success: boolean, reason: string) => void): void {
    callback(true, '');
  }
}

export class BrowserWindow extends EventEmitter {
  /** Every window made since the last fake.reset(), in order. */
  static get windows(): BrowserWindow[] {
    return fake.windows as BrowserWindow[];
  }
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.windows.filter((w) => !w.destroyed);
  }
  webContents = new FakeWebContents();
  loaded: { url?: string; file?: string } = {};
  minimized = false;
  destroyed = false;
  calls: string[] = [];
  constructor(public options: Record<string, any>) {
    super();
    fake.windows.push(this);
    fake.app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url: string): Promise<void> {
    this.loaded = { url };
  }
  async loadFile(file: string): Promise<void> {
    this.loaded = { file };
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  restore(): void {
    this.minimized = false;
    this.calls.push('restore');
  }
  show(): void {
    this.calls.push('show');
  }
  focus(): void {
    this.calls.push('focus');
  }
  destroy(): void {
    this.destroyed = true;
  }
}

class FakeIpcMain {
  handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  /** Plays ipcRenderer.invoke from a frame at `url` (parent null: the top frame). */
  async invoke(
    channel: string,
    from: { url: string; parent?: object | null; sender?: FakeWebContents },
    ...args: unknown[]
  ) {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    const sender = from.sender ?? new FakeWebContents();
    return listener({ senderFrame: { url: from.url, parent: from.parent ?? null }, sender }, ...args);
  }
}

class FakeSession {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  devicePermissionHandler: Listener | null = null;
  setPermissionRequestHandler(handler: Listener): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Listener): void {
    this.devicePermissionHandler = handler;
  }
}

class FakeProtocol {
  privileged: { scheme: string; privileges: Record<string, boolean> }[] = [];
  handlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void {
    if (fake.app.isReadyNow) throw new Error('registerSchemesAsPrivileged must be called before the app is ready');
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    if (!fake.app.isReadyNow) throw new Error('protocol.handle must be called after the app is ready');
    this.handlers.set(scheme, handler);
  }
}

class FakeMenu {
  static get applicationMenu(): { template: unknown[] } | null {
    return fake.applicationMenu;
  }
  static buildFromTemplate(template: unknown[]): { template: unknown[] } {
    return { template };
  }
  static setApplicationMenu(menu: { template: unknown[] } | null): void {
    fake.applicationMenu = menu;
  }
}

function freshState() {
  return {
    app: new FakeApp(),
    ipcMain: new FakeIpcMain(),
    session: new FakeSession(),
    protocol: new FakeProtocol(),
    windows: [] as EventEmitter[],
    applicationMenu: null as { template: unknown[] } | null,
    errors: [] as { title: string; message: string }[],
    reset(): void {
      Object.assign(fake, freshState());
    },
  };
}

// Kept on globalThis: a test that calls vi.resetModules() re-imports this module along with the
// shell, and both copies must play the same Electron.
const shared = globalThis as { __fakeElectron?: ReturnType<typeof freshState> };
export const fake = (shared.__fakeElectron ??= freshState());

// The module's named exports read the current fakes, so fake.reset() takes effect for code already imported.
export const app = new Proxy({} as FakeApp, { get: (_t, key) => bind(fake.app, key) });
export const ipcMain = new Proxy({} as FakeIpcMain, { get: (_t, key) => bind(fake.ipcMain, key) });
export const protocol = new Proxy({} as FakeProtocol, { get: (_t, key) => bind(fake.protocol, key) });
export const session = {
  get defaultSession() {
    return fake.session;
  },
};
export const Menu = FakeMenu;
export const dialog = {
  showErrorBox(title: string, message: string): void {
    fake.errors.push({ title, message });
  },
};
export default { app, ipcMain, protocol, session, Menu, dialog, BrowserWindow };

function bind(target: object, key: string | symbol): unknown {
  const value = (target as Record<string | symbol, unknown>)[key];
  return typeof value === 'function' ? value.bind(target) : value;
}
