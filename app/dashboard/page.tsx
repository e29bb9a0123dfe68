import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { DashboardView } from "@/components/dashboard-view";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  return <DashboardView user={user} />;
}
