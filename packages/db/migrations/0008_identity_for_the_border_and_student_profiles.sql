CREATE TABLE "student_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"full_name_latin" text,
	"passport_number" text,
	"passport_expires_on" date,
	"birth_date" date,
	"citizenship" text,
	"sex" smallint,
	"study_level" integer,
	"field_of_study" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "student_profiles_study_level_valid" CHECK ("student_profiles"."study_level" IS NULL OR "student_profiles"."study_level" IN (6, 7, 8)),
	CONSTRAINT "student_profiles_sex_valid" CHECK ("student_profiles"."sex" IS NULL OR "student_profiles"."sex" IN (0, 1, 2, 9)),
	CONSTRAINT "student_profiles_citizenship_valid" CHECK ("student_profiles"."citizenship" IS NULL OR "student_profiles"."citizenship" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "required_identity" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "passport_expires_on" date;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "birth_date" date;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "citizenship" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "sex" smallint;--> statement-breakpoint
ALTER TABLE "student_profiles" ADD CONSTRAINT "student_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_required_identity_valid" CHECK ("calls"."required_identity" <@ ARRAY['birthDate', 'citizenship', 'sex', 'passportExpiresOn']::text[]);--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_sex_valid" CHECK ("applications"."sex" IS NULL OR "applications"."sex" IN (0, 1, 2, 9));--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_citizenship_valid" CHECK ("applications"."citizenship" IS NULL OR "applications"."citizenship" ~ '^[A-Z]{2}$');