CREATE TABLE "project_rollups" (
	"dim" text NOT NULL,
	"pairing_id" uuid NOT NULL,
	"is_demo" boolean NOT NULL,
	"key" text NOT NULL,
	"furthest_stage" text NOT NULL,
	"projects" integer DEFAULT 0 NOT NULL,
	"landmark" integer DEFAULT 0 NOT NULL,
	"signed_wan" numeric DEFAULT '0' NOT NULL,
	"planned_wan" numeric DEFAULT '0' NOT NULL,
	"arrived_wan" numeric DEFAULT '0' NOT NULL,
	"completed_wan" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "project_rollups_dim_pairing_id_is_demo_key_furthest_stage_pk" PRIMARY KEY("dim","pairing_id","is_demo","key","furthest_stage")
);
--> statement-breakpoint
CREATE INDEX "projects_title_idx" ON "projects" USING btree ("title","id");--> statement-breakpoint
CREATE INDEX "projects_signed_idx" ON "projects" USING btree ("signed_wan","id");--> statement-breakpoint
CREATE INDEX "projects_signed_on_idx" ON "projects" USING btree ("signed_on","id");
--> statement-breakpoint
-- project_rollups follows projects in the same transaction: statement triggers add each inserted row, take away
-- each deleted one, and move an updated row only when a column the rollups hold changed (issue 10).
CREATE FUNCTION project_rollups_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO project_rollups AS r (dim, pairing_id, is_demo, key, furthest_stage, projects, landmark, signed_wan, planned_wan, arrived_wan, completed_wan)
  SELECT d.dim, c.pairing_id, c.is_demo, d.key, c.furthest_stage, sum(c.n), sum(c.lm), sum(c.s), sum(c.p), sum(c.a), sum(c.c)
  FROM (SELECT n.pairing_id, n.is_demo, n.side, n.industry_section, n.signed_on, n.stage, n.furthest_stage, 1 AS n, n.landmark::int AS lm, n.signed_wan AS s, n.planned_wan AS p, n.arrived_wan AS a, n.completed_wan AS c FROM new_rows n) c
  CROSS JOIN LATERAL (VALUES ('side', c.side), ('industry', coalesce(c.industry_section, '')),
    ('year', coalesce(extract(year FROM c.signed_on)::int::text, '')), ('stage', c.stage)) d(dim, key)
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(c.n) <> 0 OR sum(c.lm) <> 0 OR sum(c.s) <> 0 OR sum(c.p) <> 0 OR sum(c.a) <> 0 OR sum(c.c) <> 0
  -- In key order, so concurrent writers lock the rows they share in the same order.
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (dim, pairing_id, is_demo, key, furthest_stage) DO UPDATE SET
    projects = r.projects + excluded.projects, landmark = r.landmark + excluded.landmark,
    signed_wan = r.signed_wan + excluded.signed_wan, planned_wan = r.planned_wan + excluded.planned_wan,
    arrived_wan = r.arrived_wan + excluded.arrived_wan, completed_wan = r.completed_wan + excluded.completed_wan;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION project_rollups_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO project_rollups AS r (dim, pairing_id, is_demo, key, furthest_stage, projects, landmark, signed_wan, planned_wan, arrived_wan, completed_wan)
  SELECT d.dim, c.pairing_id, c.is_demo, d.key, c.furthest_stage, sum(c.n), sum(c.lm), sum(c.s), sum(c.p), sum(c.a), sum(c.c)
  FROM (SELECT o.pairing_id, o.is_demo, o.side, o.industry_section, o.signed_on, o.stage, o.furthest_stage, -1 AS n, -o.landmark::int AS lm, -o.signed_wan AS s, -o.planned_wan AS p, -o.arrived_wan AS a, -o.completed_wan AS c FROM old_rows o) c
  CROSS JOIN LATERAL (VALUES ('side', c.side), ('industry', coalesce(c.industry_section, '')),
    ('year', coalesce(extract(year FROM c.signed_on)::int::text, '')), ('stage', c.stage)) d(dim, key)
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(c.n) <> 0 OR sum(c.lm) <> 0 OR sum(c.s) <> 0 OR sum(c.p) <> 0 OR sum(c.a) <> 0 OR sum(c.c) <> 0
  -- In key order, so concurrent writers lock the rows they share in the same order.
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (dim, pairing_id, is_demo, key, furthest_stage) DO UPDATE SET
    projects = r.projects + excluded.projects, landmark = r.landmark + excluded.landmark,
    signed_wan = r.signed_wan + excluded.signed_wan, planned_wan = r.planned_wan + excluded.planned_wan,
    arrived_wan = r.arrived_wan + excluded.arrived_wan, completed_wan = r.completed_wan + excluded.completed_wan;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION project_rollups_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO project_rollups AS r (dim, pairing_id, is_demo, key, furthest_stage, projects, landmark, signed_wan, planned_wan, arrived_wan, completed_wan)
  SELECT d.dim, c.pairing_id, c.is_demo, d.key, c.furthest_stage, sum(c.n), sum(c.lm), sum(c.s), sum(c.p), sum(c.a), sum(c.c)
  FROM (SELECT n.pairing_id, n.is_demo, n.side, n.industry_section, n.signed_on, n.stage, n.furthest_stage, 1 AS n, n.landmark::int AS lm, n.signed_wan AS s, n.planned_wan AS p, n.arrived_wan AS a, n.completed_wan AS c FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (n.pairing_id, n.is_demo, n.side, n.industry_section, n.signed_on, n.stage, n.furthest_stage, n.landmark, n.signed_wan, n.planned_wan, n.arrived_wan, n.completed_wan) IS DISTINCT FROM (o.pairing_id, o.is_demo, o.side, o.industry_section, o.signed_on, o.stage, o.furthest_stage, o.landmark, o.signed_wan, o.planned_wan, o.arrived_wan, o.completed_wan) UNION ALL SELECT o.pairing_id, o.is_demo, o.side, o.industry_section, o.signed_on, o.stage, o.furthest_stage, -1 AS n, -o.landmark::int AS lm, -o.signed_wan AS s, -o.planned_wan AS p, -o.arrived_wan AS a, -o.completed_wan AS c FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE (n.pairing_id, n.is_demo, n.side, n.industry_section, n.signed_on, n.stage, n.furthest_stage, n.landmark, n.signed_wan, n.planned_wan, n.arrived_wan, n.completed_wan) IS DISTINCT FROM (o.pairing_id, o.is_demo, o.side, o.industry_section, o.signed_on, o.stage, o.furthest_stage, o.landmark, o.signed_wan, o.planned_wan, o.arrived_wan, o.completed_wan)) c
  CROSS JOIN LATERAL (VALUES ('side', c.side), ('industry', coalesce(c.industry_section, '')),
    ('year', coalesce(extract(year FROM c.signed_on)::int::text, '')), ('stage', c.stage)) d(dim, key)
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(c.n) <> 0 OR sum(c.lm) <> 0 OR sum(c.s) <> 0 OR sum(c.p) <> 0 OR sum(c.a) <> 0 OR sum(c.c) <> 0
  -- In key order, so concurrent writers lock the rows they share in the same order.
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (dim, pairing_id, is_demo, key, furthest_stage) DO UPDATE SET
    projects = r.projects + excluded.projects, landmark = r.landmark + excluded.landmark,
    signed_wan = r.signed_wan + excluded.signed_wan, planned_wan = r.planned_wan + excluded.planned_wan,
    arrived_wan = r.arrived_wan + excluded.arrived_wan, completed_wan = r.completed_wan + excluded.completed_wan;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION project_rollups_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM project_rollups;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER project_rollups_insert AFTER INSERT ON projects REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION project_rollups_after_insert();
--> statement-breakpoint
CREATE TRIGGER project_rollups_update AFTER UPDATE ON projects REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION project_rollups_after_update();
--> statement-breakpoint
CREATE TRIGGER project_rollups_delete AFTER DELETE ON projects REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION project_rollups_after_delete();
--> statement-breakpoint
CREATE TRIGGER project_rollups_truncate AFTER TRUNCATE ON projects
  FOR EACH STATEMENT EXECUTE FUNCTION project_rollups_after_truncate();
--> statement-breakpoint
-- The projects already there.
INSERT INTO project_rollups (dim, pairing_id, is_demo, key, furthest_stage, projects, landmark, signed_wan, planned_wan, arrived_wan, completed_wan)
  SELECT d.dim, p.pairing_id, p.is_demo, d.key, p.furthest_stage, count(*), sum(p.landmark::int), sum(p.signed_wan),
    sum(p.planned_wan), sum(p.arrived_wan), sum(p.completed_wan)
  FROM projects p
  CROSS JOIN LATERAL (VALUES ('side', p.side), ('industry', coalesce(p.industry_section, '')),
    ('year', coalesce(extract(year FROM p.signed_on)::int::text, '')), ('stage', p.stage)) d(dim, key)
  GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
-- PGlite runs no autovacuum: give the planner the new table's figures now.
ANALYZE project_rollups;
