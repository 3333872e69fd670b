-- Hits counted toward fixed-window rate limits (refused tokens, leak reports), shared by every
-- instance: each instance appends what it counted since its last synchronisation, and reads
-- the sums of the current window back. Rows of ended windows are deleted.

create table rate_limit_counts (
	limit_name varchar(40) not null,
	client_key varchar(64) not null,
	window_start timestamp with time zone not null,
	hits integer not null
);

create index rate_limit_counts_window on rate_limit_counts (limit_name, window_start, client_key);
