CREATE TABLE "rcc_modules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"change_note" text,
	"is_sample" boolean DEFAULT false NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sar_companies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_no" text NOT NULL,
	"place" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"address" text,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"contact_email" text,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sar_exercises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"participants" text[] NOT NULL,
	"findings" text NOT NULL,
	"follow_up_actions" jsonb NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sar_plan_copies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"number" integer NOT NULL,
	"holder" text NOT NULL,
	"holder_unit_id" uuid,
	"holder_name" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" text,
	"superseded_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" text
);
--> statement-breakpoint
CREATE TABLE "sar_plan_modules" (
	"plan_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"rcc_module_id" uuid NOT NULL,
	CONSTRAINT "sar_plan_modules_plan_id_unit_id_pk" PRIMARY KEY("plan_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "sar_plan_recognitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	"recognised_by" text NOT NULL,
	"recognised_at" timestamp with time zone NOT NULL,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "sar_plan_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"document" jsonb NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sar_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"ship_id" uuid NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"status" text NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"facilities" jsonb NOT NULL,
	"notes" text,
	"first_issued_at" timestamp with time zone,
	"issued_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdraw_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sar_register_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"change" text NOT NULL,
	"fields" jsonb NOT NULL,
	"actor_id" uuid,
	"actor" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sar_reminders" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"reminded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sar_ships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"imo_number" text NOT NULL,
	"mmsi" text NOT NULL,
	"call_sign" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"place" text NOT NULL,
	"port_of_registry" text NOT NULL,
	"ship_type" text NOT NULL,
	"passenger_capacity" integer NOT NULL,
	"company_id" uuid NOT NULL,
	"routes" jsonb NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rcc_modules" ADD CONSTRAINT "rcc_modules_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_companies" ADD CONSTRAINT "sar_companies_place_parties_code_fk" FOREIGN KEY ("place") REFERENCES "public"."parties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_exercises" ADD CONSTRAINT "sar_exercises_plan_id_sar_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."sar_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_plan_copies" ADD CONSTRAINT "sar_plan_copies_plan_id_sar_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."sar_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_plan_copies" ADD CONSTRAINT "sar_plan_copies_holder_unit_id_units_id_fk" FOREIGN KEY ("holder_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_plan_modules" ADD CONSTRAINT "sar_plan_modules_plan_id_sar_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."sar_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_plan_modules" ADD CONSTRAINT "sar_plan_modules_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_plan_modules" ADD CONSTRAINT "sar_plan_modules_rcc_module_id_rcc_modules_id_fk" FOREIGN KEY ("rcc_module_id") REFERENCES "public"."rcc_modules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_plan_recognitions" ADD CONSTRAINT "sar_plan_recognitions_plan_id_sar_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."sar_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_plan_recognitions" ADD CONSTRAINT "sar_plan_recognitions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_plan_revisions" ADD CONSTRAINT "sar_plan_revisions_plan_id_sar_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."sar_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_plans" ADD CONSTRAINT "sar_plans_ship_id_sar_ships_id_fk" FOREIGN KEY ("ship_id") REFERENCES "public"."sar_ships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_plans" ADD CONSTRAINT "sar_plans_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_reminders" ADD CONSTRAINT "sar_reminders_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_ships" ADD CONSTRAINT "sar_ships_place_parties_code_fk" FOREIGN KEY ("place") REFERENCES "public"."parties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_ships" ADD CONSTRAINT "sar_ships_company_id_sar_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."sar_companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rcc_modules_version_key" ON "rcc_modules" USING btree ("unit_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "sar_companies_registration_key" ON "sar_companies" USING btree ("registration_no");--> statement-breakpoint
CREATE INDEX "sar_companies_place_idx" ON "sar_companies" USING btree ("place","name_en");--> statement-breakpoint
CREATE INDEX "sar_exercises_plan_idx" ON "sar_exercises" USING btree ("plan_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "sar_plan_copies_key" ON "sar_plan_copies" USING btree ("plan_id","revision","number");--> statement-breakpoint
CREATE INDEX "sar_plan_copies_holder_idx" ON "sar_plan_copies" USING btree ("holder_unit_id");--> statement-breakpoint
CREATE INDEX "sar_plan_modules_module_idx" ON "sar_plan_modules" USING btree ("rcc_module_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sar_plan_recognitions_key" ON "sar_plan_recognitions" USING btree ("plan_id","revision","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sar_plan_revisions_key" ON "sar_plan_revisions" USING btree ("plan_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "sar_plans_reference_key" ON "sar_plans" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "sar_plans_ship_key" ON "sar_plans" USING btree ("ship_id");--> statement-breakpoint
CREATE INDEX "sar_plans_owner_idx" ON "sar_plans" USING btree ("owner_unit_id","status");--> statement-breakpoint
CREATE INDEX "sar_register_changes_entity_idx" ON "sar_register_changes" USING btree ("entity_type","entity_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "sar_ships_imo_key" ON "sar_ships" USING btree ("imo_number");--> statement-breakpoint
CREATE INDEX "sar_ships_place_idx" ON "sar_ships" USING btree ("place","name_en");--> statement-breakpoint
CREATE INDEX "sar_ships_company_idx" ON "sar_ships" USING btree ("company_id");