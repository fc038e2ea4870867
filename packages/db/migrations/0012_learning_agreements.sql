CREATE TABLE "learning_agreement_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mobility_id" uuid NOT NULL,
	"status" text NOT NULL,
	"kind" text NOT NULL,
	"number" integer,
	"proposal_id" uuid,
	"content" jsonb NOT NULL,
	"student_signature" jsonb,
	"sending_signature" jsonb,
	"receiving_signature" jsonb,
	"comment" text,
	"comment_locale" text,
	"comment_side" text,
	"comment_by" uuid,
	"comment_by_name" text,
	"comment_at" timestamp with time zone,
	"proposed_at" timestamp with time zone,
	"signed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_agreement_versions_status_valid" CHECK ("learning_agreement_versions"."status" IN ('draft', 'proposed', 'returned', 'signed')),
	CONSTRAINT "learning_agreement_versions_kind_valid" CHECK ("learning_agreement_versions"."kind" IN ('first', 'changes')),
	CONSTRAINT "learning_agreement_versions_proposal_has_id" CHECK (("learning_agreement_versions"."status" = 'draft') = ("learning_agreement_versions"."proposal_id" IS NULL AND "learning_agreement_versions"."number" IS NULL AND "learning_agreement_versions"."student_signature" IS NULL)),
	CONSTRAINT "learning_agreement_versions_signed_by_three" CHECK ("learning_agreement_versions"."status" <> 'signed' OR ("learning_agreement_versions"."sending_signature" IS NOT NULL AND "learning_agreement_versions"."receiving_signature" IS NOT NULL AND "learning_agreement_versions"."signed_at" IS NOT NULL)),
	CONSTRAINT "learning_agreement_versions_receiving_after_sending" CHECK ("learning_agreement_versions"."receiving_signature" IS NULL OR "learning_agreement_versions"."sending_signature" IS NOT NULL),
	CONSTRAINT "learning_agreement_versions_returned_has_comment" CHECK ("learning_agreement_versions"."status" <> 'returned' OR length(trim("learning_agreement_versions"."comment")) > 0)
);
--> statement-breakpoint
ALTER TABLE "learning_agreement_versions" ADD CONSTRAINT "learning_agreement_versions_mobility_id_mobilities_id_fk" FOREIGN KEY ("mobility_id") REFERENCES "public"."mobilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_agreement_versions" ADD CONSTRAINT "learning_agreement_versions_comment_by_users_id_fk" FOREIGN KEY ("comment_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "learning_agreement_versions_number" ON "learning_agreement_versions" USING btree ("mobility_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_agreement_versions_proposal" ON "learning_agreement_versions" USING btree ("proposal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_agreement_versions_one_draft" ON "learning_agreement_versions" USING btree ("mobility_id") WHERE "learning_agreement_versions"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "learning_agreement_versions_one_open_proposal" ON "learning_agreement_versions" USING btree ("mobility_id") WHERE "learning_agreement_versions"."status" = 'proposed';--> statement-breakpoint
-- A signed or returned proposal is what the parties saw: it never changes and is never removed.
CREATE OR REPLACE FUNCTION learning_agreement_versions_settled() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status IN ('signed', 'returned') THEN
    RAISE EXCEPTION 'a % learning agreement version never changes: % refused', OLD.status, TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER learning_agreement_versions_settled
  BEFORE UPDATE OR DELETE ON learning_agreement_versions
  FOR EACH ROW EXECUTE FUNCTION learning_agreement_versions_settled();
