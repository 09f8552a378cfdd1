-- profiles looked up by name without their organization use an index.
CREATE INDEX profile_name ON profile (name);
