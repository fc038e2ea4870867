CREATE TABLE "grade_conversions" (
	"from_institution_id" uuid NOT NULL,
	"to_institution_id" uuid NOT NULL,
	"rules" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grade_conversions_from_institution_id_to_institution_id_pk" PRIMARY KEY("from_institution_id","to_institution_id"),
	CONSTRAINT "grade_conversions_two_institutions" CHECK ("grade_conversions"."from_institution_id" <> "grade_conversions"."to_institution_id")
);
--> statement-breakpoint
CREATE TABLE "mobility_recognitions" (
	"mobility_id" uuid PRIMARY KEY NOT NULL,
	"components" jsonb NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mobility_transcripts" (
	"mobility_id" uuid PRIMARY KEY NOT NULL,
	"issued_on" date NOT NULL,
	"components" jsonb NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "hei_id" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "grade_scale" jsonb;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "credit_unit" jsonb;--> statement-breakpoint
ALTER TABLE "grade_conversions" ADD CONSTRAINT "grade_conversions_from_institution_id_institutions_id_fk" FOREIGN KEY ("from_institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_conversions" ADD CONSTRAINT "grade_conversions_to_institution_id_institutions_id_fk" FOREIGN KEY ("to_institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_conversions" ADD CONSTRAINT "grade_conversions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobility_recognitions" ADD CONSTRAINT "mobility_recognitions_mobility_id_mobilities_id_fk" FOREIGN KEY ("mobility_id") REFERENCES "public"."mobilities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobility_recognitions" ADD CONSTRAINT "mobility_recognitions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobility_transcripts" ADD CONSTRAINT "mobility_transcripts_mobility_id_mobilities_id_fk" FOREIGN KEY ("mobility_id") REFERENCES "public"."mobilities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobility_transcripts" ADD CONSTRAINT "mobility_transcripts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "institutions_hei_id_unique" ON "institutions" USING btree ("hei_id");
--> statement-breakpoint
-- An installation that has the three parties gets their EWP ids, scales and conversion tables (editable).
UPDATE "institutions" SET "hei_id" = CASE "code" WHEN 'PSU' THEN 'pnzgu.ru' WHEN 'BUAS' THEN 'bjwlxy.edu.cn' WHEN 'BRI' THEN 'bjtljs.edu.cn' END
  WHERE "code" IN ('PSU', 'BUAS', 'BRI');--> statement-breakpoint
UPDATE "institutions" SET "grade_scale" = '{"numeric": null, "grades": [{"value": "5", "passing": true}, {"value": "4", "passing": true}, {"value": "3", "passing": true}, {"value": "2", "passing": false}, {"value": "зачёт", "passing": true}, {"value": "незачёт", "passing": false}]}'::jsonb, "credit_unit" = '{"name": "з.е.", "ectsFactor": 1}'::jsonb WHERE "country" = 'RU';--> statement-breakpoint
UPDATE "institutions" SET "grade_scale" = '{"numeric": {"min": 0, "max": 100, "passFrom": 60}, "grades": [{"value": "合格", "passing": true}, {"value": "不合格", "passing": false}]}'::jsonb, "credit_unit" = '{"name": "学分", "ectsFactor": 1.5}'::jsonb WHERE "country" = 'CN';--> statement-breakpoint
INSERT INTO "grade_conversions" ("from_institution_id", "to_institution_id", "rules")
  SELECT cn."id", ru."id", '[{"from": {"min": 86, "max": 100}, "to": "5"}, {"from": {"min": 71, "max": 85}, "to": "4"}, {"from": {"min": 60, "max": 70}, "to": "3"}, {"from": {"min": 0, "max": 59}, "to": "2"}, {"from": {"grade": "合格"}, "to": "зачёт"}, {"from": {"grade": "不合格"}, "to": "незачёт"}]'::jsonb FROM "institutions" cn, "institutions" ru WHERE cn."country" = 'CN' AND ru."country" = 'RU';--> statement-breakpoint
INSERT INTO "grade_conversions" ("from_institution_id", "to_institution_id", "rules")
  SELECT ru."id", cn."id", '[{"from": {"grade": "5"}, "to": "93"}, {"from": {"grade": "4"}, "to": "78"}, {"from": {"grade": "3"}, "to": "65"}, {"from": {"grade": "2"}, "to": "50"}, {"from": {"grade": "зачёт"}, "to": "合格"}, {"from": {"grade": "незачёт"}, "to": "不合格"}]'::jsonb FROM "institutions" cn, "institutions" ru WHERE cn."country" = 'CN' AND ru."country" = 'RU';
