-- What several instances must share about the console (SPEC §7): its sessions and its count
-- of failed sign-ins. Portable SQL: the same script runs on H2 and PostgreSQL.

-- Spring Session JDBC's tables, as its schema-h2.sql and schema-postgresql.sql define them
-- (spring-session-jdbc 4.0). Those two differ only in the attribute column's type
-- (LONGVARBINARY on H2, BYTEA on PostgreSQL); H2 reads BYTEA as a variable-length binary
-- of up to 1 GB, like PostgreSQL's, so one script serves both. Names are left unquoted, as
-- Spring Session's queries are.
create table spring_session (
	primary_id char(36) not null,
	session_id char(36) not null,
	creation_time bigint not null,
	last_access_time bigint not null,
	max_inactive_interval integer not null,
	expiry_time bigint not null,
	principal_name varchar(100),
	constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
	session_primary_id char(36) not null,
	attribute_name varchar(200) not null,
	attribute_bytes bytea not null,
	constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
	constraint spring_session_attributes_fk foreign key (session_primary_id)
		references spring_session (primary_id) on delete cascade
);

-- Failed console sign-ins, counted per (account, client address) and per client address.
-- The subject is a SHA-256 digest of what is counted, never the typed username itself
-- (people type passwords into the username field) nor the address in clear.
create table sign_in_failures (
	subject char(64) not null,
	failures integer not null,
	last_failed_at timestamp with time zone not null,
	constraint sign_in_failures_pk primary key (subject)
);

create index sign_in_failures_last_failed on sign_in_failures (last_failed_at);
