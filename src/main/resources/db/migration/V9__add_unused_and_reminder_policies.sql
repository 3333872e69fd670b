-- SPEC §9: two more policies of an organisation. Revoking unused tokens is off (null) unless
-- an admin sets a number of days; expiry reminders default to 7 and 1 days before expiry,
-- stored as comma-separated whole days, largest first ('' = no reminders).
alter table organisations add column revoke_tokens_unused_for_days integer;
alter table organisations add column expiry_reminder_days varchar(30) default '7,1' not null;

-- SPEC §9: a re-approval counts as a sign of life, like a use, so a token re-approved after it
-- was revoked as unused is not revoked again at the next sweep.
alter table api_tokens add column reapproved_at timestamp with time zone;

-- SPEC §9: a reminder is claimed by inserting its row; the primary key makes the claim exactly
-- once across instances and restarts. The token's expiry is part of the key, so a rotated token
-- (new expiry) is reminded again; deleting the token deletes its rows.
create table expiry_reminders (
	token_id uuid not null references api_tokens (id) on delete cascade,
	threshold_days integer not null,
	expires_at timestamp with time zone not null,
	claimed_at timestamp with time zone not null,
	announced boolean not null,
	primary key (token_id, threshold_days, expires_at)
);
