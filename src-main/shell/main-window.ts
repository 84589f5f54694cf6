import path from 'node:path';
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';

/**
 * The renderer's window. Each webPreference that matters for safety is spelled out, even where it
 * is Electron's default, so a reader (and tests/unit/shell/main-window.test.ts) can see all of it.
 */
export function mainWindowOptions(packaged: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: 'Stockist',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, '..', 'preload', 'preload.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: !packaged,
      spellcheck: false,
    },
  };
}

/** Loads the renderer from `url`: app://stockist/index.html, or the dev server while developing. */
export function createMainWindow(url: string, packaged: boolean): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(packaged));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(url);
  return window;
}
