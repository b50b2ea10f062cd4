-- DropIndex
DROP INDEX "Event_translationGroupId_idx";

-- DropIndex
DROP INDEX "Page_translationGroupId_idx";

-- DropIndex
DROP INDEX "Post_translationGroupId_idx";

-- DropIndex
DROP INDEX "Project_translationGroupId_idx";

-- CreateIndex
CREATE UNIQUE INDEX "Event_translationGroupId_locale_key" ON "Event"("translationGroupId", "locale");

-- CreateIndex
CREATE UNIQUE INDEX "Page_translationGroupId_locale_key" ON "Page"("translationGroupId", "locale");

-- CreateIndex
CREATE UNIQUE INDEX "Post_translationGroupId_locale_key" ON "Post"("translationGroupId", "locale");

-- CreateIndex
CREATE UNIQUE INDEX "Project_translationGroupId_locale_key" ON "Project"("translationGroupId", "locale");
