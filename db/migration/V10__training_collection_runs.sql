-- Global neural models: a run trains either on one series or on all members of a collection (one
-- network on the windows of every member). Exactly one of series_id and collection_id is set; the
-- runs and models of a collection go with it (ON DELETE CASCADE), as those of a series go with it.
alter table training_run alter column series_id drop not null;
alter table training_run add column collection_id bigint references collection (id) on delete cascade;
alter table training_run add constraint training_run_one_target
    check ((series_id is null) <> (collection_id is null));
create index training_run_collection_idx on training_run (collection_id, val_mae) where collection_id is not null;

alter table training_model alter column series_id drop not null;
alter table training_model add column collection_id bigint references collection (id) on delete cascade;
alter table training_model add constraint training_model_one_target
    check ((series_id is null) <> (collection_id is null));
create index training_model_collection_idx on training_model (collection_id) where collection_id is not null;
