ALTER TABLE "projects" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "public_summary" text;--> statement-breakpoint
CREATE INDEX "projects_published_idx" ON "projects" USING btree ("pairing_id") WHERE "projects"."published_at" IS NOT NULL;