-- A consultation belongs to the unit that referred it, and is shared with the other side only
-- when referred after the notification was sent: filled in from the timeline for those made so far.
ALTER TABLE "expert_consultations" ADD COLUMN "unit_id" uuid;--> statement-breakpoint
ALTER TABLE "expert_consultations" ADD COLUMN "shared" boolean;--> statement-breakpoint
UPDATE "expert_consultations" c SET
  "unit_id" = coalesce(
    (SELECT e."unit_id" FROM "notification_events" e
      WHERE e."notification_id" = c."notification_id" AND e."kind" = 'expert_consultation' AND e."data" ->> 'consultationId' = c."id"::text LIMIT 1),
    (SELECT n."sender_unit_id" FROM "notifications" n WHERE n."id" = c."notification_id")),
  "shared" = EXISTS (
    SELECT 1 FROM "notification_events" e JOIN "notification_events" s ON s."notification_id" = e."notification_id" AND s."kind" = 'sent' AND s."id" < e."id"
    WHERE e."notification_id" = c."notification_id" AND e."kind" = 'expert_consultation' AND e."data" ->> 'consultationId' = c."id"::text);--> statement-breakpoint
ALTER TABLE "expert_consultations" ALTER COLUMN "unit_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "expert_consultations" ALTER COLUMN "shared" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD COLUMN "fingerprint" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Everyone who wrote a notification's content before it was sent; none of them may approve it.
ALTER TABLE "notifications" ADD COLUMN "editor_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
UPDATE "notifications" n SET "editor_ids" = (
  SELECT coalesce(array_agg(DISTINCT e."actor_id"), '{}') FROM "notification_events" e
  WHERE e."notification_id" = n."id" AND e."kind" IN ('drafted', 'edited', 'attached') AND e."actor_id" IS NOT NULL
)
WHERE n."status" IN ('draft', 'returned', 'submitted');--> statement-breakpoint
ALTER TABLE "expert_consultations" ADD CONSTRAINT "expert_consultations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;
