import { estimatePasswordStrength, type StrengthEstimate } from "@/lib/validation/password-strength";

const BAR_COLOURS: Record<StrengthEstimate["score"], string> = {
  0: "bg-red-500",
  1: "bg-amber-500",
  2: "bg-lime-500",
  3: "bg-emerald-600",
};

/**
 * A live strength estimate for a password being typed, for a client form
 * that tracks the field's value. The region is always rendered, empty while
 * there is no password, because screen readers only announce changes to a
 * live region that was already on the page. Only the label changes as one
 * types, so "polite" announces it when it moves from Weak to Fair, not on
 * every keystroke.
 */
export function PasswordStrength({ id, password }: { id: string; password: string }) {
  const estimate = password ? estimatePasswordStrength(password) : null;
  return (
    <div id={id} aria-live="polite" aria-atomic="true" className="min-h-5 text-xs text-slate-600 dark:text-slate-400">
      {estimate && (
        <div className="flex items-center gap-2">
          <div className="flex flex-1 gap-1" aria-hidden="true">
            {[0, 1, 2, 3].map((bar) => (
              <span
                key={bar}
                className={`h-1 flex-1 rounded-full ${bar <= estimate.score ? BAR_COLOURS[estimate.score] : "bg-slate-200 dark:bg-slate-700"}`}
              />
            ))}
          </div>
          <p>Strength: {estimate.label}</p>
        </div>
      )}
    </div>
  );
}
