// Plain limits that client components show as hints (maxLength). Kept apart
// from the zod schemas so importing them does not put zod in the browser.
export const NAME_MAX_LENGTH = 100;
export const API_KEY_NAME_MAX_LENGTH = 100;
export const PASSKEY_NAME_MAX_LENGTH = 60;
