"use server";

import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/auth";
import { setFlash } from "@/lib/flash/set-flash";

export async function signOutAction(): Promise<never> {
  await signOut({ redirect: false });
  await setFlash("info", "You have been signed out.");
  redirect("/login");
}
