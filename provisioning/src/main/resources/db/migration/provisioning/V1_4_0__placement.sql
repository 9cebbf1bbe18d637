-- placement (issue 4): overcommit per resource, overhead the host keeps for itself, and tags
-- (features) that placement rules may require. Existing hosts keep today's behaviour: no memory
-- or disk overcommit, no reserved overhead, no tags.
alter table host add column memory_overcommit double default 1.0 not null;
alter table host add column disk_overcommit double default 1.0 not null;
alter table host add column reserved_cpus int default 0 not null;
alter table host add column reserved_memory_mib bigint default 0 not null;
alter table host add column reserved_disk_gib bigint default 0 not null;
alter table host add column tags varchar(1000) default '' not null;

-- the spread and affinity rules count a function's instances per host
create index ix_instance_function_host on instance (function_id, host_id);
