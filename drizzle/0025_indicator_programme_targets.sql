CREATE TABLE "indicator_programme_targets" (
	"indicator_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"value" numeric(20, 4) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicator_programme_targets" ADD CONSTRAINT "indicator_programme_targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_programme_targets_uq" ON "indicator_programme_targets" USING btree ("indicator_id","year");