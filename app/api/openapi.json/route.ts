import { openApiDocument } from "@/lib/api/openapi";
import { apiJson } from "@/lib/api/responses";

export function GET() {
  return apiJson(openApiDocument);
}
