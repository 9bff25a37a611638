/**
 * Server mode accounts: log in (a new API token, shown once), who am I, and for administrators
 * users; for project owners, members. In embedded mode there are no accounts and these answer 400.
 */

import { InputError } from "@adclab/core";
import { PROJECT_ROLES, sha256Hex } from "@adclab/db";
import { createRoute, z } from "@hono/zod-openapi";
import { requireAdmin, requireProject } from "../auth/access.ts";
import { hashPassword, newToken, verifyPassword } from "../auth/passwords.ts";
import type { App, ServerOptions } from "../context.ts";
import { HttpError, notFound } from "../errors.ts";
import { errorResponses, IdParam, json, jsonBody } from "../schemas.ts";

const Credentials = z
  .object({
    username: z.string().trim().min(1, "must not be empty").max(100),
    password: z.string().min(1, "must not be empty").max(1000),
  })
  .openapi("Credentials");
const NewUser = Credentials.extend({
  password: z.string().min(10, "at least 10 characters").max(1000),
  isAdmin: z.boolean().optional(),
}).openapi("NewUser");
const Token = z.object({ token: z.string(), username: z.string() }).openapi("Token");
const UserSchema = z.object({ id: z.string(), username: z.string(), isAdmin: z.boolean() }).openapi("User");
const Member = z.object({ userId: z.uuid({ error: "not an id" }), role: z.enum(PROJECT_ROLES) }).openapi("Member");

function serverModeOnly(o: ServerOptions) {
  if (!o.serverMode)
    throw new InputError("accounts exist only in server mode", { expected: "adclab serve --server-mode" });
}

const userView = (u: { id: string; username: string; isAdmin: boolean }) => ({
  id: u.id,
  username: u.username,
  isAdmin: u.isAdmin,
});

export function registerAuth(app: App, o: ServerOptions) {
  const tags = ["accounts"];
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/auth/login",
      tags,
      summary: "Log in: returns a new API token (send it as 'Authorization: Bearer <token>')",
      request: { body: jsonBody(Credentials) },
      responses: { 200: json(Token, "Logged in"), 400: errorResponses[400], 401: errorResponses[401] },
    }),
    async (c) => {
      serverModeOnly(o);
      const { username, password } = c.req.valid("json");
      const user = await o.store.getUserByUsername(username);
      // Verify against a dummy hash for unknown users too, so timing does not reveal who exists.
      const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !ok) throw new HttpError(401, "unauthorized", "wrong username or password");
      const token = newToken();
      await o.store.createApiToken({ userId: user.id, username: user.username }, user.id, sha256Hex(token), "login");
      return c.json({ token, username: user.username }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/auth/logout",
      tags,
      summary: "Log out: revoke the token this request carries",
      responses: {
        200: json(z.object({ loggedOut: z.literal(true) }), "Token revoked"),
        400: errorResponses[400],
        401: errorResponses[401],
      },
    }),
    async (c) => {
      serverModeOnly(o);
      // The middleware has accepted the Bearer token, so it is present and valid here.
      const token = (c.req.header("authorization") ?? "").slice("Bearer ".length).trim();
      await o.store.deleteApiToken(c.get("actor"), sha256Hex(token));
      return c.json({ loggedOut: true as const }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/auth/me",
      tags,
      summary: "The logged-in user",
      responses: { 200: json(UserSchema, "You"), 400: errorResponses[400], 401: errorResponses[401] },
    }),
    (c) => {
      serverModeOnly(o);
      return c.json(userView(c.get("user")!), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/users",
      tags,
      summary: "Create a user (administrators)",
      request: { body: jsonBody(NewUser) },
      responses: { 201: json(UserSchema, "Created"), ...errorResponses },
    }),
    async (c) => {
      serverModeOnly(o);
      requireAdmin(c, o);
      const u = c.req.valid("json");
      if (await o.store.getUserByUsername(u.username)) {
        throw new InputError(`user '${u.username}' already exists`, { field: "username" });
      }
      const row = await o.store.createUser(c.get("actor"), {
        username: u.username,
        passwordHash: await hashPassword(u.password),
        isAdmin: u.isAdmin ?? false,
      });
      return c.json(userView(row), 201);
    },
  );
  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/users/{id}",
      tags,
      summary: "Delete a user and their tokens (administrators)",
      request: { params: IdParam },
      responses: { 200: json(z.object({ deleted: z.literal(true) }), "Deleted"), ...errorResponses },
    }),
    async (c) => {
      serverModeOnly(o);
      requireAdmin(c, o);
      if (!(await o.store.deleteUser(c.get("actor"), c.req.valid("param").id))) throw notFound("user");
      return c.json({ deleted: true as const }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: "put",
      path: "/api/projects/{id}/members",
      tags,
      summary: "Give a user a role in a project (project owners)",
      request: { params: IdParam, body: jsonBody(Member) },
      responses: { 200: json(Member, "Set"), ...errorResponses },
    }),
    async (c) => {
      serverModeOnly(o);
      const { id } = c.req.valid("param");
      const m = c.req.valid("json");
      await requireProject(c, o, id, "own");
      if (!(await o.store.getUserById(m.userId))) throw notFound("user");
      await o.store.setMember(c.get("actor"), id, m.userId, m.role);
      return c.json(m, 200);
    },
  );
}

// A valid scrypt hash of a random string: makes a login for an unknown user cost the same.
const DUMMY_HASH = await hashPassword(newToken());
