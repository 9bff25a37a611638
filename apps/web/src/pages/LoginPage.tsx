/**
 * The login form of a shared (server-mode) workbench: username and password → an API token kept
 * for this browser tab's session (auth/session.ts). A wrong password is said plainly; nothing else
 * of the workbench shows until the login succeeds.
 */
import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api.ts";
import { startSession } from "../auth/session.ts";
import "../auth/auth.css";

export function LoginPage({ reason }: { reason?: string }) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      const r = await api<{ token: string; username: string }>("/api/auth/login", { json: { username, password } });
      startSession({ token: r.token, username: r.username });
    } catch (err) {
      setPassword("");
      setError(
        err instanceof ApiError && err.status === 401
          ? "Wrong username or password. Check both and try again."
          : (err as Error).message,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-screen">
      <form className="login" onSubmit={submit} aria-label="Log in">
        <div className="brand-block">
          ADCLab <span>T-DM1 / Lys-SMCC-DM1 resistance workbench</span>
        </div>
        <h1>Log in</h1>
        <p className="hint">
          This workbench is shared by your lab: log in with the account your administrator gave you.
        </p>
        {reason ? (
          <p className="notice" data-testid="login-reason">
            {reason}
          </p>
        ) : null}
        <label>
          Username
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error ? (
          <p className="error" role="alert" data-testid="login-error">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          {busy ? "Logging in…" : "Log in"}
        </button>
      </form>
    </div>
  );
}
