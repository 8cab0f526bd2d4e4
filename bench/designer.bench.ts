/**
 * The designer in a real browser against the real server, on a 500-node scenario:
 * - `designer.open500.ms`: from navigation to the canvas drawn: the steps in view (it opens
 *   at a readable zoom on the start) placed and visible and the edges between them drawn,
 *   median of several opens;
 * - `designer.drag.p95_frame_ms`: the 95th percentile of the page's frame intervals while
 *   a node is dragged across the canvas with the mouse, zoomed out to the whole graph.
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

// Runs in the page (a string, so this file needs no DOM types): the first frame in which the
// nodes drawn are all measured and visible, and every edge between two of them is drawn, in ms
// since navigation. The designer opens a graph this large at a readable zoom on its start
// and draws the steps in view; zoomed out it would draw them all (compact), so both count.
const WATCH_FIRST_RENDER = `
  window.__firstRender = undefined;
  const ends = ${JSON.stringify(EDGES.map((e) => [e.source, e.target]))};
  const tick = () => {
    const nodes = document.querySelectorAll(".react-flow__node");
    let hidden = 0;
    const drawn = new Set();
    for (const n of nodes) {
      if (n.style.visibility === "hidden") hidden++;
      drawn.add(n.getAttribute("data-id"));
    }
    let between = 0;
    for (const [source, target] of ends) if (drawn.has(source) && drawn.has(target)) between++;
    // Zoomed out, the designer draws its edges itself and says how many (data-compact-edges).
    const compact = document.querySelector("[data-compact-edges]");
    const edges =
      document.querySelectorAll(".react-flow__edge").length +
      Number(compact ? compact.getAttribute("data-compact-edges") : 0);
    if (nodes.length > 0 && hidden === 0 && edges >= between) {
      window.__firstRender = performance.now();
      window.__firstRenderNodes = nodes.length;
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

/**
 * Zooms out with the wheel until the whole graph is in view (zoom ≈ 0.14, where every node is
 * mounted in its compact form), then drags the empty canvas so the graph is in the middle:
 * the designer opens and fits at a readable zoom, so seeing it all takes a person this too.
 */
const showWholeGraph = async (page: Page): Promise<number> => {
  const canvas = await page.locator(".react-flow").first().boundingBox();
  if (!canvas) throw new Error("no canvas");
  const middle = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
  for (let i = 0; i < 30 && (await zoomOf(page)) > 0.15; i++) {
    await page.mouse.move(middle.x, middle.y);
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(80);
  }
  await page.waitForTimeout(300);
  const { x, y, zoom } = await page.evaluate<{ x: number; y: number; zoom: number }>(
    `(() => { const m = /translate\\(([-0-9.]+)px, ([-0-9.]+)px\\) scale\\(([0-9.]+)\\)/.exec(document.querySelector(".react-flow__viewport").style.transform); return { x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]) }; })()`,
  );
  const xs = NODES.map((n) => (n.position as { x: number }).x);
  const ys = NODES.map((n) => (n.position as { y: number }).y);
  const graph = {
    x: (Math.min(...xs) + Math.max(...xs) + 224) / 2,
    y: (Math.min(...ys) + Math.max(...ys) + 64) / 2,
  };
  // from the canvas's empty top left corner (the graph starts below and right of it)
  const from = { x: canvas.x + 12, y: canvas.y + 12 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(
    from.x + middle.x - (canvas.x + x + graph.x * zoom),
    from.y + middle.y - (canvas.y + y + graph.y * zoom),
    { steps: 10 },
  );
  await page.mouse.up();
  await page.waitForTimeout(300);
  return zoom;
};

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
    const drawnAtOpen = await page.evaluate<number>("window.__firstRenderNodes");
    const whole = await showWholeGraph(page);
    console.error(
      `designer: opened with ${drawnAtOpen} nodes drawn; the whole graph in view at zoom ${whole.toFixed(2)}`,
    );
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
