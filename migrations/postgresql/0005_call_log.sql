-- The call log page (GET /api/campaigns/{id}/attempts) shows for each entry the later entry that corrected it; this
-- finds it without reading the campaign's chain per row (seq included, so that MAX(seq) is read off the index). Only
-- corrections have corrects_seq, so the index stays small. The page itself reads UNIQUE (campaign_id, seq) backwards.
CREATE INDEX call_attempts_corrections ON call_attempts(campaign_id, corrects_seq, seq) WHERE corrects_seq IS NOT NULL;
