-- The first answer to a POST /series or POST /train sent with an Idempotency-Key header,
-- per caller, stored in the transaction that created the resource: a retry with the same
-- key gets this answer again instead of creating a second resource.
create table idempotency_key (
    owner        text        not null,
    key          text        not null,
    fingerprint  text        not null,
    status       integer     not null,
    location     text,
    body         text        not null,
    created_at   timestamptz not null default now(),
    primary key (owner, key)
);

create index idempotency_key_created_at on idempotency_key (created_at);

-- A random search larger than its owner's active-run quota: the trials that could not be
-- queued at once wait as pending (no run yet) and are queued as earlier runs finish.
alter table tuning add column owner text;
alter table tuning_trial add column pending boolean not null default false;

create index tuning_trial_pending_idx on tuning_trial (tuning_id, trial) where pending;
