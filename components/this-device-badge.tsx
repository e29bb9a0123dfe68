/** Marks the session (or review item) of the browser looking at the list. */
export function ThisDeviceBadge() {
  return (
    <span className="ml-2 rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-medium text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200">
      This device
    </span>
  );
}
