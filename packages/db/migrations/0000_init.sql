CREATE TABLE "institutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"city" text NOT NULL,
	"country" text NOT NULL,
	"time_zone" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "institutions_country_iso" CHECK ("institutions"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"full_name" text NOT NULL,
	"role" text NOT NULL,
	"institution_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_role_valid" CHECK ("users"."role" IN ('student', 'coordinator', 'reviewer', 'admin')),
	CONSTRAINT "users_status_valid" CHECK ("users"."status" IN ('pending', 'active', 'disabled')),
	CONSTRAINT "users_locale_valid" CHECK ("users"."locale" IN ('ru', 'zh', 'en')),
	CONSTRAINT "users_institution_required" CHECK (("users"."role" = 'admin') OR ("users"."institution_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "agreement_parties" (
	"agreement_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	CONSTRAINT "agreement_parties_agreement_id_institution_id_pk" PRIMARY KEY("agreement_id","institution_id")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" jsonb NOT NULL,
	"signed_on" date,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreements_status_valid" CHECK ("agreements"."status" IN ('draft', 'active', 'expired', 'terminated')),
	CONSTRAINT "agreements_validity_order" CHECK ("agreements"."valid_from" <= "agreements"."valid_to")
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" jsonb NOT NULL,
	"deadline" date,
	"responsible_institution_id" uuid,
	"status" text DEFAULT 'planned' NOT NULL,
	CONSTRAINT "plan_items_status_valid" CHECK ("plan_items"."status" IN ('planned', 'in_progress', 'done', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "quota_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"sending_institution_id" uuid NOT NULL,
	"receiving_institution_id" uuid NOT NULL,
	"academic_year" text NOT NULL,
	"mobility_type" text NOT NULL,
	"eqf_levels" integer[] NOT NULL,
	"isced_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"seats" integer NOT NULL,
	"total_months" integer,
	"language_requirement" jsonb,
	"used" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quota_lines_seats_nonnegative" CHECK ("quota_lines"."seats" >= 0),
	CONSTRAINT "quota_lines_used_within_seats" CHECK ("quota_lines"."used" >= 0 AND "quota_lines"."used" <= "quota_lines"."seats"),
	CONSTRAINT "quota_lines_total_months_positive" CHECK ("quota_lines"."total_months" IS NULL OR "quota_lines"."total_months" > 0),
	CONSTRAINT "quota_lines_distinct_parties" CHECK ("quota_lines"."sending_institution_id" <> "quota_lines"."receiving_institution_id"),
	CONSTRAINT "quota_lines_mobility_type_valid" CHECK ("quota_lines"."mobility_type" IN ('semester', 'academic_year', 'summer_school', 'language_course', 'short_term')),
	CONSTRAINT "quota_lines_academic_year_format" CHECK ("quota_lines"."academic_year" ~ '^[0-9]{4}/[0-9]{4}$' AND substr("quota_lines"."academic_year", 6, 4)::int = substr("quota_lines"."academic_year", 1, 4)::int + 1),
	CONSTRAINT "quota_lines_eqf_levels_valid" CHECK ("quota_lines"."eqf_levels" <@ ARRAY[6, 7, 8] AND cardinality("quota_lines"."eqf_levels") > 0)
);
--> statement-breakpoint
CREATE TABLE "audit_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_email" text,
	"institution_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rate_limit_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"window_ends_at" timestamp with time zone NOT NULL,
	"hits" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_responsible_institution_id_institutions_id_fk" FOREIGN KEY ("responsible_institution_id") REFERENCES "public"."institutions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quota_lines" ADD CONSTRAINT "quota_lines_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quota_lines" ADD CONSTRAINT "quota_lines_sending_institution_id_institutions_id_fk" FOREIGN KEY ("sending_institution_id") REFERENCES "public"."institutions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quota_lines" ADD CONSTRAINT "quota_lines_receiving_institution_id_institutions_id_fk" FOREIGN KEY ("receiving_institution_id") REFERENCES "public"."institutions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "institutions_code_unique" ON "institutions" USING btree ("code");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_institution_role_idx" ON "users" USING btree ("institution_id","role","status");--> statement-breakpoint
CREATE INDEX "plan_items_agreement_idx" ON "plan_items" USING btree ("agreement_id","position");--> statement-breakpoint
CREATE INDEX "quota_lines_agreement_idx" ON "quota_lines" USING btree ("agreement_id","academic_year");--> statement-breakpoint
CREATE INDEX "quota_lines_direction_idx" ON "quota_lines" USING btree ("sending_institution_id","receiving_institution_id","academic_year");--> statement-breakpoint
CREATE INDEX "audit_entries_seq_idx" ON "audit_entries" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "audit_entries_institution_idx" ON "audit_entries" USING btree ("institution_id","seq");--> statement-breakpoint
CREATE INDEX "audit_entries_entity_idx" ON "audit_entries" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "mail_outbox_unsent_idx" ON "mail_outbox" USING btree ("sent_at","created_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");