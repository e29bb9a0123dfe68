"use client";

import { useEffect, useRef, useState } from "react";
import { TextField } from "@/components/text-field";
import { PasswordStrength } from "@/components/password-strength";

interface NewPasswordFieldsProps {
  /** Field names and labels: the password and its confirmation. */
  password: { name: string; label: string; errors?: string[] };
  confirmation: { name: string; label: string; errors?: string[] };
  hint: string;
  autoFocus?: boolean;
}

/**
 * A new password with its live strength hint, and its confirmation: the
 * registration, reset and change-password forms. React resets a form after
 * each submission, which empties the fields without a change event, so the
 * hint listens for the form's reset too.
 */
export function NewPasswordFields({ password, confirmation, hint, autoFocus }: NewPasswordFieldsProps) {
  const [typed, setTyped] = useState("");
  // Finds the enclosing form without a wrapper element, which would break the form's spacing.
  const anchor = useRef<HTMLSpanElement>(null);
  const strengthId = `${password.name}-strength`;

  useEffect(() => {
    const form = anchor.current?.closest("form");
    const clear = () => setTyped("");
    form?.addEventListener("reset", clear);
    return () => form?.removeEventListener("reset", clear);
  }, []);

  return (
    <>
      <span ref={anchor} hidden />
      <TextField
        label={password.label}
        name={password.name}
        type="password"
        autoComplete="new-password"
        hint={hint}
        errors={password.errors}
        onChange={(event) => setTyped(event.target.value)}
        describedBy={strengthId}
        autoFocus={autoFocus}
      >
        <PasswordStrength id={strengthId} password={typed} />
      </TextField>
      <TextField
        label={confirmation.label}
        name={confirmation.name}
        type="password"
        autoComplete="new-password"
        errors={confirmation.errors}
      />
    </>
  );
}
