-- SPEC §9: a rotated token keeps the digest of the secret it replaced for the overlap.
alter table api_tokens add column previous_digest char(64);
alter table api_tokens add column previous_valid_until timestamp with time zone;
alter table api_tokens add column rotated_at timestamp with time zone;
alter table api_tokens add constraint api_tokens_previous_digest_unique unique (previous_digest);

-- SPEC §9: authenticated requests per token and UTC day, kept 90 days. No foreign key: counts
-- are merged in batches after the fact, and must not fail because a token was deleted meanwhile
-- (deleting a token deletes its counts). 'day' is a keyword in H2, hence usage_day.
create table token_usage_days (
	token_id uuid not null,
	usage_day date not null,
	requests bigint not null,
	primary key (token_id, usage_day)
);

create index token_usage_days_day on token_usage_days (usage_day);
