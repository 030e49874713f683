-- Progress of a run that trains several networks (an ensemble, a collection's global model):
-- how many have finished of how many. Null on runs of a single network (and before the first
-- report of an attempt).
alter table training_run add column networks_done integer;
alter table training_run add column networks_total integer;
