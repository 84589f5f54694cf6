import { z } from 'zod';
import { operation } from './define';
import { id, ok } from './common';

/** How this Stockist is reachable: the desktop window only, loopback browser mode, or the LAN. */
export const lanStatus = z.object({
  mode: z.enum(['desktop', 'loopback', 'lan']),
  /** The address terminals open, e.g. https://192.168.1.20:5170; null when not serving. */
  url: z.string().nullable(),
  /** HTTPS: false only for LAN mode started with --insecure-http. */
  secure: z.boolean(),
  /** SHA-256 of the server's certificate (AB:CD:…), for a terminal to compare before signing in. */
  fingerprint: z.string().nullable(),
});
export type LanStatus = z.output<typeof lanStatus>;

const session = z.object({
  id,
  deviceId: z.string(),
  userId: id,
  userName: z.string(),
  username: z.string(),
  address: z.string(),
  userAgent: z.string(),
  signedInAt: z.string(),
  lastSeenAt: z.string().nullable(),
  /** the session making this call: ending it signs the admin out */
  current: z.boolean(),
});

export const deviceOperations = {
  'lan.status': operation({
    summary:
      'How this Stockist is served (desktop, loopback or LAN), its address, and the certificate fingerprint a terminal checks before signing in.',
    access: 'public',
    kind: 'read',
    input: z.object({}),
    output: lanStatus,
  }),
  'devices.list': operation({
    summary:
      'Admin: the LAN setting, how it is served now, and every live session with its device, address, browser and last call.',
    access: 'devices.manage',
    kind: 'read',
    input: z.object({}),
    output: z.object({
      /** "Let other computers on this network use Stockist" (the desktop app serves the LAN while on) */
      lanEnabled: z.boolean(),
      network: lanStatus,
      sessions: z.array(session),
    }),
  }),
  'devices.endSession': operation({
    summary: 'Admin: ends one session; that terminal’s next call answers 401 and shows the sign-in page.',
    access: 'devices.manage',
    kind: 'write',
    input: z.object({ id }),
    output: ok,
  }),
  'devices.endDevice': operation({
    summary: 'Admin: ends every session started from one device.',
    access: 'devices.manage',
    kind: 'write',
    input: z.object({ deviceId: z.string().trim().min(1, 'Device is required').max(64) }),
    output: z.object({ ended: z.int() }),
  }),
  'lan.setEnabled': operation({
    summary:
      'Admin: turns "Let other computers on this network use Stockist" on or off; the desktop app starts or stops its LAN server.',
    access: 'devices.manage',
    kind: 'write',
    input: z.object({ enabled: z.boolean('Say on or off') }),
    output: z.object({ lanEnabled: z.boolean(), network: lanStatus }),
  }),
};
