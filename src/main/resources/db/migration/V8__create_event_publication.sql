-- SPEC §9: Spring Modulith's JDBC event publication registry (its v2 schema, written portably
-- for H2 and PostgreSQL). A token event is stored here in the transaction of the change and
-- completed once its listener ran; incomplete ones are resubmitted at start-up.
create table event_publication (
	id uuid not null primary key,
	listener_id varchar(512) not null,
	event_type varchar(512) not null,
	serialized_event varchar(4000) not null,
	publication_date timestamp with time zone not null,
	completion_date timestamp with time zone,
	status varchar(20),
	completion_attempts int,
	last_resubmission_date timestamp with time zone
);

create index event_publication_by_completion_date on event_publication (completion_date);
