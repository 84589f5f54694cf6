import os from 'node:os';
import path from 'node:path';

/**
 * The same folder Electron's app.getPath('userData') gives for "Stockist", so the desktop app
 * and browser mode open the same ledger by default.
 */
export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32')
    return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Stockist');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Stockist');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Stockist');
}

export function defaultDatabasePath(): string {
  return path.join(defaultDataDir(), 'stockist.db');
}
