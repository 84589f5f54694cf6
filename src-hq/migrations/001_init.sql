-- The reference HQ's tables. Event tables are partitioned by month of business date; their partitions are
-- created on demand (store/partitions.ts). The inbox is a small unpartitioned key table so that
-- (device_id, event_id) can be unique on its own.

create table distributors (
  code text primary key,
  name text not null,
  created_at timestamptz not null default now()
);

create table enrolment_codes (
  code_hash text primary key,
  distributor_code text not null references distributors (code),
  expires_at timestamptz not null,
  used_at timestamptz,
  device_id text
);

create table devices (
  device_id text primary key,
  distributor_code text not null references distributors (code),
  name text not null,
  app_version text not null,
  secret_hash text not null,
  enrolled_at timestamptz not null default now(),
  revoked_at timestamptz,
  high_water_mark bigint not null default 0
);

create table inbox (
  device_id text not null references devices (device_id),
  event_id uuid not null,
  device_seq bigint not null,
  type text not null,
  business_date date not null,
  payload_hash text not null,
  status text not null check (status in ('accepted', 'rejected')),
  reason text,
  received_at timestamptz not null default now(),
  primary key (device_id, event_id),
  unique (device_id, device_seq)
);

-- A sequence number answered with a conflict still counts as answered for the high-water mark.
create table seq_conflicts (
  device_id text not null references devices (device_id),
  device_seq bigint not null,
  event_id uuid not null,
  reason text not null,
  received_at timestamptz not null default now(),
  primary key (device_id, device_seq)
);

create table events (
  device_id text not null,
  event_id uuid not null,
  device_seq bigint not null,
  distributor_code text not null,
  type text not null,
  schema_version int not null,
  business_date date not null,
  occurred_at timestamptz not null,
  status text not null,
  payload jsonb not null,
  primary key (device_id, event_id, business_date)
) partition by range (business_date);
create index events_by_distributor_day on events (distributor_code, business_date);

-- Secondary sales: one row per invoice or credit-note line, signed (cancellations and returns negative).
create table secondary_sales (
  distributor_code text not null,
  device_id text not null,
  event_id uuid not null,
  business_date date not null,
  document_type text not null,
  document_number text not null,
  customer_code text not null,
  sku text not null,
  batch_no text,
  qty bigint not null,
  free_qty bigint not null,
  taxable_paise bigint not null,
  tax_paise bigint not null,
  total_paise bigint not null
) partition by range (business_date);
create index secondary_sales_by_distributor_day on secondary_sales (distributor_code, business_date);

create table closing_stock (
  distributor_code text not null,
  warehouse_code text not null,
  as_of date not null,
  sku text not null,
  batch_no text not null,
  qty bigint not null,
  device_seq bigint not null,
  primary key (distributor_code, warehouse_code, as_of, sku, batch_no)
);

create table outlets (
  distributor_code text not null,
  code text not null,
  data jsonb not null,
  device_seq bigint not null,
  primary key (distributor_code, code)
);

-- Masters and primary shipments HQ publishes; seq is the pull cursor (publishing is serialized).
create table masters (
  seq bigserial primary key,
  master_type text not null,
  key text not null,
  version int not null,
  distributor_code text references distributors (code),
  valid_from date not null,
  valid_to date,
  data jsonb not null,
  published_at timestamptz not null default now(),
  unique (master_type, key, version)
);
create index masters_by_distributor on masters (distributor_code, seq);
