-- The frozen inputs of a management review (ISO/IEC 27001:2022 9.3.2; docs/user-guide.md,
-- "Management review"): one row per review held, written with the review's status in one
-- transaction and never changed afterwards. `content` is the inputs' JSON (codec/review_json.hpp).
CREATE TABLE review_inputs (
  id INTEGER PRIMARY KEY,
  organization INTEGER NOT NULL REFERENCES organization(id),
  review INTEGER NOT NULL REFERENCES isms_record(id),
  review_ref TEXT NOT NULL CHECK (length(review_ref) > 0),
  held_at TEXT NOT NULL,
  held_by TEXT NOT NULL,
  content TEXT NOT NULL,
  CONSTRAINT review_inputs_review_unique UNIQUE (review)
);
