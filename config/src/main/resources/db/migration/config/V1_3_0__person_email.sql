-- people get an e-mail address for notifications
alter table person add column email varchar(254);
