"use server";

import { redirect } from "next/navigation";
import { signOutCurrentSession } from "@/lib/auth/sign-out";
import { setFlash } from "@/lib/flash/set-flash";

export async function signOutAction(): Promise<never> {
  await signOutCurrentSession();
  await setFlash("info", "You have been signed out.");
  redirect("/login");
}
