import { SubmitButton } from "@/components/submit-button";

/** A form, not a link: signing out changes state, so only a POST may do it. The action comes from app/. */
export function SignOutButton({ action }: { action: (formData: FormData) => Promise<void> }) {
  return (
    <form action={action}>
      <SubmitButton variant="secondary">Sign out</SubmitButton>
    </form>
  );
}
