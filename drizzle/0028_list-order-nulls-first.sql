DROP INDEX "meetings_list_order_idx";--> statement-breakpoint
DROP INDEX "secondments_list_order_idx";--> statement-breakpoint
CREATE INDEX "meetings_list_order_idx" ON "meetings" USING btree ("held_on" DESC NULLS FIRST,"id","pairing_id","kind","is_demo");--> statement-breakpoint
CREATE INDEX "secondments_list_order_idx" ON "secondments" USING btree ("starts_on" DESC NULLS FIRST,"id","pairing_id","is_demo","rank","ends_on");