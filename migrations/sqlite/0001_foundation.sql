-- Tenants, identity, sessions, API tokens, audit log. Times are integer microseconds since the Unix epoch (UTC).
CREATE TABLE agencies (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);

CREATE TABLE clients (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  name TEXT NOT NULL,
  industry TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  archived_at INTEGER,
  created_at INTEGER NOT NULL,
  UNIQUE (agency_id, name)
);
CREATE INDEX clients_agency ON clients(agency_id);

CREATE TABLE campaigns (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  client_id INTEGER NOT NULL REFERENCES clients(id),
  name TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'active', 'paused', 'finished')),
  goal_kind TEXT NOT NULL DEFAULT 'appointments',
  goal_target INTEGER NOT NULL DEFAULT 0,
  starts_on TEXT,
  ends_on TEXT,
  created_at INTEGER NOT NULL,
  UNIQUE (client_id, name)
);
CREATE INDEX campaigns_agency ON campaigns(agency_id);
CREATE INDEX campaigns_client ON campaigns(client_id);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  client_id INTEGER REFERENCES clients(id),
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'project_manager', 'supervisor', 'agent', 'client_manager', 'client_rep')),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  locale TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  password_changed_at INTEGER NOT NULL,
  CHECK ((role IN ('client_manager', 'client_rep')) = (client_id IS NOT NULL))
);
CREATE INDEX users_agency ON users(agency_id);

CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  token_hash TEXT NOT NULL UNIQUE,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  ip TEXT NOT NULL DEFAULT '',
  user_agent TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  client_id INTEGER REFERENCES clients(id),
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'project_manager', 'supervisor', 'agent', 'client_manager', 'client_rep')),
  token_hash TEXT NOT NULL UNIQUE,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  last_used_at INTEGER,
  expires_at INTEGER,
  revoked_at INTEGER,
  CHECK ((role IN ('client_manager', 'client_rep')) = (client_id IS NOT NULL))
);
CREATE INDEX api_tokens_agency ON api_tokens(agency_id);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER REFERENCES agencies(id),
  at INTEGER NOT NULL,
  actor_user_id INTEGER,
  actor_token_id INTEGER,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL DEFAULT '',
  target_id INTEGER,
  ip TEXT NOT NULL DEFAULT '',
  request_id TEXT NOT NULL DEFAULT '',
  details TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_agency_at ON audit_log(agency_id, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- Failed sign-ins per key ("email:…" or "ip:…") inside the current window, and the lockout they caused.
CREATE TABLE sign_in_failures (
  key TEXT PRIMARY KEY,
  window_started_at INTEGER NOT NULL,
  failures INTEGER NOT NULL,
  locked_until INTEGER NOT NULL DEFAULT 0
);
