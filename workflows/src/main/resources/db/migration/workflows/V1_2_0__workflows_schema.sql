-- workflows: capacity requests and their timelines
create table capacity_request (
  id bigint auto_increment primary key,
  version bigint not null default 0,
  team_id bigint not null,
  requester varchar(64) not null,
  function_id bigint not null,
  function_name varchar(100) not null,
  size_name varchar(100) not null,
  vcpu int not null,
  memory_mib bigint not null,
  disk_gib bigint not null,
  instance_count int not null,
  lease_end date not null,
  reason varchar(1000) not null,
  status varchar(20) not null,
  status_reason varchar(1000),
  submitted_at timestamp(6) not null,
  updated_at timestamp(6) not null
);
create index ix_capacity_request_team on capacity_request (team_id);

create table request_event (
  id bigint auto_increment primary key,
  request_id bigint not null,
  occurred_at timestamp(6) not null,
  actor varchar(64) not null,
  event varchar(100) not null,
  detail varchar(2000),
  constraint fk_request_event_request foreign key (request_id) references capacity_request (id)
);
create index ix_request_event_request on request_event (request_id);
