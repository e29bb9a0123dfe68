-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "actorPseudonym" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "targetPseudonym" TEXT;

