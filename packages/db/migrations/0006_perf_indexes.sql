CREATE INDEX "applications_submitted_order_idx" ON "applications" USING btree ("submitted_at" DESC NULLS LAST,"created_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "nominations_receiving_created_idx" ON "nominations" USING btree ("receiving_institution_id","created_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "nominations_sending_created_idx" ON "nominations" USING btree ("sending_institution_id","created_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "events_status_ends_idx" ON "events" USING btree ("status","ends_at");