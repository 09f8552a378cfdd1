-- a profile's version and time move with every write of one of its nodes, inside the node's own
-- statement (so that a node's write is the row and its audit row, nothing more).
CREATE TRIGGER node_assessment_inserted AFTER INSERT ON node_assessment BEGIN
  UPDATE profile SET version = version + 1, updated_at = NEW.updated_at WHERE id = NEW.profile;
END;
CREATE TRIGGER node_assessment_updated AFTER UPDATE ON node_assessment BEGIN
  UPDATE profile SET version = version + 1, updated_at = NEW.updated_at WHERE id = NEW.profile;
END;
