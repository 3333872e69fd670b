-- Resource-server clients: APIs that ask Latchkey about tokens (RFC 7662 introspection,
-- RFC 7009 revocation). The secret is stored as a SHA-256 digest, like tokens.

create table resource_clients (
	id uuid primary key,
	organisation_id uuid not null references organisations (id),
	name varchar(400) not null,
	client_id varchar(40) not null,
	secret_digest char(64) not null,
	enabled boolean not null,
	created_at timestamp with time zone not null,
	created_by varchar(100) not null,
	constraint resource_clients_client_id_unique unique (client_id),
	constraint resource_clients_organisation_name_unique unique (organisation_id, name)
);
