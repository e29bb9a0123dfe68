"use server";

import { formAction } from "@/lib/actions/server-action";
import { redirect } from "next/navigation";
import { signOutCurrentSession } from "@/lib/auth-js/sign-out";
import { setFlash } from "@/lib/flash/set-flash";

// Anyone: signing out an ended session (or none) still clears its cookies.
export const signOutAction = formAction({ access: "anyone", page: "/login" }, async (): Promise<never> => {
  await signOutCurrentSession();
  await setFlash("info", "You have been signed out.");
  redirect("/login");
});
