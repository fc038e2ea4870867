CREATE TABLE "mobilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nomination_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"quota_id" uuid NOT NULL,
	"sending_institution_id" uuid NOT NULL,
	"receiving_institution_id" uuid NOT NULL,
	"academic_year" text NOT NULL,
	"mobility_type" text NOT NULL,
	"status" text DEFAULT 'preparing' NOT NULL,
	"planned_start" date,
	"planned_end" date,
	"programme" text,
	"admitted_at" timestamp with time zone,
	"arrived_on" date,
	"departed_on" date,
	"interrupted" boolean DEFAULT false NOT NULL,
	"interruption_reason" text,
	"cancellation_reason" text,
	"funding" jsonb,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mobilities_status_valid" CHECK ("mobilities"."status" IN ('preparing', 'abroad', 'returned', 'recognised', 'cancelled')),
	CONSTRAINT "mobilities_planned_order" CHECK ("mobilities"."planned_end" IS NULL OR "mobilities"."planned_end" > "mobilities"."planned_start"),
	CONSTRAINT "mobilities_departure_after_arrival" CHECK ("mobilities"."departed_on" IS NULL OR ("mobilities"."arrived_on" IS NOT NULL AND "mobilities"."departed_on" >= "mobilities"."arrived_on")),
	CONSTRAINT "mobilities_abroad_has_arrived" CHECK ("mobilities"."status" NOT IN ('abroad', 'returned', 'recognised') OR "mobilities"."arrived_on" IS NOT NULL),
	CONSTRAINT "mobilities_returned_has_departed" CHECK ("mobilities"."status" NOT IN ('returned', 'recognised') OR "mobilities"."departed_on" IS NOT NULL),
	CONSTRAINT "mobilities_interruption_has_reason" CHECK (NOT "mobilities"."interrupted" OR length(trim("mobilities"."interruption_reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "mobility_letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mobility_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"content" jsonb NOT NULL,
	"issued_by" uuid,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	CONSTRAINT "mobility_letters_kind_valid" CHECK ("mobility_letters"."kind" IN ('admission'))
);
--> statement-breakpoint
CREATE TABLE "checklist_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"key" text NOT NULL,
	"title" jsonb NOT NULL,
	"owner" text NOT NULL,
	"due_rule" jsonb,
	"min_stay_days" integer,
	"requires_proof" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checklist_templates_owner_valid" CHECK ("checklist_templates"."owner" IN ('student', 'sending', 'receiving'))
);
--> statement-breakpoint
CREATE TABLE "mobility_checklist_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mobility_id" uuid NOT NULL,
	"key" text NOT NULL,
	"title" jsonb NOT NULL,
	"owner" text NOT NULL,
	"due_rule" jsonb,
	"requires_proof" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"document_id" uuid,
	"done_by" uuid,
	"done_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"overdue_notified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mobility_checklist_items_owner_valid" CHECK ("mobility_checklist_items"."owner" IN ('student', 'sending', 'receiving')),
	CONSTRAINT "mobility_checklist_items_status_valid" CHECK ("mobility_checklist_items"."status" IN ('open', 'done', 'waived')),
	CONSTRAINT "mobility_checklist_items_waived_has_note" CHECK ("mobility_checklist_items"."status" <> 'waived' OR length(trim("mobility_checklist_items"."note")) > 0),
	CONSTRAINT "mobility_checklist_items_proof_when_done" CHECK (NOT "mobility_checklist_items"."requires_proof" OR "mobility_checklist_items"."status" <> 'done' OR "mobility_checklist_items"."document_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "mobility_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mobility_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mobility_documents_size_range" CHECK ("mobility_documents"."size" > 0 AND "mobility_documents"."size" <= 10485760),
	CONSTRAINT "mobility_documents_content_type" CHECK ("mobility_documents"."content_type" IN ('application/pdf', 'image/png', 'image/jpeg'))
);
--> statement-breakpoint
ALTER TABLE "mobilities" ADD CONSTRAINT "mobilities_nomination_id_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobilities" ADD CONSTRAINT "mobilities_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobilities" ADD CONSTRAINT "mobilities_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobilities" ADD CONSTRAINT "mobilities_quota_id_quota_lines_id_fk" FOREIGN KEY ("quota_id") REFERENCES "public"."quota_lines"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobilities" ADD CONSTRAINT "mobilities_sending_institution_id_institutions_id_fk" FOREIGN KEY ("sending_institution_id") REFERENCES "public"."institutions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobilities" ADD CONSTRAINT "mobilities_receiving_institution_id_institutions_id_fk" FOREIGN KEY ("receiving_institution_id") REFERENCES "public"."institutions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobility_letters" ADD CONSTRAINT "mobility_letters_mobility_id_mobilities_id_fk" FOREIGN KEY ("mobility_id") REFERENCES "public"."mobilities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobility_letters" ADD CONSTRAINT "mobility_letters_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobility_letters" ADD CONSTRAINT "mobility_letters_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_templates" ADD CONSTRAINT "checklist_templates_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobility_checklist_items" ADD CONSTRAINT "mobility_checklist_items_mobility_id_mobilities_id_fk" FOREIGN KEY ("mobility_id") REFERENCES "public"."mobilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobility_checklist_items" ADD CONSTRAINT "mobility_checklist_items_document_id_mobility_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."mobility_documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobility_checklist_items" ADD CONSTRAINT "mobility_checklist_items_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobility_documents" ADD CONSTRAINT "mobility_documents_mobility_id_mobilities_id_fk" FOREIGN KEY ("mobility_id") REFERENCES "public"."mobilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobility_documents" ADD CONSTRAINT "mobility_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mobilities_one_per_nomination" ON "mobilities" USING btree ("nomination_id");--> statement-breakpoint
CREATE INDEX "mobilities_receiving_idx" ON "mobilities" USING btree ("receiving_institution_id","academic_year","status");--> statement-breakpoint
CREATE INDEX "mobilities_sending_idx" ON "mobilities" USING btree ("sending_institution_id","academic_year","status");--> statement-breakpoint
CREATE INDEX "mobilities_student_idx" ON "mobilities" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "mobilities_quota_idx" ON "mobilities" USING btree ("quota_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mobility_letters_code_unique" ON "mobility_letters" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "mobility_letters_one_current" ON "mobility_letters" USING btree ("mobility_id","kind") WHERE "mobility_letters"."revoked_at" IS NULL;--> statement-breakpoint
CREATE INDEX "mobility_letters_mobility_idx" ON "mobility_letters" USING btree ("mobility_id");--> statement-breakpoint
CREATE UNIQUE INDEX "checklist_templates_key_unique" ON "checklist_templates" USING btree ("institution_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "mobility_checklist_items_key_unique" ON "mobility_checklist_items" USING btree ("mobility_id","key");--> statement-breakpoint
CREATE INDEX "mobility_checklist_items_due_idx" ON "mobility_checklist_items" USING btree ("due_on") WHERE "mobility_checklist_items"."status" = 'open';--> statement-breakpoint
CREATE INDEX "mobility_documents_mobility_idx" ON "mobility_documents" USING btree ("mobility_id");