/** The downloadable text file of a new set of recovery codes (built in the browser, so kept free of Node imports). */
export function recoveryCodesFile(codes: string[], appName: string, email: string, at: Date): string {
  return [
    `${appName} recovery codes for ${email}`,
    `Generated ${at.toISOString()}. Each code works once; generating new codes voids these.`,
    "",
    ...codes,
    "",
  ].join("\n");
}
