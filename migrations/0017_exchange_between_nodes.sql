CREATE TABLE "exchange_messages" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"to_node_id" uuid NOT NULL,
	"from_unit_code" text,
	"to_unit_code" text,
	"subject_type" text,
	"subject_id" text,
	"jws" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"receipt" text,
	CONSTRAINT "exchange_messages_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "exchange_nodes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"is_self" boolean DEFAULT false NOT NULL,
	"party_code" text,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"keys" jsonb NOT NULL,
	"anchor" text,
	"imported_at" timestamp with time zone NOT NULL,
	"last_delivery_at" timestamp with time zone,
	"last_failure_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "exchange_received" (
	"message_id" uuid PRIMARY KEY NOT NULL,
	"from_node_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_type" text,
	"subject_id" text,
	"jws" text NOT NULL,
	"receipt" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_refusals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"from_node_id" text,
	"message_id" text,
	"reason" text NOT NULL,
	"detail" text
);
--> statement-breakpoint
CREATE TABLE "exchange_unit_nodes" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"node_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_witnessed" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"node_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"hash" text NOT NULL,
	"at" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"conflict" text
);
--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "author_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "exchange_messages" ADD CONSTRAINT "exchange_messages_to_node_id_exchange_nodes_id_fk" FOREIGN KEY ("to_node_id") REFERENCES "public"."exchange_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_unit_nodes" ADD CONSTRAINT "exchange_unit_nodes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_unit_nodes" ADD CONSTRAINT "exchange_unit_nodes_node_id_exchange_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."exchange_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exchange_messages_pending_idx" ON "exchange_messages" USING btree ("next_attempt_at","seq") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "exchange_messages_subject_idx" ON "exchange_messages" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "exchange_received_subject_idx" ON "exchange_received" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "exchange_witnessed_node_idx" ON "exchange_witnessed" USING btree ("node_id","id");