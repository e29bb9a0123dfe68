import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/session";
import { findUserById } from "@/lib/users/queries";
import { deleteUserIdSchema } from "@/lib/validation/delete-account";
import { PageCard } from "@/components/page-card";
import { DeleteAccountForm } from "@/components/delete-account-form";
import { adminDeleteUserAction } from "@/app/admin/delete/actions";

export const metadata: Metadata = { title: "Delete user" };

interface AdminDeletePageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AdminDeletePage({ searchParams }: AdminDeletePageProps) {
  const target = deleteUserIdSchema.safeParse({ userId: (await searchParams).user });
  await requireAdmin(target.success ? `/admin/delete?${new URLSearchParams({ user: target.data.userId })}` : "/admin");
  const user = target.success ? await findUserById(target.data.userId) : null;
  if (!user) notFound();
  return (
    <PageCard title="Delete user">
      <p className="mb-6 text-sm text-slate-700 dark:text-slate-300">
        This deletes <strong>{user.name}</strong> (<strong className="break-all">{user.email}</strong>) and everything of
        theirs for good. They get a last mail saying so. The security log keeps their records under a pseudonym.
      </p>
      <DeleteAccountForm action={adminDeleteUserAction} userId={user.id} button="Delete this user" />
      <p className="mt-6 text-center text-sm">
        <Link href="/admin" className="font-semibold text-indigo-700 hover:underline dark:text-indigo-400">
          Back to the users
        </Link>
      </p>
    </PageCard>
  );
}
