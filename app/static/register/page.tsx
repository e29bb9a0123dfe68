// /register prerendered for a signed-out visitor: see app/static/README.md.
export { default, metadata } from "@/app/register/page";
export const dynamic = "force-static";
