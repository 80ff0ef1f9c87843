CREATE TABLE "tracked_item_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text NOT NULL,
	"percent" integer,
	"link" text,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"organisation_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracked_item_owners" (
	"item_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"side" text,
	CONSTRAINT "tracked_item_owners_item_id_organisation_id_pk" PRIMARY KEY("item_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "tracked_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pairing_id" uuid NOT NULL,
	"source" text NOT NULL,
	"source_id" uuid,
	"source_title" text,
	"seq" integer NOT NULL,
	"text" text NOT NULL,
	"deadline" date NOT NULL,
	"state" text DEFAULT 'not_started' NOT NULL,
	"task_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"project_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"closed_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_rotations" (
	"pairing_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sides" text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_rotations_pairing_id_kind_pk" PRIMARY KEY("pairing_id","kind")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pairing_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"ends_on" date,
	"place" text,
	"host_side" text NOT NULL,
	"host_override_reason" text,
	"chair" text,
	"attendees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"agenda" text,
	"minutes" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tracked_item_notes" ADD CONSTRAINT "tracked_item_notes_item_id_tracked_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."tracked_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_item_notes" ADD CONSTRAINT "tracked_item_notes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_item_owners" ADD CONSTRAINT "tracked_item_owners_item_id_tracked_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."tracked_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_item_owners" ADD CONSTRAINT "tracked_item_owners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_items" ADD CONSTRAINT "tracked_items_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_rotations" ADD CONSTRAINT "meeting_rotations_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tracked_item_notes_item_idx" ON "tracked_item_notes" USING btree ("item_id","at");--> statement-breakpoint
CREATE INDEX "tracked_item_owners_org_idx" ON "tracked_item_owners" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "tracked_items_pairing_idx" ON "tracked_items" USING btree ("pairing_id","deadline");--> statement-breakpoint
CREATE INDEX "tracked_items_source_idx" ON "tracked_items" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "tracked_items_open_deadline_idx" ON "tracked_items" USING btree ("deadline") WHERE "tracked_items"."state" <> 'closed';--> statement-breakpoint
CREATE INDEX "tracked_items_tasks_idx" ON "tracked_items" USING gin ("task_ids");--> statement-breakpoint
CREATE INDEX "tracked_items_projects_idx" ON "tracked_items" USING gin ("project_ids");--> statement-breakpoint
CREATE INDEX "meetings_pairing_held_idx" ON "meetings" USING btree ("pairing_id","held_on");--> statement-breakpoint
CREATE INDEX "meetings_held_idx" ON "meetings" USING btree ("held_on");