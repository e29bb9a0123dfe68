import { revokeOtherSessionsAction, revokeSessionAction } from "@/app/profile/actions";
import { SubmitButton } from "@/components/submit-button";
import { describeDevice } from "@/lib/request/describe-device";
import { formatDateTime } from "@/lib/format";
import { sessionProviderLabel } from "@/lib/sessions/sign-in-method";
import { ThisDeviceBadge } from "@/components/this-device-badge";

export interface SessionRow {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string;
  ip: string | null;
  remember: boolean;
  /** How it was signed in: "password", "passkey", "github", "oidc+totp"… */
  method: string;
}

export function SessionList({ sessions, currentSessionId }: { sessions: SessionRow[]; currentSessionId: string }) {
  const others = sessions.filter((session) => session.id !== currentSessionId);
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-slate-200 dark:divide-slate-800" aria-label="Active sessions">
        {sessions.map((session) => {
          const device = describeDevice(session.userAgent);
          const isCurrent = session.id === currentSessionId;
          return (
            <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div className="text-sm">
                <p className="font-semibold">
                  {device}
                  {isCurrent && <ThisDeviceBadge />}
                </p>
                <p className="text-slate-600 dark:text-slate-400">
                  {session.ip ?? "Unknown IP"} · Signed in {formatDateTime(session.createdAt)} · Last active{" "}
                  {formatDateTime(session.lastSeenAt)}
                  {sessionProviderLabel(session.method) && ` · Signed in with ${sessionProviderLabel(session.method)}`}
                  {session.remember && " · Remembered"}
                </p>
              </div>
              {!isCurrent && (
                <form action={revokeSessionAction}>
                  <input type="hidden" name="sessionId" value={session.id} />
                  <SubmitButton variant="secondary" label={`Sign out ${device}, signed in ${formatDateTime(session.createdAt)}`}>
                    Sign out
                  </SubmitButton>
                </form>
              )}
            </li>
          );
        })}
      </ul>
      {others.length > 0 && (
        <form action={revokeOtherSessionsAction}>
          <SubmitButton variant="danger">Sign out of all other sessions</SubmitButton>
        </form>
      )}
    </div>
  );
}
