export const APP_PORT: number;
export const OIDC_PORT: number;
export const OIDC_ISSUER: string;
export const OIDC_CLIENT: { id: string; secret: string };
export const OIDC_NAME: string;
export const SUITE_PROVIDER_ENV: Record<"AUTH_OIDC_ISSUER" | "AUTH_OIDC_ID" | "AUTH_OIDC_SECRET" | "AUTH_OIDC_NAME", string>;
