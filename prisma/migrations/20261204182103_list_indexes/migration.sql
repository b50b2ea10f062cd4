-- DropIndex
DROP INDEX "Event_status_deletedAt_startsAt_id_idx";

-- DropIndex
DROP INDEX "Page_status_deletedAt_publishedAt_id_idx";

-- DropIndex
DROP INDEX "Post_locale_status_publishedAt_idx";

-- DropIndex
DROP INDEX "Post_status_deletedAt_publishedAt_id_idx";

-- DropIndex
DROP INDEX "Project_status_deletedAt_publishedAt_id_idx";

-- CreateIndex
CREATE INDEX "Event_status_startsAt_id_idx" ON "Event"("status", "startsAt", "id");

-- CreateIndex
CREATE INDEX "Page_status_publishedAt_id_idx" ON "Page"("status", "publishedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Post_status_publishedAt_id_idx" ON "Post"("status", "publishedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Post_locale_status_publishedAt_id_idx" ON "Post"("locale", "status", "publishedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Project_status_publishedAt_id_idx" ON "Project"("status", "publishedAt" DESC, "id");
