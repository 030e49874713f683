-- Who submitted a run, for per-key quotas: the API key's fingerprint (a SHA-256 prefix, never the
-- key), or 'anonymous' when the service runs open.
alter table training_run add column owner varchar(32) not null default 'anonymous';

create index training_run_active_owner_idx on training_run (owner) where status in ('QUEUED', 'RUNNING');
