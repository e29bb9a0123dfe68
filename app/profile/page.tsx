import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { ChangePasswordForm, UpdateNameForm } from "@/app/profile/profile-forms";

export const metadata: Metadata = { title: "Profile" };

const panel = "rounded-xl bg-white p-6 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800";

export default async function ProfilePage() {
  const user = await requireUser("/profile");
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Profile</h1>
        <p className="mt-2 text-slate-700 dark:text-slate-300">{user.email}</p>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className={panel}>
          <h2 className="mb-4 text-lg font-semibold">
            Your name
          </h2>
          <UpdateNameForm currentName={user.name} />
        </section>
        <section className={panel}>
          <h2 className="mb-4 text-lg font-semibold">
            Change password
          </h2>
          <ChangePasswordForm />
        </section>
      </div>
    </div>
  );
}
