-- A business function's page lists its latest requests (newest first) and counts them: an index on
-- the function, with the id for the order, instead of reading all of the team's requests.
create index ix_capacity_request_function on capacity_request (function_id, id);
