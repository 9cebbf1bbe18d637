-- provisioning.migration: what an instance needs to be moved under the rules it was placed by,
-- where it is going while a move is in flight, and the plans administrators confirm.

-- the placement rules of the instance's tier when it was provisioned, and what the tier allows
alter table instance add column spread varchar(8) not null default 'NONE';
alter table instance add column affinity boolean not null default false;
alter table instance add column required_tags varchar(500);
alter table instance add column rule_hypervisor varchar(20);
alter table instance add column max_cpu_overcommit double not null default 0;
alter table instance add column live_migration boolean not null default true;
alter table instance add column restart_on_failure boolean not null default false;
-- set while a move is in flight: the target host, which already holds the instance's allocation
alter table instance add column moving_to bigint;
alter table instance add constraint fk_instance_moving_to foreign key (moving_to) references host (id);

-- set when an administrator (or the fence command) confirmed that a DOWN host is really off
alter table host add column fenced_at timestamp(6);

-- a plan of moves: evacuating one host (DRAIN) or rebalancing the pool (BALANCE, CONSOLIDATE)
create table migration_plan (
  id bigint auto_increment primary key,
  kind varchar(20) not null,
  host_id bigint,
  state varchar(20) not null,
  requested_by varchar(100) not null,
  summary varchar(1000),
  created_at timestamp(6) not null,
  updated_at timestamp(6) not null,
  constraint fk_migration_plan_host foreign key (host_id) references host (id)
);
create index ix_migration_plan_host on migration_plan (host_id, state);

create table migration_move (
  id bigint auto_increment primary key,
  plan_id bigint not null,
  position int not null,
  instance_id char(36) not null,
  instance_name varchar(100) not null,
  from_host bigint not null,
  to_host bigint,
  method varchar(8),
  status varchar(20) not null,
  -- why the move cannot be made (no room, spread rule, hypervisor type) or why it failed
  reason varchar(1000),
  downtime_ms bigint,
  took_ms bigint,
  started_at timestamp(6),
  finished_at timestamp(6),
  constraint fk_migration_move_plan foreign key (plan_id) references migration_plan (id),
  constraint fk_migration_move_from foreign key (from_host) references host (id),
  constraint fk_migration_move_to foreign key (to_host) references host (id)
);
create index ix_migration_move_plan on migration_move (plan_id, position);
