import type { deviceOperations } from '../../../src-shared/contract/devices';
import type { CallContext, HandlerTable } from '../../api/handler-types';
import { endDeviceSessions, endSessionById, lanEnabled, listSessions, setLanEnabled } from './devices';

const status = (ctx: CallContext) =>
  ctx.network?.status() ?? { mode: 'desktop' as const, url: null, secure: true, fingerprint: null };

/** Terminals on the LAN: how this Stockist is served, who is signed in where, and ending their sessions. */
export const deviceHandlers: HandlerTable<keyof typeof deviceOperations> = {
  'lan.status': (_, ctx) => status(ctx),
  'devices.list': (_, ctx) => ({ lanEnabled: lanEnabled(ctx), network: status(ctx), sessions: listSessions(ctx) }),
  'devices.endSession': (input, ctx) => endSessionById(ctx, input.id),
  'devices.endDevice': (input, ctx) => endDeviceSessions(ctx, input.deviceId),
  'lan.setEnabled': (input, ctx) => {
    setLanEnabled(ctx, input.enabled);
    // After this transaction commits (or rolls back): the listener re-reads the setting either way.
    setImmediate(() => ctx.network?.settingChanged?.());
    return { lanEnabled: input.enabled, network: status(ctx) };
  },
};
