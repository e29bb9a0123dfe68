// / prerendered for a signed-out visitor: see app/static/README.md.
export { default } from "@/app/page";
export const dynamic = "force-static";
