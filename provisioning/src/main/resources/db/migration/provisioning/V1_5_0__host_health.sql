-- provisioning.health: what the periodic check last saw of each host. The host's state (ACTIVE,
-- DOWN) stays in host.state; this is why it is what it is.
create table host_health (
  host_id bigint primary key,
  consecutive_failures int not null default 0,
  last_checked_at timestamp(6),
  last_answer_at timestamp(6),
  last_error varchar(1000),
  -- set when the configured capacity exceeds what the host reports
  capacity_warning varchar(1000),
  constraint fk_host_health_host foreign key (host_id) references host (id)
);
