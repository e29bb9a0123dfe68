import {
  signInWithGitHubAction,
  signInWithGoogleAction,
  signInWithMicrosoftAction,
  signInWithOidcAction,
} from "@/app/actions/federated-sign-in";
import type { ProviderSignInActions } from "@/components/sign-in/provider-buttons";

/** Each provider's "Sign in with …" server action, for the pages that show the buttons. */
export const PROVIDER_SIGN_IN_ACTIONS: ProviderSignInActions = {
  github: signInWithGitHubAction,
  google: signInWithGoogleAction,
  "microsoft-entra-id": signInWithMicrosoftAction,
  oidc: signInWithOidcAction,
};
