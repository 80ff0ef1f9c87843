CREATE INDEX "projects_stage_title_idx" ON "projects" USING btree ("stage","title","id");--> statement-breakpoint
CREATE INDEX "projects_stage_signed_idx" ON "projects" USING btree ("stage","signed_wan","id");--> statement-breakpoint
CREATE INDEX "projects_stage_signed_on_idx" ON "projects" USING btree ("stage","signed_on","id");--> statement-breakpoint
CREATE INDEX "projects_industry_title_idx" ON "projects" USING btree ("industry_section","title","id");--> statement-breakpoint
CREATE INDEX "projects_industry_signed_idx" ON "projects" USING btree ("industry_section","signed_wan","id");--> statement-breakpoint
CREATE INDEX "projects_industry_signed_on_idx" ON "projects" USING btree ("industry_section","signed_on","id");