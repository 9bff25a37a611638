/**
 * The login session of server mode: the API token and who it belongs to, kept in sessionStorage
 * (this tab, until it is closed or the user logs out), and a signal when it ends — on log out,
 * or when the server answers 401 because the token is no longer valid.
 */

export interface Session {
  token: string;
  username: string;
}

const KEY = "adclab.session";
type Listener = (session: Session | undefined, reason?: string) => void;
const listeners = new Set<Listener>();
/** Why the last session ended, for a login form that mounts after the signal went out. */
let lastReason: string | undefined;

export function currentSession(): Session | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    const s = raw ? (JSON.parse(raw) as Partial<Session>) : undefined;
    return s && typeof s.token === "string" && typeof s.username === "string"
      ? { token: s.token, username: s.username }
      : undefined;
  } catch {
    return undefined;
  }
}

export function startSession(s: Session): void {
  lastReason = undefined;
  sessionStorage.setItem(KEY, JSON.stringify(s));
  for (const l of listeners) l(s);
}

/** End the session; `reason` is shown on the login form (e.g. why the server refused the token). */
export function endSession(reason?: string): void {
  lastReason = reason;
  sessionStorage.removeItem(KEY);
  for (const l of listeners) l(undefined, reason);
}

export function onSessionChange(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The reason given when the session last ended (undefined once a new one starts). */
export function lastEndReason(): string | undefined {
  return lastReason;
}
