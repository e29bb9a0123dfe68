"use client";

import { useId, useRef } from "react";
import { adminChangeAction } from "@/app/admin/actions";
import { SubmitButton } from "@/components/submit-button";
import { ADMIN_CHANGE_COPY, type AdminChange } from "@/lib/admin/changes";
import type { UserListParams } from "@/lib/validation/admin";

interface ConfirmChangeProps {
  userId: string;
  email: string;
  change: AdminChange;
  /** Where the list is, so the action can come back to it. */
  list: UserListParams;
}

const secondaryButton =
  "rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600 dark:hover:bg-slate-700";

/**
 * A row action behind a native modal dialog: nothing changes until the
 * question is answered with Confirm, which POSTs to the server action.
 */
export function ConfirmChange({ userId, email, change, list }: ConfirmChangeProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const questionId = useId();
  const copy = ADMIN_CHANGE_COPY[change];
  return (
    <>
      <button
        type="button"
        aria-label={`${copy.button} ${email}`}
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
        className={secondaryButton}
      >
        {copy.button}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={questionId}
        className="m-auto w-full max-w-md rounded-xl bg-white p-6 text-slate-900 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-950/50 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-800"
      >
        <p id={questionId} className="text-base font-semibold break-words">
          {copy.question(email)}
        </p>
        <form action={adminChangeAction} className="mt-6 flex justify-end gap-3">
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="change" value={change} />
          <input type="hidden" name="page" value={list.page} />
          <input type="hidden" name="q" value={list.q} />
          <button type="button" onClick={() => dialog.current?.close()} className={secondaryButton}>
            Cancel
          </button>
          <SubmitButton variant={copy.destructive ? "danger" : "primary"}>Confirm</SubmitButton>
        </form>
      </dialog>
    </>
  );
}
