"use server";

import { formAction } from "@/lib/actions/argument-guard";
import { redirect } from "next/navigation";
import { signOutCurrentSession } from "@/lib/auth-js/sign-out";
import { setFlash } from "@/lib/flash/set-flash";

export const signOutAction = formAction(handleSignOut);
async function handleSignOut(): Promise<never> {
  await signOutCurrentSession();
  await setFlash("info", "You have been signed out.");
  redirect("/login");
}
