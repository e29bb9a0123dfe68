// /forgot-password prerendered: see app/static/README.md.
export { default, metadata } from "@/app/forgot-password/page";
export const dynamic = "force-static";
