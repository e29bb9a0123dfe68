import { PASSWORD_MIN_LENGTH } from "@/lib/validation/password-rules";

const LABELS = ["Weak", "Fair", "Good", "Strong"] as const;
export type StrengthLabel = (typeof LABELS)[number];

export interface StrengthEstimate {
  /** 0 (weak) to 3 (strong). */
  score: 0 | 1 | 2 | 3;
  label: StrengthLabel;
}

// This runs in the browser on every keystroke, so it is a rough estimate
// with a handful of patterns, not a dictionary: the server's common-password
// list (lib/validation/common-passwords.ts) is what actually refuses weak ones.
const PREDICTABLE_WORDS = [
  "password",
  "passwort",
  "qwerty",
  "azerty",
  "asdf",
  "zxcv",
  "letmein",
  "welcome",
  "iloveyou",
  "admin",
  "login",
  "monkey",
  "dragon",
  "sunshine",
  "princess",
  "football",
  "baseball",
];

// Look-alike substitutions people use to "disguise" words (p@ssw0rd).
const LOOK_ALIKES: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s" };

// Guessing bits needed for Fair, Good and Strong.
const THRESHOLDS = [40, 60, 80];

/** How many symbols an attacker must consider per character. */
function alphabetSize(characters: string[]): number {
  let size = 0;
  if (characters.some((c) => /[a-z]/.test(c))) size += 26;
  if (characters.some((c) => /[A-Z]/.test(c))) size += 26;
  if (characters.some((c) => /[0-9]/.test(c))) size += 10;
  // Space and the other ASCII punctuation.
  if (characters.some((c) => /[ -/:-@[-`{-~]/.test(c))) size += 33;
  if (characters.some((c) => c > "~")) size += 100;
  return size;
}

/**
 * How many characters really add to the guessing effort: a predictable word
 * counts as one, and so does a run of repeated or consecutive characters
 * (aaaa, 1234, dcba).
 */
function effectiveLength(characters: string[]): number {
  const lower = characters.map((c) => c.toLowerCase());
  const plain = lower.map((c) => LOOK_ALIKES[c] ?? c).join("");
  const inWord = new Array<boolean>(characters.length).fill(false);
  let words = 0;
  for (const word of PREDICTABLE_WORDS) {
    for (let at = plain.indexOf(word); at !== -1; at = plain.indexOf(word, at + word.length)) {
      inWord.fill(true, at, at + word.length);
      words += 1;
    }
  }
  let length = words;
  lower.forEach((c, index) => {
    if (inWord[index]) return;
    const step = index > 0 ? (c.codePointAt(0) ?? 0) - (lower[index - 1]?.codePointAt(0) ?? 0) : Infinity;
    if (Math.abs(step) > 1) length += 1;
  });
  return length;
}

export function estimatePasswordStrength(password: string): StrengthEstimate {
  // Code points, so an emoji counts as one character, as a person sees it.
  const characters = Array.from(password);
  if (characters.length < PASSWORD_MIN_LENGTH) return { score: 0, label: "Weak" };
  const bits = effectiveLength(characters) * Math.log2(alphabetSize(characters));
  const score = THRESHOLDS.filter((threshold) => bits >= threshold).length as StrengthEstimate["score"];
  return { score, label: LABELS[score] };
}
