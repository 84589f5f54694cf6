import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * SQLite's locking needs the file on a local disk: SMB, NFS and FUSE network mounts lose or fake
 * the byte-range locks, and two PCs writing one ledger through a shared folder corrupt it. The
 * right way for several PCs is LAN mode: one PC holds the ledger, the others are terminals.
 */
const NETWORK_TYPES = new Set([
  'cifs',
  'smb3',
  'smbfs',
  'nfs',
  'nfs4',
  'afpfs',
  'ncpfs',
  'fuse.sshfs',
  'sshfs',
  'fuse.rclone',
  'davfs',
  'fuse.davfs2',
  'webdav',
]);

export interface NetworkMount {
  type: string;
  mountPoint: string;
  source: string;
}

/** Octal escapes (\040 for a space) as the kernel writes mount points in mountinfo. */
const unescape = (field: string) =>
  field.replace(/\\([0-7]{3})/g, (_, code: string) => String.fromCharCode(parseInt(code, 8)));

/** The mounts in /proc/self/mountinfo: field 5 is the mount point, the type follows the " - " separator. */
export function parseMountinfo(text: string): NetworkMount[] {
  const mounts: NetworkMount[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(' ');
    const dash = fields.indexOf('-');
    if (dash < 6 || fields.length < dash + 3) continue;
    mounts.push({ mountPoint: unescape(fields[4]!), type: fields[dash + 1]!, source: unescape(fields[dash + 2]!) });
  }
  return mounts;
}

/** macOS `mount` lines: "//user@server/share on /Volumes/share (smbfs, nodev, nosuid, mounted by asha)". */
export function parseMacMount(text: string): NetworkMount[] {
  const mounts: NetworkMount[] = [];
  for (const line of text.split('\n')) {
    const match = /^(.*) on (.*) \(([^,)]+)/.exec(line.trim());
    if (match) mounts.push({ source: match[1]!, mountPoint: match[2]!, type: match[3]! });
  }
  return mounts;
}

/** The mount holding a path: the longest mount point that is the path or one of its folders. */
export function mountOf(file: string, mounts: NetworkMount[]): NetworkMount | null {
  let best: NetworkMount | null = null;
  for (const mount of mounts) {
    const point = mount.mountPoint.endsWith('/') ? mount.mountPoint : `${mount.mountPoint}/`;
    const inside = file === mount.mountPoint || file.startsWith(point) || mount.mountPoint === '/';
    if (inside && (!best || mount.mountPoint.length > best.mountPoint.length)) best = mount;
  }
  return best;
}

/**
 * Decides from plain text, so it is tested with sample mount tables: the network mount a ledger
 * file would live on, or null when it is on a local disk. `mountTable` is /proc/self/mountinfo on
 * Linux and `mount` output on macOS; on Windows `networkDrives` lists mapped drive letters.
 */
export function networkMountOf(
  file: string,
  platform: NodeJS.Platform,
  mountTable: string,
  networkDrives: string[] = [],
): NetworkMount | null {
  if (platform === 'win32') {
    const unc = /^(\\\\|\/\/)(?![?.][\\/])([^\\/]+)[\\/]([^\\/]+)/.exec(file);
    if (unc) return { type: 'smb', mountPoint: `\\\\${unc[2]}\\${unc[3]}`, source: unc[2]! };
    const drive = /^([a-z]):/i.exec(file)?.[1]?.toUpperCase();
    if (drive && networkDrives.map((d) => d.toUpperCase().replace(':', '')).includes(drive))
      return { type: 'smb', mountPoint: `${drive}:`, source: 'mapped network drive' };
    return null;
  }
  const mounts = platform === 'darwin' ? parseMacMount(mountTable) : parseMountinfo(mountTable);
  const mount = mountOf(file, mounts);
  return mount && NETWORK_TYPES.has(mount.type.toLowerCase()) ? mount : null;
}

export function networkFilesystemMessage(file: string, mount: NetworkMount): string {
  return (
    `${file} is on a network folder (${mount.type} at ${mount.mountPoint}). SQLite cannot lock a file there ` +
    'safely, and two computers writing one ledger through a shared folder corrupt it. Keep the ledger on the ' +
    'local disk of one computer and let the others use it as terminals: turn on "Let other computers on this ' +
    'network use Stockist" (or run npm run serve -- --lan).'
  );
}

/** Reads this machine's mount table; a failure to read it is not a reason to refuse a ledger. */
function mountTable(): { table: string; drives: string[] } {
  try {
    if (process.platform === 'linux') return { table: fs.readFileSync('/proc/self/mountinfo', 'utf8'), drives: [] };
    if (process.platform === 'darwin')
      return { table: execFileSync('/sbin/mount', { encoding: 'utf8', timeout: 3000 }), drives: [] };
    if (process.platform === 'win32') {
      // DriveType 4 is a network drive.
      const out = execFileSync('wmic', ['logicaldisk', 'where', 'DriveType=4', 'get', 'DeviceID'], {
        encoding: 'utf8',
        timeout: 3000,
      });
      return { table: '', drives: out.match(/[A-Z]:/g) ?? [] };
    }
  } catch {
    // No mount table (a container without /proc, wmic removed): the UNC rule still applies on Windows.
  }
  return { table: '', drives: [] };
}

export function findNetworkMount(file: string): NetworkMount | null {
  // The real path, so a symlink into a shared folder is seen for what it is.
  let real = path.resolve(file);
  try {
    real = fs.realpathSync(fs.existsSync(real) ? real : path.dirname(real));
    if (!fs.existsSync(path.resolve(file))) real = path.join(real, path.basename(file));
  } catch {
    // keep the resolved path
  }
  const { table, drives } = mountTable();
  return networkMountOf(real, process.platform, table, drives);
}
