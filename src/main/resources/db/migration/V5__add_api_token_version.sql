-- An optimistic lock on each token: every stored change of its status bumps the version, and
-- an update that finds another version than it read changes nothing.

alter table api_tokens add column version integer default 0 not null;
