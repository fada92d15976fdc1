-- Appends a transaction's audit entries to the hash chain in one statement, so that the chain's
-- lock is held from this statement to COMMIT and never across a round trip to the application.
-- Each entry is {at, actorId, actor, action, entityType, entityId, unitId, data, body}, where body
-- is the entry's canonical JSON as the application writes it (audit/chain.ts): its hash is
-- sha256(previous hash || '\n' || body), the same as entryHash, by which the chain is verified.
CREATE FUNCTION audit_append(lock_key bigint, entries jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  prev text;
  entry jsonb;
  next text;
BEGIN
  PERFORM pg_advisory_xact_lock(lock_key);
  -- A statement of its own, after the lock: a volatile function's statement takes a new snapshot,
  -- so it sees the entry of the writer it waited for.
  SELECT hash INTO prev FROM audit_log ORDER BY id DESC LIMIT 1;
  prev := coalesce(prev, repeat('0', 64));
  FOR entry IN SELECT value FROM jsonb_array_elements(entries) LOOP
    next := encode(sha256(convert_to(prev || E'\n' || (entry ->> 'body'), 'UTF8')), 'hex');
    INSERT INTO audit_log (at, actor_id, actor, action, entity_type, entity_id, unit_id, data, prev_hash, hash)
    VALUES ((entry ->> 'at')::timestamptz, (entry ->> 'actorId')::uuid, entry ->> 'actor', entry ->> 'action', entry ->> 'entityType',
            entry ->> 'entityId', (entry ->> 'unitId')::uuid, entry -> 'data', prev, next);
    prev := next;
  END LOOP;
END
$$;
