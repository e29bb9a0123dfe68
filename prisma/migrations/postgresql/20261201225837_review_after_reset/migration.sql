-- AlterTable
ALTER TABLE "User" ADD COLUMN     "reviewRequiredAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "TotpCredential" ADD COLUMN     "enabledIp" TEXT,
ADD COLUMN     "enabledUserAgent" TEXT;

-- AlterTable
ALTER TABLE "Passkey" ADD COLUMN     "createdIp" TEXT,
ADD COLUMN     "createdUserAgent" TEXT;

-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "createdIp" TEXT,
ADD COLUMN     "createdUserAgent" TEXT;

