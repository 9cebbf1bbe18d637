-- an administrator can disable a person: they can no longer sign in or use their API tokens
alter table person add column enabled boolean not null default true;
