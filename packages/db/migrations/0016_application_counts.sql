CREATE TABLE "application_counts" (
	"call_id" uuid NOT NULL,
	"status" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "application_counts_call_id_status_pk" PRIMARY KEY("call_id","status")
);
--> statement-breakpoint
DROP INDEX "applications_call_status_idx";--> statement-breakpoint
ALTER TABLE "application_counts" ADD CONSTRAINT "application_counts_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_call_status_score_idx" ON "applications" USING btree ("call_id","status","review_score" DESC NULLS LAST,"created_at" DESC NULLS FIRST,"id");--> statement-breakpoint
-- Exact totals per (call, status), kept by statement-level triggers in the same transaction as
-- every change of an application's status, however many rows a statement changes. Deltas are
-- applied in (call_id, status) order, so two transactions take the counter rows' locks in the
-- same order and never deadlock on them.
CREATE FUNCTION "application_counts_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "application_counts" AS k ("call_id", "status", "n")
    SELECT "call_id", "status", count(*)::int FROM new_rows GROUP BY "call_id", "status" ORDER BY "call_id", "status"
    ON CONFLICT ("call_id", "status") DO UPDATE SET "n" = k."n" + excluded."n";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "application_counts_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "application_counts" AS k ("call_id", "status", "n")
    SELECT "call_id", "status", sum(d)::int FROM (
      SELECT "call_id", "status", 1 AS d FROM new_rows
      UNION ALL
      SELECT "call_id", "status", -1 AS d FROM old_rows
    ) changes
    GROUP BY "call_id", "status" HAVING sum(d) <> 0 ORDER BY "call_id", "status"
    ON CONFLICT ("call_id", "status") DO UPDATE SET "n" = k."n" + excluded."n";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "application_counts_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "application_counts" AS k ("call_id", "status", "n")
    SELECT "call_id", "status", -count(*)::int FROM old_rows GROUP BY "call_id", "status" ORDER BY "call_id", "status"
    ON CONFLICT ("call_id", "status") DO UPDATE SET "n" = k."n" + excluded."n";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "application_counts_insert" AFTER INSERT ON "applications" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "application_counts_inserted"();
--> statement-breakpoint
CREATE TRIGGER "application_counts_update" AFTER UPDATE ON "applications" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "application_counts_updated"();
--> statement-breakpoint
CREATE TRIGGER "application_counts_delete" AFTER DELETE ON "applications" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "application_counts_deleted"();
--> statement-breakpoint
INSERT INTO "application_counts" ("call_id", "status", "n")
  SELECT "call_id", "status", count(*)::int FROM "applications" GROUP BY "call_id", "status";
