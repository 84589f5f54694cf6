import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { warehouses } from './warehouses';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role').notNull(),
  passwordHash: text('password_hash').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /** Where this user's orders ship from unless the customer says otherwise; null: by the company's state. */
  defaultWarehouseId: integer('default_warehouse_id').references(() => warehouses.id),
  createdAt: text('created_at').notNull().default(now),
});

/** Only a SHA-256 of the session token is stored, so a copied database file cannot sign anyone in. */
export const sessions = sqliteTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  createdAt: text('created_at').notNull().default(now),
  expiresAt: text('expires_at').notNull(),
  /** The terminal it was started from (its device cookie; 'desktop' for the app's own window). */
  deviceId: text('device_id').notNull().default(''),
  address: text('address').notNull().default(''),
  userAgent: text('user_agent').notNull().default(''),
  /** Written at most once a minute, so an admin sees who is still at a terminal without a write per call. */
  lastSeenAt: text('last_seen_at'),
});

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull().default(now),
    userId: integer('user_id').references(() => users.id),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    detail: text('detail').notNull().default('{}'),
  },
  (t) => [index('audit_entity_idx').on(t.entity, t.entityId)],
);

export { now };
