CREATE TABLE "call_quotas" (
	"call_id" uuid NOT NULL,
	"quota_id" uuid NOT NULL,
	CONSTRAINT "call_quotas_call_id_quota_id_pk" PRIMARY KEY("call_id","quota_id")
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"academic_year" text NOT NULL,
	"mobility_type" text NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"max_preferences" integer DEFAULT 3 NOT NULL,
	"min_gpa" numeric(3, 2),
	"language_requirement" jsonb,
	"required_documents" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_window_order" CHECK ("calls"."opens_at" < "calls"."closes_at"),
	CONSTRAINT "calls_max_preferences_range" CHECK ("calls"."max_preferences" BETWEEN 1 AND 5),
	CONSTRAINT "calls_min_gpa_range" CHECK ("calls"."min_gpa" IS NULL OR ("calls"."min_gpa" >= 0 AND "calls"."min_gpa" <= 5)),
	CONSTRAINT "calls_status_valid" CHECK ("calls"."status" IN ('draft', 'published', 'cancelled')),
	CONSTRAINT "calls_mobility_type_valid" CHECK ("calls"."mobility_type" IN ('semester', 'academic_year', 'summer_school', 'language_course', 'short_term')),
	CONSTRAINT "calls_required_documents_valid" CHECK ("calls"."required_documents" <@ ARRAY['motivation_letter', 'transcript', 'language_certificate', 'passport_copy', 'cv', 'reference_letter']::text[])
);
--> statement-breakpoint
CREATE TABLE "application_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"type" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replaced_at" timestamp with time zone,
	CONSTRAINT "application_documents_type_valid" CHECK ("application_documents"."type" IN ('motivation_letter', 'transcript', 'language_certificate', 'passport_copy', 'cv', 'reference_letter')),
	CONSTRAINT "application_documents_size_range" CHECK ("application_documents"."size" > 0 AND "application_documents"."size" <= 10485760),
	CONSTRAINT "application_documents_content_type" CHECK ("application_documents"."content_type" IN ('application/pdf', 'image/png', 'image/jpeg'))
);
--> statement-breakpoint
CREATE TABLE "application_preferences" (
	"application_id" uuid NOT NULL,
	"quota_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	CONSTRAINT "application_preferences_application_id_rank_pk" PRIMARY KEY("application_id","rank"),
	CONSTRAINT "application_preferences_rank_range" CHECK ("application_preferences"."rank" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "application_status_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"application_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"motivation" text DEFAULT '' NOT NULL,
	"gpa" numeric(3, 2),
	"language_certificates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"review_score" numeric(5, 2),
	"review_eligible" boolean,
	"review_comment" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_status_valid" CHECK ("applications"."status" IN ('draft', 'submitted', 'withdrawn', 'ineligible', 'waitlisted', 'nominated', 'not_placed', 'accepted', 'declined', 'cancelled')),
	CONSTRAINT "applications_gpa_range" CHECK ("applications"."gpa" IS NULL OR ("applications"."gpa" >= 0 AND "applications"."gpa" <= 5)),
	CONSTRAINT "applications_score_range" CHECK ("applications"."review_score" IS NULL OR ("applications"."review_score" >= 0 AND "applications"."review_score" <= 100)),
	CONSTRAINT "applications_submitted_has_time" CHECK ("applications"."status" = 'draft' OR "applications"."submitted_at" IS NOT NULL OR "applications"."status" = 'withdrawn')
);
--> statement-breakpoint
CREATE TABLE "nominations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"quota_id" uuid NOT NULL,
	"sending_institution_id" uuid NOT NULL,
	"receiving_institution_id" uuid NOT NULL,
	"proposal_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"comment" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nominations_status_valid" CHECK ("nominations"."status" IN ('pending', 'approved', 'rejected', 'cancelled')),
	CONSTRAINT "nominations_rejection_has_comment" CHECK ("nominations"."status" <> 'rejected' OR length(trim("nominations"."comment")) > 0)
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "centres" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"venue" text,
	"online_url" text,
	"capacity" integer NOT NULL,
	"registration_opens_at" timestamp with time zone,
	"registration_closes_at" timestamp with time zone,
	"audience_institution_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"confirmed_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_time_order" CHECK ("events"."starts_at" < "events"."ends_at"),
	CONSTRAINT "events_capacity_positive" CHECK ("events"."capacity" > 0),
	CONSTRAINT "events_confirmed_within_capacity" CHECK ("events"."confirmed_count" >= 0 AND "events"."confirmed_count" <= "events"."capacity"),
	CONSTRAINT "events_status_valid" CHECK ("events"."status" IN ('draft', 'published', 'cancelled')),
	CONSTRAINT "events_registration_window_order" CHECK ("events"."registration_opens_at" IS NULL OR "events"."registration_closes_at" IS NULL OR "events"."registration_opens_at" < "events"."registration_closes_at")
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"event_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text NOT NULL,
	"check_in_token_hash" text NOT NULL,
	"checked_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registrations_status_valid" CHECK ("registrations"."status" IN ('confirmed', 'waitlisted', 'cancelled'))
);
--> statement-breakpoint
DROP INDEX "mail_outbox_unsent_idx";--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "call_quotas" ADD CONSTRAINT "call_quotas_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_quotas" ADD CONSTRAINT "call_quotas_quota_id_quota_lines_id_fk" FOREIGN KEY ("quota_id") REFERENCES "public"."quota_lines"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_preferences" ADD CONSTRAINT "application_preferences_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_preferences" ADD CONSTRAINT "application_preferences_quota_id_quota_lines_id_fk" FOREIGN KEY ("quota_id") REFERENCES "public"."quota_lines"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_status_history" ADD CONSTRAINT "application_status_history_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_status_history" ADD CONSTRAINT "application_status_history_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_quota_id_quota_lines_id_fk" FOREIGN KEY ("quota_id") REFERENCES "public"."quota_lines"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_sending_institution_id_institutions_id_fk" FOREIGN KEY ("sending_institution_id") REFERENCES "public"."institutions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_receiving_institution_id_institutions_id_fk" FOREIGN KEY ("receiving_institution_id") REFERENCES "public"."institutions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centres" ADD CONSTRAINT "centres_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_centre_id_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."centres"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_quotas_quota_idx" ON "call_quotas" USING btree ("quota_id");--> statement-breakpoint
CREATE INDEX "calls_institution_idx" ON "calls" USING btree ("institution_id","closes_at");--> statement-breakpoint
CREATE UNIQUE INDEX "application_documents_current" ON "application_documents" USING btree ("application_id","type") WHERE "application_documents"."replaced_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "application_preferences_no_duplicates" ON "application_preferences" USING btree ("application_id","quota_id");--> statement-breakpoint
CREATE INDEX "application_preferences_quota_idx" ON "application_preferences" USING btree ("quota_id");--> statement-breakpoint
CREATE INDEX "application_status_history_app_idx" ON "application_status_history" USING btree ("application_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_one_per_call" ON "applications" USING btree ("call_id","student_id") WHERE "applications"."status" <> 'withdrawn';--> statement-breakpoint
CREATE INDEX "applications_call_status_idx" ON "applications" USING btree ("call_id","status");--> statement-breakpoint
CREATE INDEX "applications_student_idx" ON "applications" USING btree ("student_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "nominations_one_seat_per_application" ON "nominations" USING btree ("application_id") WHERE "nominations"."status" IN ('pending', 'approved');--> statement-breakpoint
CREATE INDEX "nominations_receiving_idx" ON "nominations" USING btree ("receiving_institution_id","status");--> statement-breakpoint
CREATE INDEX "nominations_sending_idx" ON "nominations" USING btree ("sending_institution_id","status");--> statement-breakpoint
CREATE INDEX "nominations_quota_idx" ON "nominations" USING btree ("quota_id","status");--> statement-breakpoint
CREATE INDEX "centres_institution_idx" ON "centres" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "events_centre_starts_idx" ON "events" USING btree ("centre_id","starts_at");--> statement-breakpoint
CREATE INDEX "events_status_starts_idx" ON "events" USING btree ("status","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_one_per_person" ON "registrations" USING btree ("event_id","user_id") WHERE "registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "registrations_event_status_seq_idx" ON "registrations" USING btree ("event_id","status","seq");--> statement-breakpoint
CREATE INDEX "registrations_user_idx" ON "registrations" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_check_in_token" ON "registrations" USING btree ("check_in_token_hash");--> statement-breakpoint
CREATE INDEX "mail_outbox_due_idx" ON "mail_outbox" USING btree ("next_attempt_at") WHERE "mail_outbox"."sent_at" IS NULL;