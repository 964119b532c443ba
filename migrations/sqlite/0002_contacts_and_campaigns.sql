-- Clients, campaign setup, contacts, consent, block list, imports, privacy requests.
-- Times are integer microseconds since the Unix epoch (UTC); JSON columns hold validated documents.
ALTER TABLE clients ADD COLUMN country TEXT NOT NULL DEFAULT 'DE';
ALTER TABLE clients ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;

ALTER TABLE campaigns ADD COLUMN country TEXT NOT NULL DEFAULT 'DE';
ALTER TABLE campaigns ADD COLUMN caller_id TEXT;
ALTER TABLE campaigns ADD COLUMN calling_rules TEXT NOT NULL DEFAULT '';
ALTER TABLE campaigns ADD COLUMN billing TEXT NOT NULL DEFAULT '{}';
ALTER TABLE campaigns ADD COLUMN script TEXT NOT NULL DEFAULT '{"sections":[],"objections":[]}';
ALTER TABLE campaigns ADD COLUMN qualification TEXT NOT NULL DEFAULT '[]';
ALTER TABLE campaigns ADD COLUMN archived_at INTEGER;
ALTER TABLE campaigns ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;

CREATE TABLE campaign_briefings (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
  version INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL,
  UNIQUE (campaign_id, version)
);

CREATE TABLE briefing_acknowledgements (
  briefing_id INTEGER NOT NULL REFERENCES campaign_briefings(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  acknowledged_at INTEGER NOT NULL,
  PRIMARY KEY (briefing_id, user_id)
);

CREATE TABLE campaign_members (
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  member_role TEXT NOT NULL CHECK (member_role IN ('agent', 'specialist')),
  PRIMARY KEY (campaign_id, user_id)
);
CREATE INDEX campaign_members_user ON campaign_members(user_id);

-- The client's field reps; working hours and calendars come with the appointments work.
CREATE TABLE reps (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  client_id INTEGER NOT NULL REFERENCES clients(id),
  name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  territories TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);
CREATE INDEX reps_client ON reps(client_id);

CREATE TABLE campaign_reps (
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
  rep_id INTEGER NOT NULL REFERENCES reps(id),
  PRIMARY KEY (campaign_id, rep_id)
);

CREATE TABLE companies (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL,  -- the tenant; no foreign key on the bulk tables (docs/decisions/0004)
  client_id INTEGER NOT NULL REFERENCES clients(id),
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  industry TEXT NOT NULL DEFAULT '',
  size TEXT NOT NULL DEFAULT '',
  website TEXT NOT NULL DEFAULT '',
  street TEXT NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX companies_client_key ON companies(client_id, name_key);

CREATE TABLE persons (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL,  -- as in companies
  client_id INTEGER NOT NULL REFERENCES clients(id),
  company_id INTEGER REFERENCES companies(id),
  salutation TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  first_name TEXT NOT NULL DEFAULT '',
  last_name TEXT NOT NULL DEFAULT '',
  function TEXT NOT NULL DEFAULT '',
  level TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  email_key TEXT NOT NULL DEFAULT '',
  time_zone TEXT NOT NULL DEFAULT '',
  legal_basis TEXT NOT NULL DEFAULT 'none' CHECK (legal_basis IN ('none', 'presumed_b2b', 'consent')),
  legal_basis_reason TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  external_id TEXT NOT NULL DEFAULT '',
  name_key TEXT NOT NULL DEFAULT '',
  blocked_at INTEGER,
  erased_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX persons_client_email ON persons(client_id, email_key);
CREATE INDEX persons_client_name ON persons(client_id, name_key);
CREATE INDEX persons_company ON persons(company_id);
CREATE INDEX persons_agency_last_name ON persons(agency_id, last_name);

CREATE TABLE phone_numbers (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL,  -- as in companies
  person_id INTEGER NOT NULL REFERENCES persons(id),
  kind TEXT NOT NULL CHECK (kind IN ('phone', 'mobile')),
  e164 TEXT NOT NULL,
  number_type TEXT NOT NULL DEFAULT '',
  region TEXT NOT NULL DEFAULT ''
);
CREATE INDEX phone_numbers_person ON phone_numbers(person_id);
CREATE INDEX phone_numbers_agency_e164 ON phone_numbers(agency_id, e164);

-- A person within a campaign; the calling work adds attempts, leases and callbacks.
CREATE TABLE leads (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL,  -- as in companies
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
  person_id INTEGER NOT NULL REFERENCES persons(id),
  state TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'in_progress', 'callback_due', 'appointment',
    'not_interested', 'unreachable', 'invalid', 'blocked')),
  priority INTEGER NOT NULL DEFAULT 0,
  import_id INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (campaign_id, person_id)
);
CREATE INDEX leads_person ON leads(person_id);

-- Documented consent and its withdrawal (UWG §7a): who gave it, for whom, for what, when, how. Append-only and
-- hash-chained per agency; kept at least five years, also when the person is erased.
CREATE TABLE consent_records (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  person_id INTEGER NOT NULL REFERENCES persons(id),
  kind TEXT NOT NULL CHECK (kind IN ('consent', 'withdrawal')),
  given_by TEXT NOT NULL,
  beneficiary TEXT NOT NULL,
  purpose TEXT NOT NULL,
  given_at INTEGER NOT NULL,
  channel TEXT NOT NULL,
  evidence TEXT NOT NULL DEFAULT '',
  recorded_by INTEGER,
  recorded_at INTEGER NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
);
CREATE INDEX consent_records_agency ON consent_records(agency_id, id);
CREATE INDEX consent_records_person ON consent_records(person_id);

-- Objections, honoured across every client and campaign of the agency for good. Values are stored only as keyed
-- hashes (phone in E.164, email lower-cased, or the normalised company and person name), so an erased person leaves
-- nothing readable behind.
CREATE TABLE block_list (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  kind TEXT NOT NULL CHECK (kind IN ('phone', 'email', 'name')),
  value_hash TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  created_by INTEGER,
  created_at INTEGER NOT NULL,
  UNIQUE (agency_id, kind, value_hash)
);

CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  client_id INTEGER NOT NULL REFERENCES clients(id),
  campaign_id INTEGER REFERENCES campaigns(id),
  created_by INTEGER REFERENCES users(id),
  file_name TEXT NOT NULL,
  file_size INTEGER NOT NULL DEFAULT 0,
  encoding TEXT NOT NULL DEFAULT '',
  delimiter TEXT NOT NULL DEFAULT '',
  headers TEXT NOT NULL DEFAULT '[]',
  mapping TEXT NOT NULL DEFAULT '{}',
  duplicates TEXT NOT NULL DEFAULT 'skip' CHECK (duplicates IN ('skip', 'merge')),
  state TEXT NOT NULL DEFAULT 'uploaded' CHECK (state IN ('uploaded', 'running', 'done', 'failed')),
  rows_total INTEGER NOT NULL DEFAULT 0,
  rows_done INTEGER NOT NULL DEFAULT 0,
  imported INTEGER NOT NULL DEFAULT 0,
  merged INTEGER NOT NULL DEFAULT 0,
  skipped_duplicates INTEGER NOT NULL DEFAULT 0,
  skipped_blocked INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  error TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  started_at INTEGER,
  finished_at INTEGER
);
CREATE INDEX imports_client ON imports(client_id);

-- Rows not imported as new persons (invalid, duplicate, blocked), by physical line of the file. A blocked row keeps
-- no raw text: the block list must not be undone by its own report.
CREATE TABLE import_rejects (
  import_id INTEGER NOT NULL REFERENCES imports(id),
  line INTEGER NOT NULL,
  reason TEXT NOT NULL,
  field TEXT NOT NULL DEFAULT '',
  message TEXT NOT NULL DEFAULT '',
  raw TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (import_id, line)
);

-- The column mapping a client's files used last time, by normalised header.
CREATE TABLE client_import_mappings (
  client_id INTEGER PRIMARY KEY REFERENCES clients(id),
  mapping TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

-- Data subject requests (DSGVO Art. 15, 17, 21) with their one-month deadline.
CREATE TABLE privacy_requests (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  person_id INTEGER REFERENCES persons(id),
  subject TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('access', 'erasure', 'objection')),
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'rejected')),
  received_at INTEGER NOT NULL,
  due_at INTEGER NOT NULL,
  done_at INTEGER,
  handled_by INTEGER REFERENCES users(id),
  note TEXT NOT NULL DEFAULT '',
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX privacy_requests_agency ON privacy_requests(agency_id, state, due_at);
CREATE TRIGGER consent_records_no_update BEFORE UPDATE ON consent_records
BEGIN SELECT RAISE(ABORT, 'consent_records is append-only'); END;
CREATE TRIGGER consent_records_no_delete BEFORE DELETE ON consent_records
BEGIN SELECT RAISE(ABORT, 'consent_records is append-only'); END;

-- The history of one thing (a person, a user, the block list) is read by its target.
CREATE INDEX audit_log_target ON audit_log(agency_id, target_type, target_id, id);
