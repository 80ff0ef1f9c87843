DROP INDEX "notifications_slot_kind_day_uq";--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "subject_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_slot_org_kind_day_uq" ON "notifications" USING btree ("slot_id","organisation_id","kind","day");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_subject_org_kind_day_uq" ON "notifications" USING btree ("subject_id","organisation_id","kind","day");