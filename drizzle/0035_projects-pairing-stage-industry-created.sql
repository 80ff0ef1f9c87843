DROP INDEX "projects_pairing_stage_idx";--> statement-breakpoint
CREATE INDEX "projects_pairing_stage_created_idx" ON "projects" USING btree ("pairing_id","stage","created_at","id");--> statement-breakpoint
CREATE INDEX "projects_pairing_industry_created_idx" ON "projects" USING btree ("pairing_id","industry_section","created_at","id");