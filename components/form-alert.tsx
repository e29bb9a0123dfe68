/** A whole-form error or success line, announced when it appears. */
export function FormAlert({ message, tone }: { message?: string; tone: "error" | "success" }) {
  if (!message) return null;
  const styles =
    tone === "error"
      ? "bg-red-50 text-red-800 ring-red-200 dark:bg-red-950 dark:text-red-200 dark:ring-red-900"
      : "bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-900";
  return (
    <p role={tone === "error" ? "alert" : "status"} className={`rounded-md px-3 py-2 text-sm ring-1 ${styles}`}>
      {message}
    </p>
  );
}
