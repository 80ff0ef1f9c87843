CREATE TABLE "news_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pairing_id" uuid NOT NULL,
	"title" text NOT NULL,
	"news_date" date NOT NULL,
	"body" text NOT NULL,
	"published_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "parks" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "parks" ADD COLUMN "public_summary" text;--> statement-breakpoint
ALTER TABLE "news_items" ADD CONSTRAINT "news_items_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "news_items_pairing_date_idx" ON "news_items" USING btree ("pairing_id","news_date");--> statement-breakpoint
CREATE INDEX "news_items_published_idx" ON "news_items" USING btree ("news_date") WHERE "news_items"."published_at" IS NOT NULL;