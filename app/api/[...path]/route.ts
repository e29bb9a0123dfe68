import { apiError } from "@/lib/api/responses";

// Unknown API paths answer in JSON, like the rest of the API, not with the HTML 404 page.
function notFound() {
  return apiError(404, "No such API endpoint. See /api/openapi.json.");
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
