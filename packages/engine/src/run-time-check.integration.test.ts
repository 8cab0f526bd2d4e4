import {
  applyQuickFix,
  checkScenario,
  type TCatalog,
  type TJsonSchema,
  type TScenario,
} from "@baton/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, end, fn, next, openHarness, start, type THarness } from "../test/harness.ts";

// The designer's quick fix "check at run time" turns a reference into an expression that
// declares what the step needs; the engine must then fail the step when a value breaks it.
describe.each(databases)("a run-time check from a quick fix on $kind", ({ kind }) => {
  let h: THarness;
  let catalog: TCatalog;
  beforeAll(async () => {
    h = await openHarness(kind);
    const functions = await h.db.prisma.function.findMany();
    catalog = Object.fromEntries(
      functions.map((f) => [
        f.ref,
        {
          ref: f.ref,
          name: f.name,
          inputSchema: f.inputSchema as TJsonSchema,
          outputSchema: f.outputSchema as TJsonSchema,
        },
      ]),
    );
  });
  afterAll(async () => {
    await h?.close();
  });

  /** start(customerId: any string) → invoice → end, with the check's "at run time" fix applied. */
  const checkedScenario = (): TScenario => {
    const raw = {
      format: "baton.scenario/v1" as const,
      slug: "invoice",
      name: "Invoice",
      nodes: [
        start({
          type: "object",
          properties: { customerId: { type: "string" } },
          required: ["customerId"],
        }),
        fn("invoice", "Invoice", {
          customerId: { ref: "input.customerId" },
          totalCents: { literal: 100 },
        }),
        end(),
      ],
      edges: [next("start", "invoice"), next("invoice", "end")],
    } as TScenario;
    const problem = checkScenario(raw, catalog).find((d) =>
      d.message.includes("input.customerId can be empty"),
    );
    const fix = problem?.fixes?.find((f) => f.title.startsWith("Check at run time"));
    if (!fix) throw new Error(`no run-time check offered: ${JSON.stringify(problem)}`);
    const fixed = applyQuickFix(raw, fix);
    expect(checkScenario(fixed, catalog).filter((d) => d.severity === "error")).toEqual([]);
    return fixed;
  };

  it("fails the step with a sentence naming the bound when the value breaks it", async () => {
    const { format: _format, slug: _slug, name: _name, ...scenario } = checkedScenario();
    const versionId = await h.publish(scenario);
    const { runId } = await h.engine.startRun({ versionId, input: { customerId: "" } });
    const run = await h.waitForRun(runId);
    expect(run.status).toBe("failed");
    const step = await h.db.prisma.stepRun.findFirstOrThrow({
      where: { runId, nodeId: "invoice" },
    });
    expect(step.status).toBe("failed");
    expect((step.error as { message: string }).message).toBe(
      'The expression "input.customerId" does not match its declared schema (a string (at least 1 character)): its result must NOT have fewer than 1 characters.',
    );

    const { runId: good } = await h.engine.startRun({ versionId, input: { customerId: "c1" } });
    expect(await h.waitForRun(good)).toMatchObject({ status: "succeeded" });
    const invoice = await h.db.prisma.stepRun.findFirstOrThrow({
      where: { runId: good, nodeId: "invoice" },
    });
    expect(invoice.output).toEqual({ invoiceId: "inv-c1-100" });
  });
});
