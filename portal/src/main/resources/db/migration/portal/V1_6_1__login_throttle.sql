-- failed sign-ins per account and per address, counted by the database (see LoginThrottle)
create table login_failure (
  throttle_key varchar(300) primary key,
  failures int not null,
  window_start timestamp(6) not null
);
