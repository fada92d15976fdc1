CREATE TABLE "customs_routings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notification_id" uuid NOT NULL,
	"routed_by_unit_id" uuid NOT NULL,
	"routed_by" text NOT NULL,
	"customs_unit_id" uuid,
	"routed_to" text,
	"routed_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" text
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "customs_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "customs_routings" ADD CONSTRAINT "customs_routings_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customs_routings" ADD CONSTRAINT "customs_routings_routed_by_unit_id_units_id_fk" FOREIGN KEY ("routed_by_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customs_routings" ADD CONSTRAINT "customs_routings_customs_unit_id_units_id_fk" FOREIGN KEY ("customs_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customs_routings_notification_idx" ON "customs_routings" USING btree ("notification_id","routed_at");--> statement-breakpoint
-- Every routing recorded before this migration, from the timeline (the notification kept only the last one): a hand-off to the department named.
INSERT INTO "customs_routings" ("notification_id", "routed_by_unit_id", "routed_by", "customs_unit_id", "routed_to", "routed_at", "recorded_at")
SELECT e."notification_id", coalesce(e."unit_id", n."sender_unit_id"), e."actor", NULL, coalesce(e."comment", n."customs_routed_to", ''), coalesce((e."data"->>'routedAt')::timestamptz, n."customs_routed_at", e."at"), e."at"
FROM "notification_events" e JOIN "notifications" n ON n."id" = e."notification_id"
WHERE e."kind" = 'routed_to_customs';--> statement-breakpoint
ALTER TABLE "notifications" DROP COLUMN "customs_routed_to";--> statement-breakpoint
ALTER TABLE "notifications" DROP COLUMN "customs_routed_at";