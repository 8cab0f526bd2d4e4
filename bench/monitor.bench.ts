/**
 * The run monitor in a real browser against the real server:
 * - `monitor.open500.ms`: from navigation to a finished 500-step run's view drawn (the
 *   header counts 500 steps done; every graph node on screen is placed with its state and
 *   the edges between them are drawn), median of several opens;
 * - `monitor.event_to_page.p95_ms`: from an event's `createdAt` (written in the same
 *   transaction as the change) to its row appearing in the open run view's event list,
 *   over the ~2,000 events of a 500-step run executing while the page watches it.
 * Needs the built app (`npx turbo run build`) and Chromium (`CHROMIUM_PATH`, else
 * /usr/bin/chromium). Prints `bench monitor.open500.ms <value>` and
 * `bench monitor.event_to_page.p95_ms <value>`.
 */
import { cpus } from "node:os";
import { type Browser, chromium, type Page } from "@playwright/test";
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

// The view is drawn: the header counts all 500 steps done, every node React Flow put on
// screen (large graphs render only what is in view) is placed and shows its state, and the
// edges between them are drawn. Checked by the page itself at every frame (an init script),
// which reports the page's clock at the first frame that holds it on the console: asked from
// here (Playwright's waitForFunction), the check would first load Playwright's 330 KB
// injected script into the page, on the main thread the open is waiting for.
const REPORT_DRAWN = `(() => {
  const drawn = () => {
    if (!document.querySelector('[role="progressbar"][aria-valuenow="500"]')) return false;
    const nodes = document.querySelectorAll(".react-flow__node");
    if (nodes.length < 10) return false;
    const viewport = document.querySelector(".react-flow__viewport");
    if (!viewport || !viewport.style.transform) return false;
    for (const n of nodes) if (n.style.visibility === "hidden" || !n.querySelector('article[data-state="succeeded"]')) return false;
    const edges = document.querySelectorAll(".react-flow__edge-path[d]");
    return edges.length >= nodes.length / 2;
  };
  const check = (now) => (drawn() ? console.debug("baton-drawn " + now) : requestAnimationFrame(check));
  requestAnimationFrame(check);
})()`;

type TBrowserCookie = { name: string; value: string; url: string };

const signedInPage = async (browser: Browser, cookie: TBrowserCookie) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addCookies([cookie]);
  return context.newPage();
};

const drawnAt = (page: Page): Promise<number> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the run view was not drawn in 30 s")), 30_000);
    page.on("console", (message) => {
      const drawn = /^baton-drawn (\S+)$/.exec(message.text());
      if (!drawn) return;
      clearTimeout(timer);
      resolve(Number(drawn[1]));
    });
  });

const measureOpen = async (
  browser: Browser,
  base: string,
  cookie: TBrowserCookie,
  runId: string,
): Promise<number[]> => {
  const opens: number[] = [];
  for (let i = 0; i < OPENS + 1; i++) {
    const page = await signedInPage(browser, cookie);
    await page.addInitScript(REPORT_DRAWN);
    const drawn = drawnAt(page);
    await page.goto(`${base}/runs/${runId}`, { waitUntil: "commit" });
    const at = await drawn;
    // the first open warms the server's caches and the browser's; it is not counted
    if (i > 0) opens.push(at);
    await page.context().close();
  }
  return opens;
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
    const opens = await measureOpen(browser, base, server.browserCookie, finished);

    // a run executing while its monitor is open
    const live = await start();
    const task = await openTaskOf(call, live);
    const page = await signedInPage(browser, server.browserCookie);
    await page.addInitScript(WATCH_EVENTS);
    await page.goto(`${base}/runs/${live}`);
    await page.getByRole("list", { name: "Run events" }).waitFor();
    // events sent before the stream is connected would arrive as its backlog, late
    await page.getByText("Live", { exact: true }).waitFor();
    await page.evaluate("window.__watchFrom = Date.now()");
    await call("tasks.approve", { id: task, data: {} }, "mutation");
    await waitForRun(call, live, ["succeeded", "failed"], 300_000);
    await page.getByRole("status", { name: "Run status" }).getByText("succeeded").waitFor();
    const latencies = (await page.evaluate("window.__eventLatencies")) as number[];
    await page.context().close();

    const median = percentile(opens, 50);
    console.log(
      `opened a 500-step run ${opens.length} times: ${opens.map((t) => t.toFixed(0)).join(", ")} ms; ` +
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
