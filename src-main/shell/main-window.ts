import path from 'node:path';
import { BrowserWindow } from 'electron';

/** Dev: electron-vite's server URL; built: the renderer's index.html beside this bundle. */
export function rendererEntry(): { kind: 'url' | 'file'; value: string } {
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (devUrl) return { kind: 'url', value: devUrl };
  return { kind: 'file', value: path.join(__dirname, '..', 'renderer', 'index.html') };
}

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
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
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  const entry = rendererEntry();
  if (entry.kind === 'url') void window.loadURL(entry.value);
  else void window.loadFile(entry.value);
  return window;
}
