// Control characters (including newlines) have no place in a one-line label.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

export function containsControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text);
}
