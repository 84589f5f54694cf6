import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const warehouses = sqliteTable('warehouses', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  line1: text('line1').notNull().default(''),
  line2: text('line2').notNull().default(''),
  area: text('area').notNull().default(''),
  city: text('city').notNull().default(''),
  district: text('district').notNull().default(''),
  stateCode: text('state_code').notNull(),
  pincode: text('pincode').notNull().default(''),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  version: integer('version').notNull().default(1),
});
