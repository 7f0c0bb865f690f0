-- Row-level triggers do not fire on TRUNCATE: refuse it with a statement-level trigger, so the audit log cannot be
-- emptied by a mistaken query either.
CREATE TRIGGER "AuditRecord_no_truncate"
  BEFORE TRUNCATE ON "AuditRecord"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_audit_change"();
