import { signOutAction } from "@/app/actions/sign-out";
import { SubmitButton } from "@/components/submit-button";

/** A form, not a link: signing out changes state, so only a POST may do it. */
export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <SubmitButton variant="secondary">Sign out</SubmitButton>
    </form>
  );
}
