-- organization names, and profile names within an organization, unique without regard to case: each
-- row keeps the key of its name (util::caseless_key, which the store writes and registers as
-- cyberframe_name_key for this migration) under a unique index. (Mapping set names are lowercase by
-- rule, so their UNIQUE already ignores case.) A workspace that already holds names differing only
-- in case keeps every one of them, reachable by id and exact name: the oldest of each group holds
-- the key, so no new name can join the group, and the others hold none.
ALTER TABLE organization ADD COLUMN name_key TEXT;
ALTER TABLE profile ADD COLUMN name_key TEXT;
UPDATE organization SET name_key = cyberframe_name_key(name)
  WHERE id IN (SELECT min(id) FROM organization GROUP BY cyberframe_name_key(name));
UPDATE profile SET name_key = cyberframe_name_key(name)
  WHERE id IN (SELECT min(id) FROM profile GROUP BY organization, cyberframe_name_key(name));
CREATE UNIQUE INDEX organization_name_key ON organization (name_key);
CREATE UNIQUE INDEX profile_name_key ON profile (organization, name_key);
