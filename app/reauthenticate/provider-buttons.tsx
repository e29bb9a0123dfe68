import { reauthenticateWithProviderAction } from "@/app/reauthenticate/provider-actions";
import { SubmitButton } from "@/components/submit-button";
import type { ProviderButton } from "@/lib/federated/configured";

/** One "Continue with {name}" per provider linked to the account: plain posts, so they work without JavaScript. */
export function ProviderReauthenticateButtons({ providers, next }: { providers: ProviderButton[]; next: string }) {
  return (
    <div className="space-y-3">
      {providers.map((provider) => (
        <form key={provider.id} action={reauthenticateWithProviderAction}>
          <input type="hidden" name="provider" value={provider.id} />
          <input type="hidden" name="next" value={next} />
          <SubmitButton variant="secondary">Continue with {provider.name}</SubmitButton>
        </form>
      ))}
    </div>
  );
}
