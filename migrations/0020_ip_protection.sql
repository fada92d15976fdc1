CREATE TABLE "ip_authorities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"jurisdiction" text NOT NULL,
	"roles" text[] NOT NULL,
	"subjects" text[] NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"name_pt" text,
	"address" text,
	"phone" text,
	"email" text,
	"website" text NOT NULL,
	"source_url" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ip_instrument_relations" (
	"from_id" uuid NOT NULL,
	"to_id" uuid NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "ip_instrument_relations_from_id_to_id_kind_pk" PRIMARY KEY("from_id","to_id","kind")
);
--> statement-breakpoint
CREATE TABLE "ip_instruments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"jurisdiction" text NOT NULL,
	"subjects" text[] NOT NULL,
	"type" text NOT NULL,
	"number" text,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"title_pt" text,
	"enacted_on" date,
	"in_force_on" date,
	"repealed_on" date,
	"status" text NOT NULL,
	"summary_zh" text,
	"summary_en" text,
	"official_url" text NOT NULL,
	"versions" jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ip_lead_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"actor_id" uuid,
	"actor" text NOT NULL,
	"comment" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ip_leads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"from_unit_id" uuid NOT NULL,
	"to_unit_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"goods" text NOT NULL,
	"brands" text[] DEFAULT '{}'::text[] NOT NULL,
	"quantity" text,
	"route" text,
	"summary" text NOT NULL,
	"risk_level" text NOT NULL,
	"risk_assessment" text,
	"handling_code" text NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"feedback" text,
	"is_sample" boolean DEFAULT false NOT NULL,
	"sent_by" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"acknowledged_by" text,
	"acknowledged_at" timestamp with time zone,
	"answered_by" text,
	"answered_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ip_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instrument_id" uuid,
	"jurisdiction" text NOT NULL,
	"content" jsonb NOT NULL,
	"update" jsonb,
	"status" text NOT NULL,
	"author_id" uuid NOT NULL,
	"author" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"editor_ids" uuid[] NOT NULL,
	"submitted_at" timestamp with time zone,
	"reviewer_id" uuid,
	"reviewer" text,
	"reviewed_at" timestamp with time zone,
	"review_comment" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ip_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text,
	"instrument_id" uuid,
	"revision_id" uuid,
	"jurisdiction" text NOT NULL,
	"dated" date NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"summary_zh" text,
	"summary_en" text,
	"source_url" text,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ip_instrument_relations" ADD CONSTRAINT "ip_instrument_relations_from_id_ip_instruments_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."ip_instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_instrument_relations" ADD CONSTRAINT "ip_instrument_relations_to_id_ip_instruments_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."ip_instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_lead_events" ADD CONSTRAINT "ip_lead_events_lead_id_ip_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."ip_leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_lead_events" ADD CONSTRAINT "ip_lead_events_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_leads" ADD CONSTRAINT "ip_leads_from_unit_id_units_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_leads" ADD CONSTRAINT "ip_leads_to_unit_id_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_revisions" ADD CONSTRAINT "ip_revisions_instrument_id_ip_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."ip_instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_revisions" ADD CONSTRAINT "ip_revisions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_updates" ADD CONSTRAINT "ip_updates_instrument_id_ip_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."ip_instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_updates" ADD CONSTRAINT "ip_updates_revision_id_ip_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."ip_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ip_authorities_code_key" ON "ip_authorities" USING btree ("code");--> statement-breakpoint
CREATE INDEX "ip_instrument_relations_to_idx" ON "ip_instrument_relations" USING btree ("to_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ip_instruments_code_key" ON "ip_instruments" USING btree ("code");--> statement-breakpoint
CREATE INDEX "ip_instruments_jurisdiction_idx" ON "ip_instruments" USING btree ("jurisdiction");--> statement-breakpoint
CREATE INDEX "ip_instruments_subjects_idx" ON "ip_instruments" USING gin ("subjects");--> statement-breakpoint
CREATE INDEX "ip_lead_events_lead_idx" ON "ip_lead_events" USING btree ("lead_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "ip_leads_reference_key" ON "ip_leads" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "ip_leads_from_idx" ON "ip_leads" USING btree ("from_unit_id","sent_at");--> statement-breakpoint
CREATE INDEX "ip_leads_to_idx" ON "ip_leads" USING btree ("to_unit_id","sent_at");--> statement-breakpoint
CREATE INDEX "ip_revisions_jurisdiction_idx" ON "ip_revisions" USING btree ("jurisdiction","status","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ip_updates_code_key" ON "ip_updates" USING btree ("code");--> statement-breakpoint
CREATE INDEX "ip_updates_newest_idx" ON "ip_updates" USING btree ("dated" DESC NULLS LAST,"published_at" DESC NULLS LAST);