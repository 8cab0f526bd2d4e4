/**
 * The designer in a real browser against the real server, on a 500-node scenario:
 * - `designer.open500.ms`: from navigation to the canvas drawn, all 500 nodes placed and
 *   visible and all their edges drawn, median of several opens;
 * - `designer.drag.p95_frame_ms`: the 95th percentile of the page's frame intervals while
 *   a node is dragged across the canvas with the mouse.
 * Also, from a Chromium trace, the main thread's own CPU time for an open and per drag frame
 * (`designer.open500.cpu_ms`, `designer.drag.p95_frame_cpu_ms`): on a shared machine the
 * wall-clock figures include waiting for a core.
 * Needs the built app (`npx turbo run build`) and Chromium (`CHROMIUM_PATH`, else
 * /usr/bin/chromium). Run with `npx tsx bench/designer.bench.ts`.
 */
import { cpus, loadavg } from "node:os";
import { type Browser, chromium, type Page } from "@playwright/test";
import { startBenchServer } from "./bench-server.ts";
import { designerScenario500 } from "./designer-scenario.ts";
import { cpuPerInterval, cpuUntilStamp, TRACE_CATEGORIES } from "./designer-trace.ts";

const OPENS = 5;
const DRAG_STEPS = 120;
const SLUG = "designer-bench-500";

const importScenario = async (base: string, cookie: string) => {
  const response = await fetch(`${base}/trpc/scenarios.import`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ json: JSON.stringify(designerScenario500(SLUG)) }),
  });
  if (!response.ok) throw new Error(`import failed: ${await response.text()}`);
};

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
};

const median = (values: readonly number[]) => percentile(values, 50);

const { nodes: NODES, edges: EDGES } = designerScenario500(SLUG);

// Runs in the page (a string, so this file needs no DOM types): the first frame in which every
// node is in the DOM, measured and visible, and every edge is drawn, in ms since navigation.
const WATCH_FIRST_RENDER = `
  window.__firstRender = undefined;
  const tick = () => {
    const nodes = document.querySelectorAll(".react-flow__node");
    let hidden = 0;
    for (const n of nodes) if (n.style.visibility === "hidden") hidden++;
    // Zoomed out, the designer draws its edges itself and says how many (data-compact-edges).
    const compact = document.querySelector("[data-compact-edges]");
    const edges =
      document.querySelectorAll(".react-flow__edge").length +
      Number(compact ? compact.getAttribute("data-compact-edges") : 0);
    if (nodes.length >= ${NODES.length} && hidden === 0 && edges >= ${EDGES.length}) {
      window.__firstRender = performance.now();
      console.timeStamp("baton-first-render");
    } else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
`;

const openOnce = async (page: Page, url: string): Promise<number> => {
  await page.goto(url);
  await page.waitForFunction("window.__firstRender !== undefined", null, { timeout: 60_000 });
  return page.evaluate<number>("window.__firstRender");
};

// Frame intervals while recording: the time between consecutive animation frames.
const RECORD_FRAMES = `
  window.__frames = [];
  window.__recording = true;
  let last = performance.now();
  const frame = (now) => {
    console.timeStamp("baton-frame");
    window.__frames.push(now - last);
    last = now;
    if (window.__recording) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
`;

const dragOnce = async (
  browser: Browser,
  page: Page,
  nodeId: string,
): Promise<{ frames: number[]; cpu: number[] }> => {
  // A node in the middle of the grid, so the drag moves it across its neighbours. It is
  // selected first (opening the inspector, which narrows the canvas), as a person would.
  const node = page.locator(`.react-flow__node[data-id="${nodeId}"]`);
  await node.click();
  await page.waitForSelector('[aria-label="Inspector"]');
  const box = await node.boundingBox();
  if (!box) throw new Error(`node ${nodeId} is not on screen`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 4, y + 4, { steps: 2 });
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  await page.evaluate(RECORD_FRAMES);
  // A circle of 120 px around the start, well inside the canvas, so it never auto-pans.
  for (let i = 1; i <= DRAG_STEPS; i++) {
    const angle = (i / DRAG_STEPS) * 4 * Math.PI;
    await page.mouse.move(x + Math.sin(angle) * 120, y + (1 - Math.cos(angle)) * 60);
    await page.evaluate("new Promise((resolve) => requestAnimationFrame(() => resolve()))");
  }
  await page.mouse.up();
  await page.evaluate("window.__recording = false");
  const trace = await browser.stopTracing();
  const frames = await page.evaluate<number[]>("window.__frames");
  // The first interval starts before recording began.
  return { frames: frames.slice(1), cpu: cpuPerInterval(trace, "baton-frame") };
};

const zoomOf = (page: Page) =>
  page.evaluate<number>(
    `Number(/scale\\(([0-9.]+)\\)/.exec(document.querySelector(".react-flow__viewport").style.transform)[1])`,
  );

/** Zooms in with the wheel on a node until the canvas shows it at about 100%. */
const zoomInOn = async (page: Page, nodeId: string): Promise<number> => {
  for (let i = 0; i < 20 && (await zoomOf(page)) < 0.95; i++) {
    const box = await page.locator(`.react-flow__node[data-id="${nodeId}"]`).boundingBox();
    if (!box) throw new Error(`node ${nodeId} is not on screen`);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -100);
    await page.waitForTimeout(120);
  }
  await page.waitForTimeout(500);
  return zoomOf(page);
};

/** One more open, traced, for the main thread's own CPU time (not counted in the opens). */
const openTraced = async (browser: Browser, page: Page, url: string): Promise<number> => {
  await page.goto("about:blank");
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  await openOnce(page, url);
  return cpuUntilStamp(await browser.stopTracing(), SLUG, "baton-first-render");
};

const main = async () => {
  const server = await startBenchServer("designer");
  const { base } = server;
  let browser: Browser | undefined;
  try {
    await importScenario(base, server.cookie);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    const context = await browser.newContext({ viewport: { width: 1600, height: 960 } });
    await context.addCookies([server.browserCookie]);
    await context.addInitScript(WATCH_FIRST_RENDER);
    const page = await context.newPage();
    const url = `${base}/scenarios/${SLUG}`;
    await openOnce(page, url); // warm the HTTP cache and the server's first queries
    const opens: number[] = [];
    for (let i = 0; i < OPENS; i++) opens.push(await openOnce(page, url));
    console.error(`designer: opens (ms) ${opens.map((v) => v.toFixed(0)).join(", ")}`);
    const openCpu = await openTraced(browser, page, url);

    await page.waitForSelector('[aria-label="No problems"]', { timeout: 30_000 });
    const { frames, cpu } = await dragOnce(browser, page, "v262");
    // The same at a working zoom, where only the nodes in view are drawn.
    await page.mouse.click(5, 500);
    const zoom = await zoomInOn(page, "v263");
    const zoomed = await dragOnce(browser, page, "v263");
    const drawn = await page.evaluate<number>(
      'document.querySelectorAll(".react-flow__node").length',
    );
    console.error(
      `designer: at zoom ${zoom.toFixed(2)} (${drawn} nodes drawn) median frame ${median(zoomed.frames).toFixed(1)} ms, CPU per frame median ${median(zoomed.cpu).toFixed(1)} ms`,
    );
    console.error(
      `designer: ${frames.length} frames while dragging, median ${median(frames).toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms; main-thread CPU per frame median ${median(cpu).toFixed(1)} ms; ${cpus().length} cpus, load average ${loadavg()[0]?.toFixed(1)}`,
    );
    console.log(`bench designer.open500.ms ${median(opens).toFixed(0)}`);
    console.log(`bench designer.drag.p95_frame_ms ${percentile(frames, 95).toFixed(1)}`);
    // What the page itself costs, without the waits for a core on a busy machine.
    console.log(`bench designer.open500.cpu_ms ${openCpu.toFixed(0)}`);
    console.log(`bench designer.drag.p95_frame_cpu_ms ${percentile(cpu, 95).toFixed(1)}`);
    console.log(
      `bench designer.drag_zoomed.p95_frame_ms ${percentile(zoomed.frames, 95).toFixed(1)}`,
    );
    console.log(
      `bench designer.drag_zoomed.p95_frame_cpu_ms ${percentile(zoomed.cpu, 95).toFixed(1)}`,
    );
  } finally {
    await browser?.close();
    await server.stop();
  }
};

await main();
