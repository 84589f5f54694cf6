import { z } from 'zod';
import { roles } from '../permissions';
import { operation } from './define';
import { gstin, id, keysetOutput, keysetPage, ok, pincode, requiredText, stateCode, text } from './common';
import { permissions } from '../permissions';

export const role = z.enum(roles, `Role must be one of ${roles.join(', ')}`);
const username = z
  .string('Username is required')
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, 'Username must be 3–32 letters, digits, . _ or -, starting with a letter');
const password = z.string('Password is required').min(8, 'Password must be at least 8 characters').max(200);

export const user = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  role,
  active: z.boolean(),
  /** Where this user's orders ship from unless the customer has its own; null: by the company's state. */
  defaultWarehouseId: id.nullable(),
  permissions: z.array(z.enum(permissions)),
});
export type User = z.output<typeof user>;

export const userOperations = {
  'setup.status': operation({
    summary: 'Whether this ledger still needs its first administrator (first run).',
    access: 'public',
    kind: 'read',
    input: z.object({}),
    output: z.object({
      needsSetup: z.boolean(),
      companyName: z.string(),
      /** only for the demo company: who to sign in as, shown on its login screen */
      demoUsers: z.array(
        z.object({ username: z.string(), displayName: z.string(), role: z.string(), password: z.string() }),
      ),
    }),
  }),
  'setup.initialize': operation({
    summary: 'First run only: creates the company, the administrator and, if asked, a demo distributor.',
    access: 'public',
    kind: 'write',
    input: z.object({
      companyName: requiredText('Company name', 120),
      stateCode,
      /** may wait until billing starts; billing warns while it is empty (company.readiness) */
      gstin,
      addressLine1: text(120),
      city: text(80),
      pincode,
      adminUsername: username,
      adminName: requiredText('Your name', 80),
      password,
      demo: z.boolean().default(false),
    }),
    output: z.object({ user, token: z.string() }),
  }),
  'auth.login': operation({
    summary:
      'Signs in; browser mode sets an HttpOnly session cookie, the desktop keeps the session in the main process.',
    access: 'public',
    kind: 'write',
    input: z.object({
      username: z.string().trim().toLowerCase().min(1, 'Username is required'),
      password: z.string().min(1, 'Password is required'),
    }),
    output: z.object({ user, token: z.string() }),
  }),
  'auth.logout': operation({
    summary: 'Ends this session.',
    access: 'public',
    kind: 'write',
    input: z.object({}),
    output: ok,
  }),
  'auth.me': operation({
    summary: 'The signed-in user, or null.',
    access: 'public',
    kind: 'read',
    input: z.object({}),
    output: user.nullable(),
  }),
  'auth.changePassword': operation({
    summary: 'Changes your own password; the current one is required.',
    access: 'signed-in',
    kind: 'write',
    input: z.object({ currentPassword: z.string().min(1, 'Current password is required'), newPassword: password }),
    output: ok,
  }),
  'users.list': operation({
    summary: 'Everyone who can sign in, with roles.',
    access: 'users.read',
    kind: 'read',
    input: z.object({}),
    output: z.array(user),
  }),
  'users.assignable': operation({
    summary: 'Active users by name, for assigning customers (any signed-in user may read names).',
    access: 'signed-in',
    kind: 'read',
    input: z.object({}),
    output: z.array(z.object({ id, displayName: z.string(), role })),
  }),
  'users.create': operation({
    summary: 'Adds a user with a role and an initial password.',
    access: 'users.write',
    kind: 'write',
    input: z.object({
      username,
      displayName: requiredText('Name', 80),
      role,
      password,
      defaultWarehouseId: id.nullable().default(null),
    }),
    output: user,
  }),
  'users.update': operation({
    summary: 'Changes a user’s name, role, active flag or default warehouse, or resets the password.',
    access: 'users.write',
    kind: 'write',
    input: z.object({
      id,
      displayName: requiredText('Name', 80),
      role,
      active: z.boolean(),
      newPassword: password.optional(),
      defaultWarehouseId: id.nullable().default(null),
    }),
    output: user,
  }),
  'audit.list': operation({
    summary: 'The audit trail: who changed what, newest first.',
    access: 'audit.read',
    kind: 'read',
    input: z.object({
      entity: z.string().default(''),
      entityId: z.int().nullable().default(null),
      offset: z.int().min(0).default(0),
      limit: z.int().min(1).max(500).default(100),
      ...keysetPage,
    }),
    output: z.object({
      rows: z.array(
        z.object({
          id,
          at: z.string(),
          userName: z.string(),
          action: z.string(),
          entity: z.string(),
          entityId: z.int().nullable(),
          detail: z.string(),
        }),
      ),
      total: z.int(),
      ...keysetOutput,
    }),
  }),
};
