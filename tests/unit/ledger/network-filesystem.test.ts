import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../../src-main/ledger/open-ledger';
import { findNetworkMount, networkMountOf } from '../../../src-main/ledger/network-filesystem';
import { tempDbPath } from '../../support/test-server';

// Sample lines as Linux writes them in /proc/self/mountinfo (one mount per line).
const mountinfo = [
  '22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro',
  '41 22 8:2 / /home rw,relatime shared:30 - ext4 /dev/sda2 rw',
  '97 41 0:52 / /home/asha/office rw,relatime shared:60 - cifs //billing-pc/Stockist rw,vers=3.1.1',
  '98 22 0:53 / /mnt/nas rw,relatime shared:61 - nfs4 nas.local:/export/ledgers rw,vers=4.2',
  '99 22 0:54 / /mnt/laptop rw,nosuid,nodev shared:62 - fuse.sshfs asha@laptop:/data rw,user_id=1000',
  '100 22 0:55 / /mnt/with\\040space rw shared:63 - smb3 //pc/share rw',
  '101 22 0:56 / /tmp rw,nosuid,nodev shared:64 - tmpfs tmpfs rw',
].join('\n');

describe('a ledger on a network filesystem', () => {
  it('finds SMB, NFS and sshfs mounts in mountinfo, by the longest mount point holding the file', () => {
    expect(networkMountOf('/home/asha/office/stockist.db', 'linux', mountinfo)).toMatchObject({
      type: 'cifs',
      mountPoint: '/home/asha/office',
    });
    expect(networkMountOf('/mnt/nas/books/stockist.db', 'linux', mountinfo)?.type).toBe('nfs4');
    expect(networkMountOf('/mnt/laptop/stockist.db', 'linux', mountinfo)?.type).toBe('fuse.sshfs');
    expect(networkMountOf('/mnt/with space/stockist.db', 'linux', mountinfo)?.type).toBe('smb3');
  });

  it('lets a local disk through, including a folder whose name only starts like a network mount', () => {
    expect(networkMountOf('/home/asha/stockist.db', 'linux', mountinfo)).toBeNull();
    expect(networkMountOf('/home/asha/office-local/stockist.db', 'linux', mountinfo)).toBeNull();
    expect(networkMountOf('/tmp/stockist.db', 'linux', mountinfo)).toBeNull();
    expect(networkMountOf('/srv/stockist.db', 'linux', '')).toBeNull();
  });

  it('reads macOS mount output: smbfs, nfs and afpfs are network, apfs is not', () => {
    const mount = [
      '/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)',
      '/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse)',
      '//asha@billing-pc/Stockist on /Volumes/Stockist (smbfs, nodev, nosuid, mounted by asha)',
      'nas:/export on /Volumes/nas (nfs, nodev, nosuid, mounted by asha)',
      'afp_2x@old-mac/Share on /Volumes/Share (afpfs, nodev, nosuid, mounted by asha)',
    ].join('\n');
    expect(networkMountOf('/Volumes/Stockist/stockist.db', 'darwin', mount)?.type).toBe('smbfs');
    expect(networkMountOf('/Volumes/nas/stockist.db', 'darwin', mount)?.type).toBe('nfs');
    expect(networkMountOf('/Volumes/Share/stockist.db', 'darwin', mount)?.type).toBe('afpfs');
    expect(networkMountOf('/Users/asha/Library/stockist.db', 'darwin', mount)).toBeNull();
  });

  it('on Windows refuses a UNC path and a mapped network drive, not a local drive or a \\\\?\\ path', () => {
    expect(networkMountOf('\\\\billing-pc\\Stockist\\stockist.db', 'win32', '')?.mountPoint).toBe(
      '\\\\billing-pc\\Stockist',
    );
    expect(networkMountOf('//billing-pc/Stockist/stockist.db', 'win32', '')).not.toBeNull();
    expect(networkMountOf('Z:\\stockist.db', 'win32', '', ['Z:'])?.source).toBe('mapped network drive');
    expect(networkMountOf('C:\\Users\\asha\\stockist.db', 'win32', '', ['Z:'])).toBeNull();
    expect(networkMountOf('\\\\?\\C:\\Users\\asha\\stockist.db', 'win32', '')).toBeNull();
  });

  it('openLedger refuses it before creating anything, and points to LAN mode', () => {
    const file = tempDbPath();
    const onShare = () => ({ type: 'cifs', mountPoint: '/home/asha/office', source: '//billing-pc/Stockist' });
    expect(() => openLedger(file, { backup: false, networkMount: onShare })).toThrow(
      /network folder \(cifs at \/home\/asha\/office\)[\s\S]*Let other computers on this network use Stockist/,
    );
    expect(fs.existsSync(file)).toBe(false);
  });

  it('the temp folder of this machine is a local disk', () => {
    expect(findNetworkMount(tempDbPath())).toBeNull();
  });
});
