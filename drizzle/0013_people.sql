CREATE TABLE "exchanges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pairing_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"ends_on" date,
	"place" text,
	"participants" integer DEFAULT 0 NOT NULL,
	"evidence" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secondments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"pairing_id" uuid NOT NULL,
	"name" text NOT NULL,
	"gender" text NOT NULL,
	"birth_year" smallint NOT NULL,
	"id_number_cipher" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"id_number_index" text NOT NULL,
	"mobile_cipher" text,
	"mobile_masked" text,
	"direction" text NOT NULL,
	"home_unit" text NOT NULL,
	"home_post" text NOT NULL,
	"host_unit" text NOT NULL,
	"host_post" text NOT NULL,
	"rank" text NOT NULL,
	"batch" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text NOT NULL,
	"evaluation" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pairing_id" uuid NOT NULL,
	"task_id" uuid,
	"title" text NOT NULL,
	"organiser" text NOT NULL,
	"host_side" text NOT NULL,
	"place" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"officials" integer DEFAULT 0 NOT NULL,
	"managers" integer DEFAULT 0 NOT NULL,
	"professionals" integer DEFAULT 0 NOT NULL,
	"other" integer DEFAULT 0 NOT NULL,
	"side_a" integer DEFAULT 0 NOT NULL,
	"side_b" integer DEFAULT 0 NOT NULL,
	"materials" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "exchanges" ADD CONSTRAINT "exchanges_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secondments" ADD CONSTRAINT "secondments_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exchanges_pairing_held_idx" ON "exchanges" USING btree ("pairing_id","held_on");--> statement-breakpoint
CREATE INDEX "secondments_pairing_starts_idx" ON "secondments" USING btree ("pairing_id","starts_on");--> statement-breakpoint
CREATE INDEX "secondments_starts_idx" ON "secondments" USING btree ("starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "secondments_person_batch_uq" ON "secondments" USING btree ("pairing_id","batch","id_number_index");--> statement-breakpoint
CREATE INDEX "trainings_pairing_starts_idx" ON "trainings" USING btree ("pairing_id","starts_on");--> statement-breakpoint
CREATE INDEX "trainings_task_idx" ON "trainings" USING btree ("task_id");