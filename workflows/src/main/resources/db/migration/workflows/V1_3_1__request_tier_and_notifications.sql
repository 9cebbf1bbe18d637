-- the tier a request was made for (approval policy input), and in-app notifications
alter table capacity_request add column tier_name varchar(100) not null default '';
alter table capacity_request add column team_name varchar(100) not null default '';

create table notification (
  id bigint auto_increment primary key,
  recipient varchar(64) not null,
  request_id bigint,
  subject varchar(200) not null,
  body varchar(2000) not null,
  created_at timestamp(6) not null,
  read_at timestamp(6)
);
create index ix_notification_recipient on notification (recipient);
