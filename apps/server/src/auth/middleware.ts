/**
 * Who is calling. Embedded mode: everyone is the local user, but only requests addressed to a
 * loopback host name are served (a web page elsewhere cannot reach the API through DNS
 * rebinding). Server mode: a Bearer token is required for everything under /api except health,
 * version, the OpenAPI document and login.
 */
import { LOCAL_ACTOR, sha256Hex } from "@adclab/db";
import type { MiddlewareHandler } from "hono";
import type { AppEnv, ServerOptions } from "../context.ts";
import { HttpError } from "../errors.ts";

const PUBLIC_PATHS = new Set(["/api/health", "/api/version", "/api/auth/login", "/openapi.json"]);
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export function hostOf(hostHeader: string | undefined): string {
  if (!hostHeader) return "";
  return hostHeader.startsWith("[") ? hostHeader.slice(0, hostHeader.indexOf("]") + 1) : hostHeader.split(":")[0]!;
}

export function authMiddleware(o: ServerOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!o.serverMode) {
      if (!LOOPBACK_HOSTS.has(hostOf(c.req.header("host")).toLowerCase())) {
        throw new HttpError(
          403,
          "forbidden",
          "this embedded workbench only answers on 127.0.0.1 (see 'adclab serve --help')",
        );
      }
      c.set("actor", LOCAL_ACTOR);
      return next();
    }
    const header = c.req.header("authorization") ?? "";
    const token = header.startsWith("Bearer ") ? header.slice(7).trim() : "";
    if (token) {
      const user = await o.store.getUserByTokenSha256(sha256Hex(token));
      if (!user) throw new HttpError(401, "unauthorized", "invalid or revoked token: log in again");
      c.set("user", user);
      c.set("actor", { userId: user.id, username: user.username });
      return next();
    }
    const path = c.req.path;
    if (PUBLIC_PATHS.has(path) || !path.startsWith("/api/")) {
      c.set("actor", { userId: null, username: "anonymous" });
      return next();
    }
    throw new HttpError(
      401,
      "unauthorized",
      "login required: send 'Authorization: Bearer <token>' (POST /api/auth/login)",
    );
  };
}
