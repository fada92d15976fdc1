CREATE TABLE "ip_lead_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"id_number" text,
	"address" text,
	"company" text
);
--> statement-breakpoint
CREATE TABLE "ip_lead_passes" (
	"lead_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"passed_by" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "ip_lead_passes_lead_id_unit_id_pk" PRIMARY KEY("lead_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "ip_operation_leads" (
	"operation_id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"attached_by_unit_id" uuid NOT NULL,
	"attached_by" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "ip_operation_leads_operation_id_lead_id_pk" PRIMARY KEY("operation_id","lead_id")
);
--> statement-breakpoint
CREATE TABLE "ip_operation_members" (
	"operation_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "ip_operation_members_operation_id_unit_id_pk" PRIMARY KEY("operation_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "ip_operations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_by_unit_id" uuid NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ip_lead_parties" ADD CONSTRAINT "ip_lead_parties_lead_id_ip_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."ip_leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_lead_passes" ADD CONSTRAINT "ip_lead_passes_lead_id_ip_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."ip_leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_lead_passes" ADD CONSTRAINT "ip_lead_passes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_operation_leads" ADD CONSTRAINT "ip_operation_leads_operation_id_ip_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."ip_operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_operation_leads" ADD CONSTRAINT "ip_operation_leads_lead_id_ip_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."ip_leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_operation_leads" ADD CONSTRAINT "ip_operation_leads_attached_by_unit_id_units_id_fk" FOREIGN KEY ("attached_by_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_operation_members" ADD CONSTRAINT "ip_operation_members_operation_id_ip_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."ip_operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_operation_members" ADD CONSTRAINT "ip_operation_members_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_operations" ADD CONSTRAINT "ip_operations_created_by_unit_id_units_id_fk" FOREIGN KEY ("created_by_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ip_lead_parties_lead_idx" ON "ip_lead_parties" USING btree ("lead_id","position");--> statement-breakpoint
CREATE INDEX "ip_lead_passes_unit_idx" ON "ip_lead_passes" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "ip_operation_members_unit_idx" ON "ip_operation_members" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "ip_instruments_listing_idx" ON "ip_instruments" USING btree ("jurisdiction","title_en","id");