-- the audit trail: who did what to which object, and whether it was allowed and worked (see AuditService)
create table audit_entry (
  id bigint auto_increment primary key,
  at timestamp(6) not null,
  who varchar(200) not null,
  team varchar(100),
  action varchar(64) not null,
  object varchar(200),
  outcome varchar(10) not null,
  detail varchar(1000)
);

-- newest first, and each filter narrowed to its newest rows, without sorting the whole table
create index ix_audit_entry_at on audit_entry (at);
create index ix_audit_entry_who_at on audit_entry (who, at);
create index ix_audit_entry_team_at on audit_entry (team, at);
create index ix_audit_entry_action_at on audit_entry (action, at);
create index ix_audit_entry_outcome_at on audit_entry (outcome, at);
