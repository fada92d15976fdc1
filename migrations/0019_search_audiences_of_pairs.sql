-- The coordinators of a sister-school pair's two schools find its records in search through
-- search_documents.audiences (school:<id>, src/server/schools/search-index.ts). The pairs,
-- activities and shared materials indexed before the column was added are given theirs here;
-- those indexed from now on get them when indexed.
UPDATE "search_documents" d SET "audiences" = ARRAY['school:' || p."hk_school_id", 'school:' || p."gd_school_id"]
FROM "sister_pairs" p
WHERE d."kind" = 'sister_pair' AND d."ref_id" = p."id"::text;--> statement-breakpoint
UPDATE "search_documents" d SET "audiences" = ARRAY['school:' || p."hk_school_id", 'school:' || p."gd_school_id"]
FROM "pair_activities" a JOIN "sister_pairs" p ON p."id" = a."pair_id"
WHERE d."kind" = 'pair_activity' AND d."ref_id" = a."id"::text;--> statement-breakpoint
UPDATE "search_documents" d SET "audiences" = ARRAY['school:' || p."hk_school_id", 'school:' || p."gd_school_id"]
FROM "shared_materials" m JOIN "sister_pairs" p ON p."id" = m."pair_id"
WHERE d."kind" = 'shared_material' AND d."ref_id" = m."id"::text;
