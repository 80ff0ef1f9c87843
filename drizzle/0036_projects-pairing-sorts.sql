CREATE INDEX "projects_pairing_title_idx" ON "projects" USING btree ("pairing_id","title","id");--> statement-breakpoint
CREATE INDEX "projects_pairing_signed_idx" ON "projects" USING btree ("pairing_id","signed_wan","id");--> statement-breakpoint
CREATE INDEX "projects_pairing_signed_on_idx" ON "projects" USING btree ("pairing_id","signed_on","id");