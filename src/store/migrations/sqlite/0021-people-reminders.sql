-- People and their reminders (docs/user-guide.md, "Reminders, calendar and my work"). A person
-- is an account with an e-mail address and the names it is known by in the registers' owner
-- fields ("CISO", "Plant manager, Leeds"), one a line in `aliases`; its calendar feed's token is
-- kept only as the SHA-256 of the secret, as the API tokens are. Changes of a person are audited
-- (entity "person").
CREATE TABLE person (
  user_id INTEGER PRIMARY KEY REFERENCES "user"(id) ON DELETE CASCADE,
  email TEXT NOT NULL DEFAULT '',
  aliases TEXT NOT NULL DEFAULT '',
  calendar_token_hash TEXT UNIQUE,
  calendar_token_at TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1
);
-- What the reminder job sent (or is sending): one row per person, kind ("digest",
-- "assignment", "baseline") and item (the day of a digest, "ORG-ID/REGISTER/REF" of an
-- assignment), so that nothing is sent twice, across runs and processes alike. A row is claimed
-- (sent_at '') before the mail goes out, marked sent after, and deleted when sending failed.
CREATE TABLE reminder_sent (
  user_id INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (length(kind) > 0),
  item TEXT NOT NULL CHECK (length(item) > 0),
  claimed_at TEXT NOT NULL,
  sent_at TEXT NOT NULL DEFAULT '',
  CONSTRAINT reminder_sent_unique UNIQUE (user_id, kind, item)
);
