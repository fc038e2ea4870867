CREATE TABLE "mail_digest_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"digest_id" uuid
);
--> statement-breakpoint
CREATE TABLE "mail_digests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"day" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "nomination_mail" text DEFAULT 'daily' NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "link_path" text;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "mail_digest_entries" ADD CONSTRAINT "mail_digest_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_digest_entries" ADD CONSTRAINT "mail_digest_entries_digest_id_mail_digests_id_fk" FOREIGN KEY ("digest_id") REFERENCES "public"."mail_digests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_digests" ADD CONSTRAINT "mail_digests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mail_digest_entries_pending_idx" ON "mail_digest_entries" USING btree ("user_id","created_at") WHERE "mail_digest_entries"."digest_id" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "mail_digests_user_day_unique" ON "mail_digests" USING btree ("user_id","day");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_nomination_mail_valid" CHECK ("users"."nomination_mail" IN ('daily', 'immediate'));