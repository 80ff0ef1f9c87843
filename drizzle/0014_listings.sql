CREATE TABLE "enterprise_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"credit_code" text NOT NULL,
	"industry_division" text,
	"contact_name" text NOT NULL,
	"contact_phone_cipher" text NOT NULL,
	"user_id" uuid NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "listing_interests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"listing_id" uuid NOT NULL,
	"from_listing_id" uuid,
	"organisation_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"message" text NOT NULL,
	"state" text DEFAULT 'interest' NOT NULL,
	"revealed_at" timestamp with time zone,
	"signed_on" date,
	"project_id" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "listing_match_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"listing_id" uuid NOT NULL,
	"pairing_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"viewed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "listings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ref" text,
	"source" text NOT NULL,
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"region_code" text NOT NULL,
	"industry_division" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"quantity" numeric(20, 4),
	"unit" text,
	"valid_until" date,
	"organisation_name" text NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"pairing_id" uuid NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"contact_cipher" text NOT NULL,
	"terms" text NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', terms)) STORED,
	"is_demo" boolean DEFAULT false NOT NULL,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enterprise_registrations" ADD CONSTRAINT "enterprise_registrations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_registrations" ADD CONSTRAINT "enterprise_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_registrations" ADD CONSTRAINT "enterprise_registrations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_interests" ADD CONSTRAINT "listing_interests_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_interests" ADD CONSTRAINT "listing_interests_from_listing_id_listings_id_fk" FOREIGN KEY ("from_listing_id") REFERENCES "public"."listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_interests" ADD CONSTRAINT "listing_interests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_interests" ADD CONSTRAINT "listing_interests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_match_views" ADD CONSTRAINT "listing_match_views_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_match_views" ADD CONSTRAINT "listing_match_views_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_match_views" ADD CONSTRAINT "listing_match_views_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enterprise_registrations_credit_uq" ON "enterprise_registrations" USING btree ("credit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprise_registrations_org_uq" ON "enterprise_registrations" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "listing_interests_listing_org_uq" ON "listing_interests" USING btree ("listing_id","organisation_id");--> statement-breakpoint
CREATE INDEX "listing_interests_org_idx" ON "listing_interests" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "listing_match_views_pairing_idx" ON "listing_match_views" USING btree ("pairing_id","viewed_at");--> statement-breakpoint
CREATE INDEX "listings_search_idx" ON "listings" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "listings_title_trgm_idx" ON "listings" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "listings_org_trgm_idx" ON "listings" USING gin ("organisation_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "listings_kind_state_idx" ON "listings" USING btree ("kind","state","valid_until");--> statement-breakpoint
CREATE INDEX "listings_industry_idx" ON "listings" USING btree ("industry_division");--> statement-breakpoint
CREATE INDEX "listings_pairing_idx" ON "listings" USING btree ("pairing_id");--> statement-breakpoint
CREATE INDEX "listings_owner_idx" ON "listings" USING btree ("owner_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "listings_source_ref_uq" ON "listings" USING btree ("source","ref");