ALTER TABLE "applications" ADD COLUMN "full_name_latin" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "passport_number" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "study_level" integer;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "field_of_study" text;--> statement-breakpoint
ALTER TABLE "nominations" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_study_level_valid" CHECK ("applications"."study_level" IS NULL OR "applications"."study_level" IN (6, 7, 8));