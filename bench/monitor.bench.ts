/**
 * The run monitor in a real browser against the real server:
 * - `monitor.open500.ms`: from navigation to a finished 500-step run's view drawn (the
 *   header counts 500 steps done; every graph node on screen is placed with its state),
 *   median of several opens;
 * - `monitor.event_to_page.p95_ms`: from an event's `createdAt` (written in the same
 *   transaction as the change) to its row appearing in the open run view's event list,
 *   over the ~2,000 events of a 500-step run executing while the page watches it.
 * Needs the built app (`npx turbo run build`) and Chromium (`CHROMIUM_PATH`, else
 * /usr/bin/chromium). Prints `bench monitor.open500.ms <value>` and
 * `bench monitor.event_to_page.p95_ms <value>`.
 */
import { cpus } from "node:os";
import { type Browser, chromium } from "@playwright/test";
import { startBenchServer } from "./bench-server.ts";
import { api, openTaskOf, publish500, waitForRun } from "./monitor-setup.ts";

const OPENS = 5;

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
};

// Runs in the page (a string, so this file needs no DOM types): records how long after its
// createdAt each event row appears in the run's event list.
const WATCH_EVENTS = `
  window.__eventLatencies = [];
  window.__watchFrom = Number.POSITIVE_INFINITY;
  new MutationObserver((mutations) => {
    const now = Date.now();
    for (const m of mutations) for (const node of m.addedNodes) {
      if (!(node instanceof Element)) continue;
      const time = node.matches("time[datetime]") ? node : node.querySelector("time[datetime]");
      if (!time || !time.closest('ol[aria-label="Run events"]')) continue;
      const at = Date.parse(time.getAttribute("datetime"));
      if (at >= window.__watchFrom) window.__eventLatencies.push(now - at);
    }
  }).observe(document, { childList: true, subtree: true });
`;

// The view is drawn: the header counts all 500 steps done, and every node React Flow put on
// screen (large graphs render only what is in view) is placed and shows its state. Answers
// the page's clock at the first frame that holds it: read afterwards, the time would also
// count the harness's two round trips to the page (100–500 ms on the loaded machine).
const ALL_DRAWN = `(() => {
  if (!document.querySelector('[role="progressbar"][aria-valuenow="500"]')) return false;
  const nodes = document.querySelectorAll(".react-flow__node");
  if (nodes.length < 10) return false;
  const viewport = document.querySelector(".react-flow__viewport");
  if (!viewport || !viewport.style.transform) return false;
  for (const n of nodes) if (n.style.visibility === "hidden" || !n.querySelector('article[data-state="succeeded"]')) return false;
  return performance.now();
})()`;

type TBrowserCookie = { name: string; value: string; url: string };

const signedInPage = async (browser: Browser, cookie: TBrowserCookie) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addCookies([cookie]);
  return context.newPage();
};

const measureOpen = async (
  browser: Browser,
  base: string,
  cookie: TBrowserCookie,
  runId: string,
): Promise<{ drawn: number[]; readBack: number[] }> => {
  const drawn: number[] = [];
  const readBack: number[] = [];
  for (let i = 0; i < OPENS + 1; i++) {
    const page = await signedInPage(browser, cookie);
    await page.goto(`${base}/runs/${runId}`);
    const at = await page.waitForFunction(ALL_DRAWN, undefined, {
      polling: "raf",
      timeout: 30_000,
    });
    // the first open warms the server's caches and the browser's; it is not counted
    if (i > 0) {
      drawn.push(Number(await at.jsonValue()));
      // the figure as read until 2026-12-04, for comparison with older rows
      readBack.push(Number(await page.evaluate("performance.now()")));
    }
    await page.context().close();
  }
  return { drawn, readBack };
};

const main = async () => {
  const server = await startBenchServer("monitor");
  const { base } = server;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const call = api(base, server.cookie);
    const start = await publish500(call);

    // a finished 500-step run to open
    const finished = await start();
    await call("tasks.approve", { id: await openTaskOf(call, finished), data: {} }, "mutation");
    await waitForRun(call, finished, ["succeeded"], 300_000);
    const { drawn: opens, readBack } = await measureOpen(
      browser,
      base,
      server.browserCookie,
      finished,
    );

    // a run executing while its monitor is open
    const live = await start();
    const task = await openTaskOf(call, live);
    const page = await signedInPage(browser, server.browserCookie);
    await page.addInitScript(WATCH_EVENTS);
    await page.goto(`${base}/runs/${live}`);
    await page.getByRole("list", { name: "Run events" }).waitFor();
    await page.evaluate("window.__watchFrom = Date.now()");
    await call("tasks.approve", { id: task, data: {} }, "mutation");
    await waitForRun(call, live, ["succeeded", "failed"], 300_000);
    await page.getByRole("status", { name: "Run status" }).getByText("succeeded").waitFor();
    const latencies = (await page.evaluate("window.__eventLatencies")) as number[];
    await page.context().close();

    const median = percentile(opens, 50);
    console.log(
      `opened a 500-step run ${opens.length} times: ${opens.map((t) => t.toFixed(0)).join(", ")} ms; ` +
        `(read back after the harness's round trips: ${readBack.map((t) => t.toFixed(0)).join(", ")} ms, median ${percentile(readBack, 50).toFixed(0)}); ` +
        `${latencies.length} live events: p50 ${percentile(latencies, 50)} ms, max ${Math.max(...latencies)} ms ` +
        `(${cpus().length} cores)`,
    );
    console.log(`bench monitor.open500.ms ${median.toFixed(0)}`);
    console.log(`bench monitor.event_to_page.p95_ms ${percentile(latencies, 95)}`);
  } finally {
    await browser.close();
    await server.stop();
  }
};

await main();
