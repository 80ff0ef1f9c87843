CREATE TABLE "notification_reads" (
	"notification_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_reads_notification_id_user_id_pk" PRIMARY KEY("notification_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"slot_id" uuid,
	"cycle_id" uuid,
	"day" date NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slot_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"stored_name" text NOT NULL,
	"kind" text NOT NULL,
	"size" integer NOT NULL,
	"sm3" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_by_name" text,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"slot_id" uuid NOT NULL,
	"action" text NOT NULL,
	"comment" text,
	"actor_user_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_figures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slot_id" uuid NOT NULL,
	"ordinal" integer DEFAULT 0 NOT NULL,
	"target_id" uuid NOT NULL,
	"target_text" text NOT NULL,
	"unit" text NOT NULL,
	"value" numeric(20, 4) NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "report_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"organisation_id" uuid,
	"unit_name" text NOT NULL,
	"unit_key" text NOT NULL,
	"side" text NOT NULL,
	"role" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"task_status" text,
	"percent" integer,
	"narrative" text,
	"review_comment" text,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_slots_percent_ck" CHECK ("report_slots"."percent" IS NULL OR "report_slots"."percent" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "reporting_cycle_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"cycle_id" uuid NOT NULL,
	"action" text NOT NULL,
	"reason" text,
	"actor_user_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reporting_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pairing_id" uuid NOT NULL,
	"frequency" text NOT NULL,
	"year" integer NOT NULL,
	"period" integer NOT NULL,
	"period_label" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"due_on" date NOT NULL,
	"reminder_days" integer DEFAULT 7 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"locked_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notification_reads" ADD CONSTRAINT "notification_reads_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_reads" ADD CONSTRAINT "notification_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_slot_id_report_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."report_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_cycle_id_reporting_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."reporting_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_attachments" ADD CONSTRAINT "report_attachments_slot_id_report_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."report_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_slot_id_report_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."report_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_figures" ADD CONSTRAINT "report_figures_slot_id_report_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."report_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_slots" ADD CONSTRAINT "report_slots_cycle_id_reporting_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."reporting_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_slots" ADD CONSTRAINT "report_slots_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_slots" ADD CONSTRAINT "report_slots_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_cycle_events" ADD CONSTRAINT "reporting_cycle_events_cycle_id_reporting_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."reporting_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_cycles" ADD CONSTRAINT "reporting_cycles_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_slot_kind_day_uq" ON "notifications" USING btree ("slot_id","kind","day");--> statement-breakpoint
CREATE INDEX "notifications_organisation_idx" ON "notifications" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "report_attachments_slot_idx" ON "report_attachments" USING btree ("slot_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_attachments_stored_uq" ON "report_attachments" USING btree ("stored_name");--> statement-breakpoint
CREATE INDEX "report_events_slot_idx" ON "report_events" USING btree ("slot_id","at");--> statement-breakpoint
CREATE INDEX "report_figures_slot_idx" ON "report_figures" USING btree ("slot_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_slots_unit_uq" ON "report_slots" USING btree ("cycle_id","task_id","unit_key");--> statement-breakpoint
CREATE INDEX "report_slots_organisation_idx" ON "report_slots" USING btree ("organisation_id","state");--> statement-breakpoint
CREATE INDEX "report_slots_task_idx" ON "report_slots" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "reporting_cycle_events_cycle_idx" ON "reporting_cycle_events" USING btree ("cycle_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "reporting_cycles_period_uq" ON "reporting_cycles" USING btree ("pairing_id","frequency","period_start");--> statement-breakpoint
CREATE INDEX "reporting_cycles_due_idx" ON "reporting_cycles" USING btree ("status","due_on");