CREATE TABLE "programme_grants" (
	"user_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_grants_user_id_programme_id_pk" PRIMARY KEY("user_id","programme_id")
);
--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "side_a_zh" text;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "side_a_en" text;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "side_b_zh" text;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "side_b_en" text;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "levels" text[];--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "period_from" date;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "period_to" date;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "programme_grants" ADD CONSTRAINT "programme_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_grants" ADD CONSTRAINT "programme_grants_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "programme_grants_programme_idx" ON "programme_grants" USING btree ("programme_id");