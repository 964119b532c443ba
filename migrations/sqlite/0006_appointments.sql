-- Appointments for the client's field reps: a rep's profile for slot suggestions (home base, working hours in its
-- own time zone, coordinates of the base), times it is not available (entered or imported from its calendar), the
-- appointments themselves, and a secret for the rep's calendar feed. Mails may carry a calendar invitation.
ALTER TABLE reps ADD COLUMN street TEXT NOT NULL DEFAULT '';
ALTER TABLE reps ADD COLUMN postal_code TEXT NOT NULL DEFAULT '';
ALTER TABLE reps ADD COLUMN city TEXT NOT NULL DEFAULT '';
ALTER TABLE reps ADD COLUMN country TEXT NOT NULL DEFAULT 'DE';
ALTER TABLE reps ADD COLUMN state TEXT NOT NULL DEFAULT '';  -- subdivision for public holidays (see Region)
ALTER TABLE reps ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Europe/Berlin';
ALTER TABLE reps ADD COLUMN working_hours TEXT NOT NULL DEFAULT '';  -- JSON by weekday; '' = Mon–Fri 08:00–17:00
ALTER TABLE reps ADD COLUMN appointment_minutes INTEGER NOT NULL DEFAULT 60;
ALTER TABLE reps ADD COLUMN feed_token_hash TEXT NOT NULL DEFAULT '';  -- SHA-256 of the feed URL's secret
ALTER TABLE campaigns ADD COLUMN reminder_offsets TEXT NOT NULL DEFAULT '1440,120';  -- minutes before
ALTER TABLE reps ADD COLUMN calendar_url TEXT NOT NULL DEFAULT '';     -- an ICS URL the rep's calendar publishes

CREATE TABLE rep_busy (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  rep_id INTEGER NOT NULL REFERENCES reps(id),
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('manual', 'calendar')),
  title TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);
CREATE INDEX rep_busy_rep_time ON rep_busy(rep_id, starts_at);

CREATE TABLE appointments (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  client_id INTEGER NOT NULL REFERENCES clients(id),
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
  lead_id INTEGER NOT NULL,
  person_id INTEGER NOT NULL,
  rep_id INTEGER NOT NULL REFERENCES reps(id),
  attempt_id INTEGER REFERENCES call_attempts(id),
  booked_by INTEGER NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL CHECK (kind IN ('on_site', 'video', 'phone')),
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  time_zone TEXT NOT NULL,
  location TEXT NOT NULL DEFAULT '',
  latitude REAL,
  longitude REAL,
  agenda TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'booked'
    CHECK (state IN ('booked', 'confirmed', 'change_requested', 'cancelled', 'held', 'no_show')),
  qualified INTEGER,
  sequence INTEGER NOT NULL DEFAULT 0,
  cancel_reason TEXT NOT NULL DEFAULT '',
  person_note TEXT NOT NULL DEFAULT '',  -- what the person wrote when asking for another time
  confirmed_at INTEGER,                    -- when the person confirmed (state may have moved on since)
  outcome_at INTEGER,                      -- when held / no-show was recorded
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX appointments_rep_time ON appointments(rep_id, starts_at);
CREATE INDEX appointments_campaign_time ON appointments(campaign_id, starts_at);
CREATE INDEX appointments_lead ON appointments(lead_id);

ALTER TABLE outbox ADD COLUMN appointment_id INTEGER;
ALTER TABLE outbox ADD COLUMN calendar_method TEXT NOT NULL DEFAULT '';  -- REQUEST | CANCEL; '' = no invitation
ALTER TABLE outbox ADD COLUMN calendar_text TEXT NOT NULL DEFAULT '';
CREATE INDEX outbox_appointment ON outbox(appointment_id);

-- Reminders queued, one per appointment, offset (minutes before it starts) and sequence: a moved appointment is
-- reminded of again at its new time, and a reminder is never queued twice.
CREATE TABLE appointment_reminders (
  appointment_id INTEGER NOT NULL REFERENCES appointments(id),
  sequence INTEGER NOT NULL,
  offset_minutes INTEGER NOT NULL,
  queued_at INTEGER NOT NULL,
  PRIMARY KEY (appointment_id, sequence, offset_minutes)
);

-- The installation's secret keys by purpose ('links': the signed links in mails), made on first use.
CREATE TABLE signing_keys (
  name TEXT PRIMARY KEY,
  secret TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
