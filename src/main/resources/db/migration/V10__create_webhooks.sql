-- SPEC §9: webhooks of an organisation and their deliveries. The signing secret is stored as it
-- must be used: an HMAC needs the secret itself, not a digest of it (docs/security.md).
create table webhooks (
	id uuid primary key,
	organisation_id uuid not null references organisations (id),
	url varchar(2000) not null,
	-- space-separated event names; null means every event
	events varchar(400),
	signing_secret varchar(100) not null,
	created_by varchar(100) not null,
	created_at timestamp with time zone not null,
	constraint webhooks_organisation_url_unique unique (organisation_id, url)
);

-- One row per event and webhook: the delivery id is the id the receiver sees in
-- X-Latchkey-Delivery. A sender claims a due row by moving next_attempt_at from the value it
-- read (one row changed = claimed), so two instances never send one delivery together.
create table webhook_deliveries (
	id uuid primary key,
	webhook_id uuid not null references webhooks (id) on delete cascade,
	event_type varchar(60) not null,
	body varchar(8000) not null,
	created_at timestamp with time zone not null,
	attempts integer not null,
	next_attempt_at timestamp with time zone not null,
	state varchar(20) not null,
	last_status_code integer,
	last_duration_ms bigint,
	last_error varchar(200),
	delivered_at timestamp with time zone
);

create index webhook_deliveries_due on webhook_deliveries (state, next_attempt_at);
create index webhook_deliveries_webhook on webhook_deliveries (webhook_id, created_at);
