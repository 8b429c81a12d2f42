-- The audit log is append-only: no row may change or disappear.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be deleted'); END;
--> statement-breakpoint
-- The consent ledger is append-only; erasure of a subject deletes rows, nothing updates them.
CREATE TRIGGER consent_events_no_update BEFORE UPDATE ON consent_events
BEGIN SELECT RAISE(ABORT, 'consent_events is append-only: events cannot be changed'); END;
--> statement-breakpoint
-- A published notice version is immutable; the only change allowed is being superseded.
CREATE TRIGGER notice_versions_published_immutable BEFORE UPDATE ON notice_versions
WHEN OLD.status IN ('published', 'superseded')
  AND NOT (OLD.status = 'published' AND NEW.status = 'superseded'
    AND NEW.title IS OLD.title AND NEW.short_layer IS OLD.short_layer AND NEW.full_text IS OLD.full_text
    AND NEW.material IS OLD.material AND NEW.version IS OLD.version AND NEW.notice_id IS OLD.notice_id
    AND NEW.published_at IS OLD.published_at AND NEW.author_id IS OLD.author_id AND NEW.reviewer_id IS OLD.reviewer_id)
BEGIN SELECT RAISE(ABORT, 'published notice versions are immutable: create a new version instead'); END;
--> statement-breakpoint
CREATE TRIGGER notice_versions_published_no_delete BEFORE DELETE ON notice_versions
WHEN OLD.status IN ('published', 'superseded')
BEGIN SELECT RAISE(ABORT, 'published notice versions are immutable: they cannot be deleted'); END;
