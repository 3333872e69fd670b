-- SPEC §8: what a token may do and where from. Every existing token keeps its owner's full
-- power (scope 'api') from anywhere (no allowlist).
alter table api_tokens add column scopes varchar(1300) default 'api' not null;
alter table api_tokens add column allowed_ips varchar(1100);

create table organisation_scopes (
	organisation_id uuid not null references organisations (id),
	name varchar(64) not null,
	description varchar(800),
	created_at timestamp with time zone not null,
	created_by varchar(100) not null,
	primary key (organisation_id, name)
);
