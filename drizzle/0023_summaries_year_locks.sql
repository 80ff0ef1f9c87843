CREATE TABLE "year_locks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pairing_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"source_id" uuid,
	"locked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_by" uuid,
	"unlocked_at" timestamp with time zone,
	"unlocked_by" uuid,
	"unlock_reason" text
);
--> statement-breakpoint
CREATE TABLE "summary_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pairing_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"addressee" text NOT NULL,
	"issuer" text NOT NULL,
	"sections" jsonb NOT NULL,
	"figures" jsonb NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"version_no" integer DEFAULT 0 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "summary_receipts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"recipient" text NOT NULL,
	"state" text DEFAULT 'sent' NOT NULL,
	"received_at" timestamp with time zone,
	"received_by" uuid,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "summary_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"title" text NOT NULL,
	"addressee" text NOT NULL,
	"issuer" text NOT NULL,
	"sections" jsonb NOT NULL,
	"figures" jsonb NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" uuid
);
--> statement-breakpoint
ALTER TABLE "summary_documents" ADD CONSTRAINT "summary_documents_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summary_receipts" ADD CONSTRAINT "summary_receipts_document_id_summary_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."summary_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summary_versions" ADD CONSTRAINT "summary_versions_document_id_summary_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."summary_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "year_locks_pairing_year_idx" ON "year_locks" USING btree ("pairing_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "summary_documents_pairing_year_kind_idx" ON "summary_documents" USING btree ("pairing_id","year","kind");--> statement-breakpoint
CREATE INDEX "summary_receipts_document_idx" ON "summary_receipts" USING btree ("document_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "summary_versions_document_no_idx" ON "summary_versions" USING btree ("document_id","version_no");