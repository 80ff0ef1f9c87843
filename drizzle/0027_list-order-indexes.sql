DROP INDEX "tracked_items_source_idx";--> statement-breakpoint
DROP INDEX "tracked_items_open_deadline_idx";--> statement-breakpoint
DROP INDEX "tracked_items_state_deadline_idx";--> statement-breakpoint
DROP INDEX "meetings_held_idx";--> statement-breakpoint
DROP INDEX "secondments_starts_idx";--> statement-breakpoint
CREATE INDEX "tracked_items_source_state_idx" ON "tracked_items" USING btree ("source_id","source","state");--> statement-breakpoint
CREATE INDEX "tracked_items_open_order_idx" ON "tracked_items" USING btree ("deadline","seq","id") WHERE "tracked_items"."state" <> 'closed';--> statement-breakpoint
CREATE INDEX "tracked_items_state_order_idx" ON "tracked_items" USING btree ("state","deadline","seq","id");--> statement-breakpoint
CREATE INDEX "meetings_list_order_idx" ON "meetings" USING btree ("held_on" DESC NULLS LAST,"id","pairing_id","kind","is_demo");--> statement-breakpoint
CREATE INDEX "secondments_list_order_idx" ON "secondments" USING btree ("starts_on" DESC NULLS LAST,"id","pairing_id","is_demo","rank","ends_on");