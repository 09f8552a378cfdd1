-- The audit trail filtered by person and by time (GET /api/v1/audit, cyberframe audit log),
-- newest first: an index for each, beside audit_by_entity.
CREATE INDEX audit_by_actor ON audit (actor, id);
CREATE INDEX audit_by_at ON audit (at, id);
