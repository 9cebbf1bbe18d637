-- personal API tokens: only a SHA-256 hash of the secret is kept; revoked tokens stay for the record
create table api_token (
  id bigint auto_increment primary key,
  owner varchar(64) not null,
  name varchar(100) not null,
  token_hash char(64) not null,
  created_at timestamp(6) not null,
  expires_at timestamp(6) not null,
  last_used_at timestamp(6),
  revoked_at timestamp(6)
);
create unique index ux_api_token_hash on api_token (token_hash);
create index ix_api_token_owner on api_token (owner);
