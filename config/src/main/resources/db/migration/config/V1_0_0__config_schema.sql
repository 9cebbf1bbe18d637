-- config: teams, people, catalog and quotas
create table team (
  id bigint auto_increment primary key,
  name varchar(100) not null,
  constraint uk_team_name unique (name)
);

create table person (
  id bigint auto_increment primary key,
  username varchar(64) not null,
  display_name varchar(200) not null,
  password_hash varchar(200) not null,
  team_id bigint not null,
  constraint uk_person_username unique (username),
  constraint fk_person_team foreign key (team_id) references team (id)
);

create table person_role (
  person_id bigint not null,
  role varchar(20) not null,
  primary key (person_id, role),
  constraint fk_person_role_person foreign key (person_id) references person (id)
);

create table size (
  id bigint auto_increment primary key,
  name varchar(100) not null,
  vcpu int not null,
  memory_mib bigint not null,
  disk_gib bigint not null,
  constraint uk_size_name unique (name)
);

create table service_tier (
  id bigint auto_increment primary key,
  name varchar(100) not null,
  spread_fault_domains boolean not null,
  restart_on_host_failure boolean not null,
  live_migration boolean not null,
  max_cpu_overcommit double not null,
  constraint uk_service_tier_name unique (name)
);

create table business_function (
  id bigint auto_increment primary key,
  team_id bigint not null,
  name varchar(100) not null,
  tier_id bigint not null,
  constraint uk_business_function_team_name unique (team_id, name),
  constraint fk_business_function_team foreign key (team_id) references team (id),
  constraint fk_business_function_tier foreign key (tier_id) references service_tier (id)
);

-- usage = alloc_* (running) + resv_* (held by open requests); changed only by conditional updates
create table quota (
  team_id bigint primary key,
  limit_vcpu int not null default 0,
  limit_memory_mib bigint not null default 0,
  limit_disk_gib bigint not null default 0,
  limit_instances int not null default 0,
  alloc_vcpu int not null default 0,
  alloc_memory_mib bigint not null default 0,
  alloc_disk_gib bigint not null default 0,
  alloc_instances int not null default 0,
  resv_vcpu int not null default 0,
  resv_memory_mib bigint not null default 0,
  resv_disk_gib bigint not null default 0,
  resv_instances int not null default 0,
  constraint fk_quota_team foreign key (team_id) references team (id)
);

create table quota_reservation (
  reservation_key varchar(100) primary key,
  team_id bigint not null,
  vcpu int not null,
  memory_mib bigint not null,
  disk_gib bigint not null,
  instances int not null,
  state varchar(20) not null,
  created_at timestamp(6) not null,
  updated_at timestamp(6) not null,
  constraint fk_quota_reservation_team foreign key (team_id) references team (id)
);
