-- CreateTable
CREATE TABLE "ChangeEvent" (
    "id" BIGSERIAL NOT NULL,
    "xid" xid8 NOT NULL DEFAULT pg_current_xact_id(),
    "kind" TEXT NOT NULL,
    "documentId" UUID,
    "noteId" UUID,
    "userId" UUID,
    "groupId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChangeEvent_xid_id_idx" ON "ChangeEvent"("xid", "id");

-- CreateIndex
CREATE INDEX "ChangeEvent_createdAt_idx" ON "ChangeEvent"("createdAt");

-- Announce each change with its id only (far below NOTIFY's 8,000-byte limit). PostgreSQL delivers notifications at
-- commit, so a rolled-back transaction announces nothing; listeners re-read the feed itself (lib/live/change-feed.ts).
CREATE FUNCTION "marginalia_announce_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('marginalia_changes', NEW."id"::text);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ChangeEvent_announce" AFTER INSERT ON "ChangeEvent" FOR EACH ROW EXECUTE FUNCTION "marginalia_announce_change"();
