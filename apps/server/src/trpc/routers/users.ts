import { ZRole } from "@baton/model";
import { z } from "zod";
import { ZPassword } from "../../auth/passwords.ts";
import { addUser } from "../../users/create-user.ts";
import { setPassword, updateUser } from "../../users/update-user.ts";
import { PUBLIC_USER, ZCreateUserInput, ZUpdateUserInput } from "../../users/user-inputs.ts";
import { adminProcedure, router } from "../trpc.ts";

export const usersRouter = router({
  list: adminProcedure.query(({ ctx }) =>
    ctx.db.prisma.user.findMany({ orderBy: { email: "asc" }, select: PUBLIC_USER }),
  ),

  create: adminProcedure.input(ZCreateUserInput).mutation(async ({ ctx, input }) => {
    return addUser(ctx.db.prisma, input, (user) => ({
      actorId: ctx.user.id,
      action: "user.create",
      target: user.id,
      data: { email: user.email, roles: user.roles },
    }));
  }),

  update: adminProcedure.input(ZUpdateUserInput).mutation(async ({ ctx, input }) => {
    const { after } = await updateUser(ctx.db.prisma, input, ({ before, after }) => {
      const changed = (["name", "roles", "disabledAt"] as const).filter(
        (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
      );
      if (!changed.length) return undefined;
      return {
        actorId: ctx.user.id,
        action: "user.update",
        target: after.id,
        data: {
          email: after.email,
          before: Object.fromEntries(changed.map((key) => [key, before[key]])),
          after: Object.fromEntries(changed.map((key) => [key, after[key]])),
        },
      };
    });
    return after;
  }),

  /**
   * An administrator takes one more role, e.g. approver to decide a task that waits for one:
   * a change `update` could make too, recorded as its own action with the task that asked.
   */
  takeRole: adminProcedure
    .input(z.strictObject({ role: ZRole, taskId: z.uuid().optional() }))
    .mutation(async ({ ctx, input }) => {
      if (ctx.user.roles.includes(input.role)) return { roles: ctx.user.roles };
      const { after } = await updateUser(
        ctx.db.prisma,
        { id: ctx.user.id, roles: [...ctx.user.roles, input.role] },
        ({ after }) => ({
          actorId: ctx.user.id,
          action: "user.take-role",
          target: after.id,
          data: { email: after.email, role: input.role, task: input.taskId ?? null },
        }),
      );
      return { roles: after.roles };
    }),

  resetPassword: adminProcedure
    .input(z.strictObject({ id: z.uuid(), password: ZPassword }))
    .mutation(async ({ ctx, input }) => {
      await setPassword(ctx.db.prisma, input.id, input.password, (user) => ({
        actorId: ctx.user.id,
        action: "user.reset-password",
        target: user.id,
        data: { email: user.email },
      }));
      return { ok: true };
    }),
});
