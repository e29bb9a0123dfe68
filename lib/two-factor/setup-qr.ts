import "server-only";
import QRCode from "qrcode";

/**
 * The QR code of an otpauth:// URI as an SVG data URL, drawn on the server:
 * the page needs no script for it, and the CSP (img-src data:) stays as it is.
 */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
}
