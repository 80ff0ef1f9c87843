DROP INDEX "listings_search_idx";--> statement-breakpoint
DROP INDEX "listings_title_trgm_idx";--> statement-breakpoint
DROP INDEX "listings_org_trgm_idx";--> statement-breakpoint
CREATE INDEX "listings_search_idx" ON "listings" USING gin ("search_vector") WITH (gin_pending_list_limit=256);--> statement-breakpoint
CREATE INDEX "listings_title_trgm_idx" ON "listings" USING gin ("title" gin_trgm_ops) WITH (gin_pending_list_limit=256);--> statement-breakpoint
CREATE INDEX "listings_org_trgm_idx" ON "listings" USING gin ("organisation_name" gin_trgm_ops) WITH (gin_pending_list_limit=256);