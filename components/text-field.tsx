import type { ChangeEventHandler, ReactNode } from "react";

interface TextFieldProps {
  label: string;
  name: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  defaultValue?: string;
  errors?: string[];
  hint?: string;
  required?: boolean;
  autoFocus?: boolean;
  maxLength?: number;
  /** "numeric" brings up the digit keyboard on phones, for one-time codes. */
  inputMode?: "numeric" | "text";
  /** Only from client components: server components cannot pass functions. */
  onChange?: ChangeEventHandler<HTMLInputElement>;
  /** Extra content under the hint, such as a live strength meter. */
  children?: ReactNode;
  /** Ids of elements in `children` that describe the input too. */
  describedBy?: string;
}

/**
 * A labelled input whose errors sit next to it and are tied to it with
 * aria-describedby, so a screen reader reads them with the field.
 */
export function TextField({
  label,
  name,
  type = "text",
  autoComplete,
  defaultValue,
  errors,
  hint,
  required = true,
  autoFocus,
  maxLength,
  inputMode,
  onChange,
  children,
  describedBy: extraDescribedBy,
}: TextFieldProps) {
  const id = `field-${name}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const invalid = Boolean(errors?.length);
  const describedBy =
    [hint ? hintId : null, extraDescribedBy, invalid ? errorId : null].filter(Boolean).join(" ") || undefined;

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        required={required}
        autoFocus={autoFocus}
        maxLength={maxLength}
        inputMode={inputMode}
        onChange={onChange}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className="block w-full rounded-md border-0 bg-white px-3 py-2 text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-invalid:ring-red-500 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-600"
      />
      {hint && (
        <p id={hintId} className="text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      )}
      {children}
      {invalid && (
        <p id={errorId} className="text-sm text-red-700 dark:text-red-400">
          {errors?.join(" ")}
        </p>
      )}
    </div>
  );
}
