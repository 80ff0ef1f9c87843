CREATE TABLE "park_enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"name" text NOT NULL,
	"credit_code" text,
	"industry_division" text,
	"settled_on" date,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "park_ledger_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"figure" text NOT NULL,
	"period_year" integer NOT NULL,
	"period_month" integer,
	"amount_yuan" numeric(20, 2) NOT NULL,
	"supersedes_id" uuid,
	"recorded_by" uuid,
	"recorded_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "park_ledger_amount_not_negative" CHECK ("park_ledger_entries"."amount_yuan" >= 0),
	CONSTRAINT "park_ledger_month" CHECK ("park_ledger_entries"."period_month" IS NULL OR "park_ledger_entries"."period_month" BETWEEN 1 AND 12)
);
--> statement-breakpoint
CREATE TABLE "parks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pairing_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"host_region_code" text NOT NULL,
	"partner_region_code" text,
	"main_park_id" uuid,
	"area_km2" numeric(12, 4),
	"focus_industries" text[] DEFAULT '{}' NOT NULL,
	"operator" text,
	"operator_team_from" text,
	"established_on" date,
	"note" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sharing_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"parties" jsonb NOT NULL,
	"terms" jsonb NOT NULL,
	"cost_shares" jsonb,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"title" text NOT NULL,
	"parties" jsonb NOT NULL,
	"signed_on" date NOT NULL,
	"amount_wan" numeric(20, 6) NOT NULL,
	"planned_investment_wan" numeric(20, 6),
	"host_region_code" text,
	"project_id" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pairing_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"place" text,
	"organisers_a" text,
	"organisers_b" text,
	"enterprise_count" integer,
	"enterprises" text[] DEFAULT '{}' NOT NULL,
	"note" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_figure_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"figure" text NOT NULL,
	"period_year" integer NOT NULL,
	"period_month" integer,
	"amount_wan" numeric(20, 6) NOT NULL,
	"override_reason" text,
	"recorded_by" uuid,
	"recorded_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_figure_reports_amount_not_negative" CHECK ("project_figure_reports"."amount_wan" >= 0),
	CONSTRAINT "project_figure_reports_month" CHECK ("project_figure_reports"."period_month" IS NULL OR "project_figure_reports"."period_month" BETWEEN 1 AND 12)
);
--> statement-breakpoint
CREATE TABLE "project_ledger_version" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_stage_moves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"on" date NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_tasks" (
	"project_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	CONSTRAINT "project_tasks_project_id_task_id_pk" PRIMARY KEY("project_id","task_id")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pairing_id" uuid NOT NULL,
	"side" text NOT NULL,
	"title" text NOT NULL,
	"investor" text NOT NULL,
	"investor_region_code" text,
	"host_region_code" text NOT NULL,
	"park_id" uuid,
	"industry_section" text,
	"industry_division" text,
	"type" text NOT NULL,
	"project_code" text,
	"landmark" boolean DEFAULT false NOT NULL,
	"green_channel" boolean DEFAULT false NOT NULL,
	"stage" text NOT NULL,
	"paused_from" text,
	"furthest_stage" text NOT NULL,
	"signed_on" date,
	"started_on" date,
	"producing_on" date,
	"signed_wan" numeric(20, 6) DEFAULT '0' NOT NULL,
	"planned_wan" numeric(20, 6) DEFAULT '0' NOT NULL,
	"arrived_wan" numeric(20, 6) DEFAULT '0' NOT NULL,
	"completed_wan" numeric(20, 6) DEFAULT '0' NOT NULL,
	"central_budget_wan" numeric(20, 6),
	"bank_credit_wan" numeric(20, 6),
	"industry_fund_wan" numeric(20, 6),
	"event_id" uuid,
	"event_agreement_id" uuid,
	"contact_name" text,
	"contact_phone" text,
	"note" text,
	"natural_key" text NOT NULL,
	"import_fingerprint" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_money_not_negative" CHECK ("projects"."signed_wan" >= 0 AND "projects"."planned_wan" >= 0 AND "projects"."arrived_wan" >= 0 AND "projects"."completed_wan" >= 0)
);
--> statement-breakpoint
ALTER TABLE "park_enterprises" ADD CONSTRAINT "park_enterprises_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "park_ledger_entries" ADD CONSTRAINT "park_ledger_entries_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "park_ledger_entries" ADD CONSTRAINT "park_ledger_entries_enterprise_id_park_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."park_enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "park_ledger_entries" ADD CONSTRAINT "park_ledger_entries_supersedes_id_park_ledger_entries_id_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."park_ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parks" ADD CONSTRAINT "parks_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parks" ADD CONSTRAINT "parks_host_region_code_regions_code_fk" FOREIGN KEY ("host_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parks" ADD CONSTRAINT "parks_partner_region_code_regions_code_fk" FOREIGN KEY ("partner_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parks" ADD CONSTRAINT "parks_main_park_id_parks_id_fk" FOREIGN KEY ("main_park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_agreements" ADD CONSTRAINT "event_agreements_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_figure_reports" ADD CONSTRAINT "project_figure_reports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stage_moves" ADD CONSTRAINT "project_stage_moves_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_tasks" ADD CONSTRAINT "project_tasks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_tasks" ADD CONSTRAINT "project_tasks_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_investor_region_code_regions_code_fk" FOREIGN KEY ("investor_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_host_region_code_regions_code_fk" FOREIGN KEY ("host_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_event_agreement_id_event_agreements_id_fk" FOREIGN KEY ("event_agreement_id") REFERENCES "public"."event_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "park_enterprises_park_name_uq" ON "park_enterprises" USING btree ("park_id","name");--> statement-breakpoint
CREATE INDEX "park_ledger_park_year_idx" ON "park_ledger_entries" USING btree ("park_id","period_year");--> statement-breakpoint
CREATE UNIQUE INDEX "park_ledger_supersedes_uq" ON "park_ledger_entries" USING btree ("supersedes_id");--> statement-breakpoint
CREATE INDEX "parks_pairing_idx" ON "parks" USING btree ("pairing_id");--> statement-breakpoint
CREATE INDEX "parks_main_idx" ON "parks" USING btree ("main_park_id");--> statement-breakpoint
CREATE UNIQUE INDEX "parks_pairing_name_uq" ON "parks" USING btree ("pairing_id","name");--> statement-breakpoint
CREATE INDEX "sharing_agreements_park_idx" ON "sharing_agreements" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "event_agreements_event_idx" ON "event_agreements" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "events_pairing_idx" ON "events" USING btree ("pairing_id");--> statement-breakpoint
CREATE INDEX "events_starts_idx" ON "events" USING btree ("starts_on");--> statement-breakpoint
CREATE INDEX "project_figure_reports_project_idx" ON "project_figure_reports" USING btree ("project_id","figure");--> statement-breakpoint
CREATE UNIQUE INDEX "project_stage_moves_ordinal_uq" ON "project_stage_moves" USING btree ("project_id","ordinal");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_natural_key_uq" ON "projects" USING btree ("natural_key");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_code_uq" ON "projects" USING btree ("project_code") WHERE "projects"."project_code" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "projects_pairing_stage_idx" ON "projects" USING btree ("pairing_id","stage");--> statement-breakpoint
CREATE INDEX "projects_park_idx" ON "projects" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "projects_event_idx" ON "projects" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "projects_created_idx" ON "projects" USING btree ("created_at","id");--> statement-breakpoint
INSERT INTO "project_ledger_version" ("id", "version") VALUES (1, 0);--> statement-breakpoint
-- Hand-written: any change to projects, parks or events bumps the version the ledger cache compares with.
CREATE FUNCTION project_ledger_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE project_ledger_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER projects_ledger_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON projects FOR EACH STATEMENT EXECUTE FUNCTION project_ledger_bump();--> statement-breakpoint
CREATE TRIGGER parks_ledger_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON parks FOR EACH STATEMENT EXECUTE FUNCTION project_ledger_bump();--> statement-breakpoint
CREATE TRIGGER events_ledger_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION project_ledger_bump();
