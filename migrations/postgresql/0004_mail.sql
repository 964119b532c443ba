-- Mail: an outbox row names its kind (info_mail now; appointment confirmations later), the sender's display name
-- (the campaign's client) and where a reply goes (the agent who promised the mail).
ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'info_mail';
ALTER TABLE outbox ADD COLUMN from_name TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN reply_to TEXT NOT NULL DEFAULT '';
