-- AlterTable
ALTER TABLE "User" ADD COLUMN "reviewRequiredAt" DATETIME;

-- AlterTable
ALTER TABLE "TotpCredential" ADD COLUMN "enabledIp" TEXT;
ALTER TABLE "TotpCredential" ADD COLUMN "enabledUserAgent" TEXT;

-- AlterTable
ALTER TABLE "Passkey" ADD COLUMN "createdIp" TEXT;
ALTER TABLE "Passkey" ADD COLUMN "createdUserAgent" TEXT;

-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN "createdIp" TEXT;
ALTER TABLE "ApiKey" ADD COLUMN "createdUserAgent" TEXT;

