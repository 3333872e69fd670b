-- SPEC §9: a rotated token keeps the digest of the secret it replaced for the overlap.
alter table api_tokens add column previous_digest char(64);
alter table api_tokens add column previous_valid_until timestamp with time zone;
alter table api_tokens add column rotated_at timestamp with time zone;
alter table api_tokens add constraint api_tokens_previous_digest_unique unique (previous_digest);
