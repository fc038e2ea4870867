-- A venue is kept in the three languages like a title: the text typed so far stands for all three.
ALTER TABLE "events" ALTER COLUMN "venue" SET DATA TYPE jsonb USING CASE WHEN "venue" IS NULL OR trim("venue") = '' THEN NULL ELSE jsonb_build_object('ru', "venue", 'zh', "venue", 'en', "venue") END;--> statement-breakpoint
ALTER TABLE "application_status_history" ADD COLUMN "note_locale" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "review_comment_locale" text;--> statement-breakpoint
ALTER TABLE "nominations" ADD COLUMN "comment_locale" text;--> statement-breakpoint
ALTER TABLE "application_status_history" ADD CONSTRAINT "application_status_history_note_locale_valid" CHECK ("application_status_history"."note_locale" IS NULL OR "application_status_history"."note_locale" IN ('ru', 'zh', 'en'));--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_review_comment_locale_valid" CHECK ("applications"."review_comment_locale" IS NULL OR "applications"."review_comment_locale" IN ('ru', 'zh', 'en'));--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_comment_locale_valid" CHECK ("nominations"."comment_locale" IS NULL OR "nominations"."comment_locale" IN ('ru', 'zh', 'en'));--> statement-breakpoint
-- Texts written before their language was kept: the writer's language is taken as their account's;
-- the allocation's waiting-list reasons were always written in English.
UPDATE "nominations" SET "comment_locale" = "users"."locale" FROM "users" WHERE "users"."id" = "nominations"."decided_by" AND "nominations"."comment" IS NOT NULL;--> statement-breakpoint
UPDATE "applications" SET "review_comment_locale" = "users"."locale" FROM "users" WHERE "users"."id" = "applications"."reviewed_by" AND "applications"."review_comment" IS NOT NULL;--> statement-breakpoint
UPDATE "application_status_history" SET "note_locale" = 'en' WHERE "to_status" = 'waitlisted' AND "note" IS NOT NULL;--> statement-breakpoint
UPDATE "application_status_history" SET "note_locale" = "users"."locale" FROM "users" WHERE "users"."id" = "application_status_history"."actor_id" AND "application_status_history"."note" IS NOT NULL AND "application_status_history"."note_locale" IS NULL;
