-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "actorPseudonym" TEXT,
ADD COLUMN     "targetPseudonym" TEXT;

