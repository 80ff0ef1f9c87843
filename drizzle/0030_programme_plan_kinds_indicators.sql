ALTER TABLE "programmes" ADD COLUMN "plan_kinds" text[];--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "indicator_codes" text[];