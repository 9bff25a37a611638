/**
 * Links and images of API resources that work in both modes. A plain `<a href="/api/…">` or
 * `<img src="/api/…">` cannot carry the `Authorization` header, so in server mode the resource
 * is fetched with the session's token and shown from an object URL; in embedded mode (no
 * session) the plain path is used as it is.
 */
import { type AnchorHTMLAttributes, type ImgHTMLAttributes, useEffect, useState } from "react";
import { currentSession, endSession } from "./session.ts";

/** The URL to put in href/src for an /api path: the path itself, or an object URL of its bytes. */
export function useAuthorizedUrl(path: string | undefined): string | undefined {
  const token = currentSession()?.token;
  const [objectUrl, setObjectUrl] = useState<string>();
  useEffect(() => {
    setObjectUrl(undefined);
    if (!(path && token)) return;
    let live = true;
    let made: string | undefined;
    fetch(path, { headers: { authorization: `Bearer ${token}` } })
      .then(async (r) => {
        if (r.status === 401) {
          const body = (await r.json().catch(() => undefined)) as { message?: string } | undefined;
          endSession(body?.message ?? "login required");
          return;
        }
        if (!r.ok) return;
        const blob = await r.blob();
        if (!live) return;
        made = URL.createObjectURL(blob);
        setObjectUrl(made);
      })
      .catch(() => {});
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [path, token]);
  return token ? objectUrl : path;
}

export function ApiLink({ path, ...rest }: { path: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const href = useAuthorizedUrl(path);
  return <a {...rest} href={href} aria-disabled={href === undefined || undefined} />;
}

export function ApiImage({ path, alt, ...rest }: { path: string; alt: string } & ImgHTMLAttributes<HTMLImageElement>) {
  const src = useAuthorizedUrl(path);
  return src ? <img {...rest} alt={alt} src={src} /> : <span className="hint">loading {alt}…</span>;
}
