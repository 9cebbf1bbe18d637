-- provisioning: the pool's hosts and the instances placed on them
create table host (
  id bigint auto_increment primary key,
  name varchar(63) not null,
  uri varchar(500) not null,
  hypervisor_type varchar(20) not null,
  state varchar(20) not null,
  cpus int not null,
  memory_mib bigint not null,
  disk_gib bigint not null,
  cpu_overcommit double not null,
  fault_domain varchar(100),
  -- changed only by conditional updates (see PoolService)
  alloc_vcpu int not null default 0,
  alloc_memory_mib bigint not null default 0,
  alloc_disk_gib bigint not null default 0,
  constraint uk_host_name unique (name),
  constraint uk_host_uri unique (uri)
);

-- id = the libvirt domain UUID, so every hypervisor call is keyed by it
create table instance (
  id char(36) primary key,
  order_key varchar(100) not null,
  team_id bigint not null,
  function_id bigint not null,
  name varchar(100) not null,
  size_name varchar(100) not null,
  vcpu int not null,
  memory_mib bigint not null,
  disk_gib bigint not null,
  state varchar(20) not null,
  host_id bigint,
  last_error varchar(1000),
  created_at timestamp(6) not null,
  updated_at timestamp(6) not null,
  constraint fk_instance_host foreign key (host_id) references host (id)
);
create index ix_instance_order on instance (order_key);
create index ix_instance_team on instance (team_id);
create index ix_instance_host on instance (host_id);
