import Form from "next/form";
import { TextField } from "@/components/text-field";
import { USER_SEARCH_MAX_LENGTH } from "@/lib/validation/admin";

/** A GET form: a search is a place in the list, so it belongs in the URL. */
export function UserSearch({ q }: { q: string }) {
  return (
    <Form action="/admin" role="search" className="flex flex-wrap items-end gap-3">
      <div className="min-w-64 flex-1">
        <TextField label="Search users" name="q" defaultValue={q} required={false} maxLength={USER_SEARCH_MAX_LENGTH} />
      </div>
      <button
        type="submit"
        className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        Search
      </button>
    </Form>
  );
}
