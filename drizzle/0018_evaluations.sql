CREATE TABLE "evaluation_awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"tracked_item_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"sides" text NOT NULL,
	"self_deadline" date NOT NULL,
	"indicators" jsonb NOT NULL,
	"grade_scale" jsonb NOT NULL,
	"closed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_subjects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"pairing_id" uuid NOT NULL,
	"side" text NOT NULL,
	"narrative" text,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"frozen" jsonb,
	"score" numeric(7, 2),
	"adjusted_score" numeric(7, 2),
	"adjust_reason" text,
	"rank" integer,
	"grade" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_awards" ADD CONSTRAINT "evaluation_awards_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_awards" ADD CONSTRAINT "evaluation_awards_subject_id_evaluation_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."evaluation_subjects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_awards" ADD CONSTRAINT "evaluation_awards_tracked_item_id_tracked_items_id_fk" FOREIGN KEY ("tracked_item_id") REFERENCES "public"."tracked_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_subjects" ADD CONSTRAINT "evaluation_subjects_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_subjects" ADD CONSTRAINT "evaluation_subjects_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_awards_round_idx" ON "evaluation_awards" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "evaluation_rounds_year_idx" ON "evaluation_rounds" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_subjects_uq" ON "evaluation_subjects" USING btree ("round_id","pairing_id","side");--> statement-breakpoint
CREATE INDEX "evaluation_subjects_pairing_idx" ON "evaluation_subjects" USING btree ("pairing_id");