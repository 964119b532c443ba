-- Calling: the queue (lead columns and calling areas), call attempts in a per-campaign hash chain, their notes,
-- callbacks, escalations to second level, agent presence, and the mail outbox.
-- Times are integer microseconds since the Unix epoch (UTC).

-- Where a called person is, as far as calling windows and public holidays go: their time zone ('' = their country's)
-- and their country and subdivision. Leads of one area open and close together, so the queue asks per area.
CREATE TABLE calling_areas (
  id INTEGER PRIMARY KEY,
  time_zone TEXT NOT NULL,
  country TEXT NOT NULL,
  subdivision TEXT NOT NULL,
  UNIQUE (time_zone, country, subdivision)
);

ALTER TABLE campaigns ADD COLUMN callback_tolerance_minutes INTEGER NOT NULL DEFAULT 10;
ALTER TABLE campaigns ADD COLUMN info_mail TEXT NOT NULL DEFAULT '{"subject":"","body":""}';

-- The queue: a lead is callable from next_call_at on; a lease moves next_call_at to its end, so a lease that lapses
-- (the agent vanished) makes the lead callable again without a sweep. area_id is NULL until the queue has placed
-- the lead (and again after the person's address or time zone changed).
ALTER TABLE leads ADD COLUMN area_id INTEGER REFERENCES calling_areas(id);
ALTER TABLE leads ADD COLUMN next_call_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE leads ADD COLUMN leased_by INTEGER;
ALTER TABLE leads ADD COLUMN lease_until INTEGER;
ALTER TABLE leads ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE leads ADD COLUMN last_attempt_at INTEGER;
ALTER TABLE leads ADD COLUMN last_outcome TEXT NOT NULL DEFAULT '';
CREATE INDEX leads_queue ON leads(campaign_id, area_id, priority DESC, next_call_at, id)
  WHERE state IN ('new', 'in_progress');
CREATE INDEX leads_leased_by ON leads(leased_by) WHERE leased_by IS NOT NULL;
CREATE INDEX leads_unplaced ON leads(campaign_id) WHERE area_id IS NULL;

-- Every call attempt, append-only and chained per campaign in seq order (docs/call-ledger.md). A correction is a
-- new entry whose corrects_seq names the corrected one. The note is kept apart (call_notes) so that a person's
-- erasure can remove it; the chain holds its SHA-256.
CREATE TABLE call_attempts (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
  seq INTEGER NOT NULL,
  lead_id INTEGER NOT NULL,
  person_id INTEGER NOT NULL,
  agent_id INTEGER NOT NULL,
  phone TEXT NOT NULL,
  caller_id TEXT NOT NULL,
  outcome TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  note_sha256 TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  ended_at INTEGER NOT NULL,
  talk_seconds INTEGER NOT NULL,
  callback_at INTEGER,
  corrects_seq INTEGER,
  recorded_at INTEGER NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  UNIQUE (campaign_id, seq)
);
CREATE INDEX call_attempts_lead ON call_attempts(lead_id, started_at);
CREATE INDEX call_attempts_agent ON call_attempts(agent_id, started_at);
CREATE INDEX call_attempts_agency_time ON call_attempts(agency_id, started_at);
CREATE TRIGGER call_attempts_no_update BEFORE UPDATE ON call_attempts
BEGIN SELECT RAISE(ABORT, 'call_attempts is append-only'); END;
CREATE TRIGGER call_attempts_no_delete BEFORE DELETE ON call_attempts
BEGIN SELECT RAISE(ABORT, 'call_attempts is append-only'); END;

CREATE TABLE call_notes (
  attempt_id INTEGER PRIMARY KEY REFERENCES call_attempts(id),
  note TEXT NOT NULL
);

-- A promise to call again. personal: promised to the person by its owner, must be kept; general: a retry at a time;
-- apology: made when a personal one was missed, first in the queue.
CREATE TABLE callbacks (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
  lead_id INTEGER NOT NULL REFERENCES leads(id),
  kind TEXT NOT NULL CHECK (kind IN ('personal', 'general', 'apology')),
  owner_id INTEGER REFERENCES users(id),
  assigned_to INTEGER REFERENCES users(id),
  due_at INTEGER NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'missed', 'cancelled')),
  leased_by INTEGER,
  lease_until INTEGER,
  started_at INTEGER,
  started_by INTEGER,
  promised_in INTEGER REFERENCES call_attempts(id),
  kept_in INTEGER REFERENCES call_attempts(id),
  note TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX callbacks_pending ON callbacks(campaign_id, due_at) WHERE state = 'pending';
CREATE INDEX callbacks_lead ON callbacks(lead_id);

-- A question an agent hands to second level during a call, with the callback time promised to the person.
CREATE TABLE escalations (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
  lead_id INTEGER NOT NULL REFERENCES leads(id),
  raised_in INTEGER REFERENCES call_attempts(id),
  raised_by INTEGER NOT NULL REFERENCES users(id),
  question TEXT NOT NULL,
  urgency TEXT NOT NULL CHECK (urgency IN ('normal', 'high', 'critical')),
  promised_at INTEGER NOT NULL,
  assigned_to INTEGER REFERENCES users(id),
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved')),
  resolved_in INTEGER REFERENCES call_attempts(id),
  resolved_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL,
  resolved_at INTEGER
);
CREATE INDEX escalations_open ON escalations(agency_id, promised_at) WHERE state = 'open';

-- Who is working right now: written by the agent workspace (heartbeat, state), read by supervision and by the
-- callback handover.
CREATE TABLE agent_presence (
  user_id INTEGER PRIMARY KEY REFERENCES users(id),
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  campaign_id INTEGER REFERENCES campaigns(id),
  state TEXT NOT NULL CHECK (state IN ('ready', 'on_call', 'wrap_up', 'paused')),
  lead_id INTEGER,
  since INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
);
CREATE INDEX agent_presence_agency ON agent_presence(agency_id);

-- Mail waiting for SMTP, kept until sent; retried with growing delays.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  lead_id INTEGER,
  attempt_id INTEGER,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'failed')),
  tries INTEGER NOT NULL DEFAULT 0,
  next_try_at INTEGER NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  sent_at INTEGER
);
CREATE INDEX outbox_due ON outbox(next_try_at) WHERE state = 'queued';
CREATE INDEX outbox_lead ON outbox(lead_id);
