-- A pending trial that can no longer be queued (its stored spec became invalid, say after the
-- limits changed) is rejected with the reason, instead of holding up the trials behind it.
alter table tuning_trial add column error text;
