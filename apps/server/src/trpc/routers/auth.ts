import { z } from "zod";
import { audited } from "../../audit/record-audit.ts";
import { endSession } from "../../auth/sessions.ts";
import { clearSessionCookie, issueSession, signIn } from "../../auth/sign-in.ts";
import { createFirstAdmin } from "../../users/create-user.ts";
import { ZEmail, ZFirstAdminInput } from "../../users/user-inputs.ts";
import { publicProcedure, readProcedure, router } from "../trpc.ts";

export const authRouter = router({
  /** Who is signed in, and whether Baton still waits for its first administrator. */
  state: publicProcedure.query(async ({ ctx }) => ({
    needsSetup: (await ctx.db.prisma.user.count()) === 0,
    user: ctx.session?.user ?? null,
  })),

  /** Creates the first administrator of an empty Baton and signs them in. */
  setup: publicProcedure.input(ZFirstAdminInput).mutation(async ({ ctx, input }) => {
    const user = await createFirstAdmin(ctx.db.prisma, input, (admin) => ({
      actorId: admin.id,
      action: "user.create",
      target: admin.id,
      data: { email: admin.email, roles: admin.roles, via: "first start" },
    }));
    await issueSession(ctx, user.id);
    return { ok: true };
  }),

  login: publicProcedure
    .input(z.strictObject({ email: ZEmail, password: z.string().min(1).max(200) }))
    .mutation(async ({ ctx, input }) => {
      await signIn(ctx, input.email, input.password);
      return { ok: true };
    }),

  logout: readProcedure.mutation(async ({ ctx }) => {
    await audited(
      ctx.db.prisma,
      (tx) => endSession(tx, ctx.session.id),
      () => ({ actorId: ctx.user.id, action: "auth.logout", target: ctx.user.id }),
    );
    clearSessionCookie(ctx);
    return { ok: true };
  }),
});
