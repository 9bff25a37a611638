/**
 * Server mode or not: the gate asks `/api/version` once. Embedded (the default) shows the
 * workbench as it is, with no login. Server mode shows the login form until there is a session,
 * and again whenever the session ends (log out, or a 401 from any API call).
 */
import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import { api } from "../api.ts";
import { LoginPage } from "../pages/LoginPage.tsx";
import { currentSession, endSession, lastEndReason, onSessionChange, type Session } from "./session.ts";

interface AuthState {
  serverMode: boolean;
  session?: Session;
}

const AuthContext = createContext<AuthState>({ serverMode: false });

export function AuthGate({ children }: { children: ReactNode }) {
  const [serverMode, setServerMode] = useState<boolean>();
  const [failure, setFailure] = useState<string>();
  const [session, setSession] = useState(currentSession);
  const [reason, setReason] = useState<string>();

  useEffect(
    () =>
      onSessionChange((s, why) => {
        setSession(s);
        setReason(why);
      }),
    [],
  );
  useEffect(() => {
    // Asked without the token: the route is public, and a stale token would make it a 401.
    fetch("/api/version")
      .then(async (r) => {
        if (!r.ok) throw new Error(`${r.status} ${r.statusText}`);
        setServerMode(((await r.json()) as { serverMode: boolean }).serverMode);
      })
      .catch((e: Error) => setFailure(e.message));
  }, []);
  // A token kept from earlier in this tab may have been revoked: ask once (a 401 ends the session).
  const token = session?.token;
  useEffect(() => {
    if (serverMode && token) api("/api/auth/me").catch(() => {});
  }, [serverMode, token]);

  if (failure) {
    return (
      <p className="error" role="alert">
        The ADCLab server does not answer: {failure}
      </p>
    );
  }
  // Until the mode is known the workbench renders as embedded (no wait on the first paint); in
  // server mode its API calls are refused meanwhile and the login form replaces it at once.
  // The stored session is the truth: a 401 that ended it before this gate subscribed (a response
  // can beat the subscription effect) still shows the login form, with the reason it was given.
  if (serverMode && !(session && currentSession())) return <LoginPage reason={reason ?? lastEndReason()} />;
  return <AuthContext.Provider value={{ serverMode: serverMode ?? false, session }}>{children}</AuthContext.Provider>;
}

/** Revoke the token on the server, then forget it here (even if the server cannot be reached). */
async function logOut() {
  await api("/api/auth/logout", { method: "POST" }).catch(() => {});
  endSession("You have logged out.");
}

/** Who is logged in, and Log out; nothing in embedded mode. */
export function UserBadge() {
  const { serverMode, session } = useContext(AuthContext);
  if (!(serverMode && session)) return null;
  return (
    <div className="user-badge" data-testid="user-badge">
      <span>
        Logged in as <strong>{session.username}</strong>
      </span>
      <button type="button" className="logout" onClick={logOut}>
        Log out
      </button>
    </div>
  );
}
