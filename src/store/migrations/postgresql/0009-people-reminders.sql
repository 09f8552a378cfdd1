-- SQLite's 0021-people-reminders.sql: people (e-mail, the names they are known by, the calendar
-- feed's token hash) and the reminder job's sent log.
CREATE TABLE person (
  user_id BIGINT PRIMARY KEY REFERENCES "user" (id) ON DELETE CASCADE,
  email TEXT COLLATE "C" NOT NULL DEFAULT '',
  aliases TEXT COLLATE "C" NOT NULL DEFAULT '',
  calendar_token_hash TEXT COLLATE "C" UNIQUE,
  calendar_token_at TEXT COLLATE "C" NOT NULL DEFAULT '',
  version BIGINT NOT NULL DEFAULT 1
);
CREATE TABLE reminder_sent (
  user_id BIGINT NOT NULL,
  kind TEXT COLLATE "C" NOT NULL CHECK (length(kind) > 0),
  item TEXT COLLATE "C" NOT NULL CHECK (length(item) > 0),
  claimed_at TEXT COLLATE "C" NOT NULL,
  sent_at TEXT COLLATE "C" NOT NULL DEFAULT '',
  CONSTRAINT reminder_sent_unique UNIQUE (user_id, kind, item)
);
