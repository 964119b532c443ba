-- Calling: the queue (lead columns and calling areas), call attempts in a per-campaign hash chain, their notes,
-- callbacks, escalations to second level, agent presence, and the mail outbox.
-- Times are integer microseconds since the Unix epoch (UTC).

-- Where a called person is, as far as calling windows and public holidays go: their time zone ('' = their country's)
-- and their country and subdivision. Leads of one area open and close together, so the queue asks per area.
CREATE TABLE calling_areas (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  time_zone TEXT NOT NULL,
  country TEXT NOT NULL,
  subdivision TEXT NOT NULL,
  UNIQUE (time_zone, country, subdivision)
);

ALTER TABLE campaigns ADD COLUMN callback_tolerance_minutes BIGINT NOT NULL DEFAULT 10;
ALTER TABLE campaigns ADD COLUMN info_mail TEXT NOT NULL DEFAULT '{"subject":"","body":""}';

-- The queue: a lead is callable from next_call_at on; a lease moves next_call_at to its end, so a lease that lapses
-- (the agent vanished) makes the lead callable again without a sweep. area_id is NULL until the queue has placed
-- the lead (and again after the person's address or time zone changed).
ALTER TABLE leads ADD COLUMN area_id BIGINT REFERENCES calling_areas(id);
ALTER TABLE leads ADD COLUMN next_call_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE leads ADD COLUMN leased_by BIGINT;
ALTER TABLE leads ADD COLUMN lease_until BIGINT;
ALTER TABLE leads ADD COLUMN attempts BIGINT NOT NULL DEFAULT 0;
ALTER TABLE leads ADD COLUMN last_attempt_at BIGINT;
ALTER TABLE leads ADD COLUMN last_outcome TEXT NOT NULL DEFAULT '';
CREATE INDEX leads_queue ON leads(campaign_id, area_id, priority DESC, next_call_at, id)
  WHERE state IN ('new', 'in_progress');
CREATE INDEX leads_leased_by ON leads(leased_by) WHERE leased_by IS NOT NULL;
CREATE INDEX leads_unplaced ON leads(campaign_id) WHERE area_id IS NULL;

-- Every call attempt, append-only and chained per campaign in seq order (docs/call-ledger.md). A correction is a
-- new entry whose corrects_seq names the corrected one. The note is kept apart (call_notes) so that a person's
-- erasure can remove it; the chain holds its SHA-256.
CREATE TABLE call_attempts (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
  seq BIGINT NOT NULL,
  lead_id BIGINT NOT NULL,
  person_id BIGINT NOT NULL,
  agent_id BIGINT NOT NULL,
  phone TEXT NOT NULL,
  caller_id TEXT NOT NULL,
  outcome TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  note_sha256 TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  ended_at BIGINT NOT NULL,
  talk_seconds BIGINT NOT NULL,
  callback_at BIGINT,
  corrects_seq BIGINT,
  recorded_at BIGINT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  UNIQUE (campaign_id, seq)
);
CREATE INDEX call_attempts_lead ON call_attempts(lead_id, started_at);
CREATE INDEX call_attempts_agent ON call_attempts(agent_id, started_at);
CREATE INDEX call_attempts_agency_time ON call_attempts(agency_id, started_at);
CREATE FUNCTION call_attempts_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'call_attempts is append-only';
END;
$$;
CREATE TRIGGER call_attempts_no_change BEFORE UPDATE OR DELETE ON call_attempts
FOR EACH ROW EXECUTE FUNCTION call_attempts_append_only();

CREATE TABLE call_notes (
  attempt_id BIGINT PRIMARY KEY REFERENCES call_attempts(id),
  note TEXT NOT NULL
);

-- A promise to call again. personal: promised to the person by its owner, must be kept; general: a retry at a time;
-- apology: made when a personal one was missed, first in the queue.
CREATE TABLE callbacks (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
  lead_id BIGINT NOT NULL REFERENCES leads(id),
  kind TEXT NOT NULL CHECK (kind IN ('personal', 'general', 'apology')),
  owner_id BIGINT REFERENCES users(id),
  assigned_to BIGINT REFERENCES users(id),
  due_at BIGINT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'missed', 'cancelled')),
  leased_by BIGINT,
  lease_until BIGINT,
  started_at BIGINT,
  started_by BIGINT,
  promised_in BIGINT REFERENCES call_attempts(id),
  kept_in BIGINT REFERENCES call_attempts(id),
  note TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX callbacks_pending ON callbacks(campaign_id, due_at) WHERE state = 'pending';
CREATE INDEX callbacks_lead ON callbacks(lead_id);

-- A question an agent hands to second level during a call, with the callback time promised to the person.
CREATE TABLE escalations (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
  lead_id BIGINT NOT NULL REFERENCES leads(id),
  raised_in BIGINT REFERENCES call_attempts(id),
  raised_by BIGINT NOT NULL REFERENCES users(id),
  question TEXT NOT NULL,
  urgency TEXT NOT NULL CHECK (urgency IN ('normal', 'high', 'critical')),
  promised_at BIGINT NOT NULL,
  assigned_to BIGINT REFERENCES users(id),
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved')),
  resolved_in BIGINT REFERENCES call_attempts(id),
  resolved_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL,
  resolved_at BIGINT
);
CREATE INDEX escalations_open ON escalations(agency_id, promised_at) WHERE state = 'open';

-- Who is working right now: written by the agent workspace (heartbeat, state), read by supervision and by the
-- callback handover.
CREATE TABLE agent_presence (
  user_id BIGINT PRIMARY KEY REFERENCES users(id),
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  campaign_id BIGINT REFERENCES campaigns(id),
  state TEXT NOT NULL CHECK (state IN ('ready', 'on_call', 'wrap_up', 'paused')),
  lead_id BIGINT,
  since BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL
);
CREATE INDEX agent_presence_agency ON agent_presence(agency_id);

-- Mail waiting for SMTP, kept until sent; retried with growing delays.
CREATE TABLE outbox (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  lead_id BIGINT,
  attempt_id BIGINT,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'failed')),
  tries BIGINT NOT NULL DEFAULT 0,
  next_try_at BIGINT NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  sent_at BIGINT
);
CREATE INDEX outbox_due ON outbox(next_try_at) WHERE state = 'queued';
CREATE INDEX outbox_lead ON outbox(lead_id);
