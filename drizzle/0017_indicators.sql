CREATE TABLE "indicator_targets" (
	"indicator_id" uuid NOT NULL,
	"pairing_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"value" numeric(20, 4) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"definition_zh" text NOT NULL,
	"definition_en" text NOT NULL,
	"unit" text NOT NULL,
	"direction" text NOT NULL,
	"type" text NOT NULL,
	"numerator" jsonb NOT NULL,
	"denominator" jsonb,
	"factor" numeric(20, 4) DEFAULT '1' NOT NULL,
	"built_in" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"ordinal" integer DEFAULT 1000 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_targets_uq" ON "indicator_targets" USING btree ("indicator_id","pairing_id","year");--> statement-breakpoint
CREATE INDEX "indicator_targets_pairing_idx" ON "indicator_targets" USING btree ("pairing_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_code_uq" ON "indicators" USING btree ("code");