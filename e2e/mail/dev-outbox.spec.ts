import { test, expect } from "../fixtures";

// /dev/outbox shows unsent mail under `npm run dev` only; this suite runs a production build.
test("the development outbox does not exist in production", async ({ request }) => {
  const response = await request.get("/dev/outbox");
  expect(response.status()).toBe(404);
  expect(await response.text()).not.toContain("Outbox");
});
