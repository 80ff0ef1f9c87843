CREATE TABLE "published_figures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"topic" text NOT NULL,
	"pairing_id" uuid,
	"side" text,
	"year" integer NOT NULL,
	"label" text NOT NULL,
	"value" numeric(20, 4) NOT NULL,
	"unit" text NOT NULL,
	"source_title" text NOT NULL,
	"source_date" date NOT NULL,
	"source_link" text,
	"note" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"recorded_by" uuid,
	"recorded_by_name" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "replication_adoptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"adopter_organisation_id" uuid,
	"adopter_name" text NOT NULL,
	"region_code" text NOT NULL,
	"side" text NOT NULL,
	"stage" text NOT NULL,
	"stage_reached_on" date NOT NULL,
	"results" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "replication_practices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pairing_id" uuid NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"source_side" text NOT NULL,
	"source_region_code" text NOT NULL,
	"description" text NOT NULL,
	"source_doc_title" text,
	"source_doc_number" text,
	"source_doc_date" date,
	"source_link" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "replication_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"adoption_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"reached_on" date NOT NULL,
	"note" text,
	"doc_title" text,
	"doc_number" text,
	"doc_date" date,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text,
	"recorded_by" uuid,
	"recorded_by_name" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "replication_adoptions" ADD CONSTRAINT "replication_adoptions_practice_id_replication_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."replication_practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replication_adoptions" ADD CONSTRAINT "replication_adoptions_adopter_organisation_id_organisations_id_fk" FOREIGN KEY ("adopter_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replication_adoptions" ADD CONSTRAINT "replication_adoptions_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replication_practices" ADD CONSTRAINT "replication_practices_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replication_practices" ADD CONSTRAINT "replication_practices_source_region_code_regions_code_fk" FOREIGN KEY ("source_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replication_stages" ADD CONSTRAINT "replication_stages_adoption_id_replication_adoptions_id_fk" FOREIGN KEY ("adoption_id") REFERENCES "public"."replication_adoptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "published_figures_topic_idx" ON "published_figures" USING btree ("topic","pairing_id","year");--> statement-breakpoint
CREATE INDEX "replication_adoptions_practice_idx" ON "replication_adoptions" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "replication_adoptions_org_idx" ON "replication_adoptions" USING btree ("adopter_organisation_id");--> statement-breakpoint
CREATE INDEX "replication_practices_pairing_idx" ON "replication_practices" USING btree ("pairing_id","created_at");--> statement-breakpoint
CREATE INDEX "replication_stages_adoption_idx" ON "replication_stages" USING btree ("adoption_id","reached_on");