-- Hand-written: the statement triggers and function of migration 0002 bumped this table on every write to
-- projects, parks and events; the ledger cache now uses the in-memory data version instead.
DROP TRIGGER IF EXISTS projects_ledger_bump ON projects;--> statement-breakpoint
DROP TRIGGER IF EXISTS parks_ledger_bump ON parks;--> statement-breakpoint
DROP TRIGGER IF EXISTS events_ledger_bump ON events;--> statement-breakpoint
DROP FUNCTION IF EXISTS project_ledger_bump();--> statement-breakpoint
DROP TABLE "project_ledger_version" CASCADE;
