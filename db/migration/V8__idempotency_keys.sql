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
