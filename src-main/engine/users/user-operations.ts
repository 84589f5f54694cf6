import { backupOwnTransaction } from '../backups/backup-operations';
import type { userOperations } from '../../../src-shared/contract/users';
import type { HandlerTable } from '../../api/handler-types';
import { listAudit } from '../audit';
import { demoSignIns } from '../company/company-readiness';
import { companyName } from '../company/company-service';
import { initialize } from './setup';
import { changeOwnPassword, signIn } from './sign-in';
import { assignableUsers, createUser, getUser, listUsers, logout, updateUser, userCount } from './user-service';

/** Signing in, users and the audit trail. Joined with the other parts in api/handlers.ts. */
export const userHandlers: HandlerTable<keyof typeof userOperations> = {
  'setup.status': (_, ctx) => ({
    needsSetup: userCount(ctx) === 0,
    companyName: companyName(ctx),
    demoUsers: demoSignIns(ctx),
  }),
  'setup.initialize': (input, ctx) => initialize(ctx, input),
  'auth.login': (input, ctx) => signIn(ctx, input),
  'auth.logout': (_, ctx) => logout(ctx, ctx.sessionToken),
  'auth.me': (_, ctx) => (ctx.actor ? getUser(ctx, ctx.actor.id) : null),
  'auth.changePassword': (input, ctx) => changeOwnPassword(ctx, input),
  'users.list': (_, ctx) => listUsers(ctx),
  'users.assignable': (_, ctx) => assignableUsers(ctx),
  'users.create': (input, ctx) => createUser(ctx, input),
  'users.update': (input, ctx) => updateUser(ctx, input),
  'audit.list': (input, ctx) => listAudit(ctx, input),
};

/** These open their own short write transactions (sign-in, restore, imports) instead of one around the call. */
export const ownTransaction: ReadonlySet<string> = new Set([
  'auth.login',
  'auth.changePassword',
  ...backupOwnTransaction,
  // Imports check the file in a read worker, then write it a few hundred rows per transaction.
  'products.import',
  'customers.import',
  'inventory.importOpening',
  'supplierRates.import',
  'imports.resume',
  'channelStock.import',
  'forecasts.import',
]);
