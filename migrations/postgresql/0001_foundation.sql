-- Tenants, identity, sessions, API tokens, audit log. Times are integer microseconds since the Unix epoch (UTC).
CREATE TABLE agencies (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
);

CREATE TABLE clients (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  name TEXT NOT NULL,
  industry TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  archived_at BIGINT,
  created_at BIGINT NOT NULL,
  UNIQUE (agency_id, name)
);
CREATE INDEX clients_agency ON clients(agency_id);

CREATE TABLE campaigns (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  client_id BIGINT NOT NULL REFERENCES clients(id),
  name TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'active', 'paused', 'finished')),
  goal_kind TEXT NOT NULL DEFAULT 'appointments',
  goal_target BIGINT NOT NULL DEFAULT 0,
  starts_on TEXT,
  ends_on TEXT,
  created_at BIGINT NOT NULL,
  UNIQUE (client_id, name)
);
CREATE INDEX campaigns_agency ON campaigns(agency_id);
CREATE INDEX campaigns_client ON campaigns(client_id);

CREATE TABLE users (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  client_id BIGINT REFERENCES clients(id),
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'project_manager', 'supervisor', 'agent', 'client_manager', 'client_rep')),
  password_hash TEXT NOT NULL,
  active BIGINT NOT NULL DEFAULT 1,
  locale TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  password_changed_at BIGINT NOT NULL,
  CHECK ((role IN ('client_manager', 'client_rep')) = (client_id IS NOT NULL))
);
CREATE INDEX users_agency ON users(agency_id);

CREATE TABLE sessions (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  token_hash TEXT NOT NULL UNIQUE,
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  ip TEXT NOT NULL DEFAULT '',
  user_agent TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  client_id BIGINT REFERENCES clients(id),
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'project_manager', 'supervisor', 'agent', 'client_manager', 'client_rep')),
  token_hash TEXT NOT NULL UNIQUE,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  last_used_at BIGINT,
  expires_at BIGINT,
  revoked_at BIGINT,
  CHECK ((role IN ('client_manager', 'client_rep')) = (client_id IS NOT NULL))
);
CREATE INDEX api_tokens_agency ON api_tokens(agency_id);

CREATE TABLE audit_log (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agency_id BIGINT REFERENCES agencies(id),
  at BIGINT NOT NULL,
  actor_user_id BIGINT,
  actor_token_id BIGINT,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL DEFAULT '',
  target_id BIGINT,
  ip TEXT NOT NULL DEFAULT '',
  request_id TEXT NOT NULL DEFAULT '',
  details TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_agency_at ON audit_log(agency_id, id);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- Failed sign-ins per key ("email:…" or "ip:…") inside the current window, and the lockout they caused.
CREATE TABLE sign_in_failures (
  key TEXT PRIMARY KEY,
  window_started_at BIGINT NOT NULL,
  failures BIGINT NOT NULL,
  locked_until BIGINT NOT NULL DEFAULT 0
);
