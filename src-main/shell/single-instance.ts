import { app, type BrowserWindow } from 'electron';

/**
 * One Stockist per user: two would open the same ledger file from two processes. The second
 * launch brings the first window forward and quits. Returns false in that second instance.
 */
export function holdSingleInstance(mainWindow: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = mainWindow();
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
