CREATE TABLE "annual_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pair_id" uuid NOT NULL,
	"school_year" text NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"due_on" date NOT NULL,
	"submitted_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_comment" text,
	"reminded_at" timestamp with time zone,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grant_rates" (
	"school_year" text PRIMARY KEY NOT NULL,
	"amount_hkd" integer NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grant_spending" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"school_year" text NOT NULL,
	"amount_hkd" integer NOT NULL,
	"item" text NOT NULL,
	"reported_by" text NOT NULL,
	"reported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pair_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pair_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"place" text,
	"participants" jsonb NOT NULL,
	"description" text NOT NULL,
	"evidence" text[] DEFAULT '{}'::text[] NOT NULL,
	"school_id" uuid NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_coordinators" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"school_id" uuid NOT NULL,
	"appointed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schools" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"party_code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"level" text NOT NULL,
	"sector" text NOT NULL,
	"district" text NOT NULL,
	"address" text,
	"features" text[] DEFAULT '{}'::text[] NOT NULL,
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text,
	"preferences" jsonb NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shared_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pair_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"licence" text NOT NULL,
	"url" text,
	"school_id" uuid NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sister_pair_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"pair_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"side" text,
	"actor_id" uuid,
	"actor" text NOT NULL,
	"comment" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sister_pairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hk_school_id" uuid NOT NULL,
	"gd_school_id" uuid NOT NULL,
	"status" text NOT NULL,
	"origin" text NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_by_party" text NOT NULL,
	"message" text,
	"hk_consent_by" uuid,
	"hk_consent_at" timestamp with time zone,
	"gd_consent_by" uuid,
	"gd_consent_at" timestamp with time zone,
	"hk_endorsed_by" uuid,
	"hk_endorsed_at" timestamp with time zone,
	"gd_endorsed_by" uuid,
	"gd_endorsed_at" timestamp with time zone,
	"started_on" date,
	"ended_on" date,
	"status_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "annual_documents" ADD CONSTRAINT "annual_documents_pair_id_sister_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."sister_pairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_spending" ADD CONSTRAINT "grant_spending_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pair_activities" ADD CONSTRAINT "pair_activities_pair_id_sister_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."sister_pairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_coordinators" ADD CONSTRAINT "school_coordinators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_coordinators" ADD CONSTRAINT "school_coordinators_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_party_code_parties_code_fk" FOREIGN KEY ("party_code") REFERENCES "public"."parties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_materials" ADD CONSTRAINT "shared_materials_pair_id_sister_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."sister_pairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sister_pair_events" ADD CONSTRAINT "sister_pair_events_pair_id_sister_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."sister_pairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sister_pairs" ADD CONSTRAINT "sister_pairs_hk_school_id_schools_id_fk" FOREIGN KEY ("hk_school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sister_pairs" ADD CONSTRAINT "sister_pairs_gd_school_id_schools_id_fk" FOREIGN KEY ("gd_school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "annual_documents_key" ON "annual_documents" USING btree ("pair_id","school_year","kind");--> statement-breakpoint
CREATE INDEX "annual_documents_due_idx" ON "annual_documents" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "grant_spending_school_idx" ON "grant_spending" USING btree ("school_id","school_year");--> statement-breakpoint
CREATE INDEX "pair_activities_pair_idx" ON "pair_activities" USING btree ("pair_id","held_on");--> statement-breakpoint
CREATE INDEX "school_coordinators_school_idx" ON "school_coordinators" USING btree ("school_id");--> statement-breakpoint
CREATE UNIQUE INDEX "schools_code_key" ON "schools" USING btree ("code");--> statement-breakpoint
CREATE INDEX "schools_party_idx" ON "schools" USING btree ("party_code","level","district");--> statement-breakpoint
CREATE INDEX "schools_listing_idx" ON "schools" USING btree ("party_code","name_en","id");--> statement-breakpoint
CREATE INDEX "shared_materials_pair_idx" ON "shared_materials" USING btree ("pair_id");--> statement-breakpoint
CREATE INDEX "sister_pair_events_pair_idx" ON "sister_pair_events" USING btree ("pair_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "sister_pairs_open_key" ON "sister_pairs" USING btree ("hk_school_id","gd_school_id") WHERE status in ('proposed', 'consented', 'active', 'dormant');--> statement-breakpoint
CREATE INDEX "sister_pairs_gd_idx" ON "sister_pairs" USING btree ("gd_school_id");--> statement-breakpoint
CREATE INDEX "sister_pairs_status_idx" ON "sister_pairs" USING btree ("status","started_on");--> statement-breakpoint
CREATE INDEX "sister_pairs_changed_idx" ON "sister_pairs" USING btree ("updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
-- The grant of the 2015/16 pilot: HK$120,000 a year per school for three school years (¶14 of the October 2015 paper).
INSERT INTO "grant_rates" ("school_year", "amount_hkd", "source", "updated_at") VALUES
  ('2015/16', 120000, 'Joint Conference paper, October 2015, ¶14: an annual grant of $120,000 (three-year pilot from 2015/16)', now()),
  ('2016/17', 120000, 'Joint Conference paper, October 2015, ¶14: an annual grant of $120,000 (three-year pilot from 2015/16)', now()),
  ('2017/18', 120000, 'Joint Conference paper, October 2015, ¶14: an annual grant of $120,000 (three-year pilot from 2015/16)', now());
