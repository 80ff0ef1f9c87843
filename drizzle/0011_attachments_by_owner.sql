CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"stored_name" text NOT NULL,
	"kind" text NOT NULL,
	"size" integer NOT NULL,
	"sm3" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_by_name" text,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- The rows of both tables move here with their ids (audit rows name them), the files stay where they are.
INSERT INTO "attachments" ("id", "owner_kind", "owner_id", "file_name", "stored_name", "kind", "size", "sm3", "uploaded_by", "uploaded_by_name", "uploaded_at")
SELECT "id", 'report', "slot_id", "file_name", "stored_name", "kind", "size", "sm3", "uploaded_by", "uploaded_by_name", "uploaded_at" FROM "report_attachments";--> statement-breakpoint
INSERT INTO "attachments" ("id", "owner_kind", "owner_id", "file_name", "stored_name", "kind", "size", "sm3", "uploaded_by", "uploaded_by_name", "uploaded_at")
SELECT "id", 'project', "project_id", "file_name", "stored_name", "kind", "size", "sm3", "uploaded_by", "uploaded_by_name", "uploaded_at" FROM "project_attachments";
--> statement-breakpoint
DROP TABLE "project_attachments" CASCADE;--> statement-breakpoint
DROP TABLE "report_attachments" CASCADE;--> statement-breakpoint
CREATE INDEX "attachments_owner_idx" ON "attachments" USING btree ("owner_kind","owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "attachments_stored_uq" ON "attachments" USING btree ("stored_name");