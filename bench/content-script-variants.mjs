// Side by side, what different builds of the extension's content script cost on one 5,000-element page (whose login
// form arrives 300 ms late): each build loads the page ROUNDS times per pass, PASSES passes, builds alternating so a busy
// machine slows them alike; prints the median CPU time per load of the page's main thread in chrome-extension:// scripts
// (DevTools trace, outermost events, by name). No host is needed: without one the worker answers "guard offline".
// Used to find the fixed costs of an isolated world (bench/README.md): give it copies of extension/ whose
// content/content.js is replaced by a one-line variant.
//
//   PW=<Playwright package folder, e.g. ~/.nuget/packages/microsoft.playwright/<version>/.playwright/package> \
//   ROUNDS=6 PASSES=3 node bench/content-script-variants.mjs <extension folder> [<extension folder> ...]
//
// The page is served on 127.0.0.1; the browser resolves no other name.
import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
const pw = (await import(process.env.PW + "/index.js")).default;
const page5000 = `<!doctype html><html><head><title>MyChart</title></head><body><h1>MyChart</h1><div id=f></div><div id=app></div><script>
const f=document.getElementById("f");for(let i=0;i<100;i++){const s=document.createElement("section");for(let j=0;j<49;j++){const e=document.createElement(j%7===0?"label":"span");e.textContent="Item "+i+"."+j;s.append(e);}f.append(s);}
setTimeout(()=>{document.getElementById("app").innerHTML='<form><input name=u><input id=password type=password><button>Sign in</button></form>';},300);
</script></body></html>`;
const server = http.createServer((q, r) => { r.setHeader("content-type", "text/html"); r.end(page5000); }).listen(0, "127.0.0.1");
await new Promise((r) => server.on("listening", r));
const url = `http://127.0.0.1:${server.address().port}/`;
const builds = process.argv.slice(2);
const results = Object.fromEntries(builds.map((b) => [b, {}]));
const ROUNDS = Number(process.env.ROUNDS ?? 8), PASSES = Number(process.env.PASSES ?? 3);
for (let pass = 0; pass < PASSES; pass++) for (const ext of builds) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lead-exp-"));
  const ctx = await pw.chromium.launchPersistentContext(dir, { executablePath: "/usr/bin/chromium", headless: true, ignoreDefaultArgs: ["--disable-extensions"],
    args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, "--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1"] });
  const page = await ctx.newPage();
  await page.goto(url); await page.waitForTimeout(800);
  for (let round = 0; round < ROUNDS; round++) {
    const cdp = await ctx.newCDPSession(page);
    const events = [];
    const tasks = [];
    cdp.on("Tracing.dataCollected", (d) => { for (const e of d.value) { if (JSON.stringify(e).includes("chrome-extension://")) events.push(e); else if (e.name === "RunTask" && e.ph === "X") tasks.push(e); } });
    const done = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
    await cdp.send("Tracing.start", { categories: "toplevel,devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,v8", transferMode: "ReportEvents" });
    await page.reload(); await page.waitForTimeout(700);
    await cdp.send("Tracing.end"); await done; await cdp.detach();
    const main = new Set(events.filter((e) => e.name === "EvaluateScript").map((e) => e.tid));
    const sums = {};
    // outermost events only, per name
    const xs = events.filter((e) => e.ph === "X" && main.has(e.tid)).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    let end = -Infinity;
    // named by script file, and for a call by function and line (0-based), e.g. "FunctionCall content.js (anonymous):1008"
    const nameOf = (e) => {
      const d = e.args?.data;
      if (!d?.url || (e.name !== "FunctionCall" && e.name !== "EvaluateScript")) return e.name;
      const file = d.url.split("/").pop();
      return e.name === "EvaluateScript" ? `${e.name} ${file}` : `${e.name} ${file} ${d.functionName || "(anonymous)"}:${d.lineNumber}`;
    };
    for (const e of xs) { if (e.ts + e.dur <= end) continue; const n = nameOf(e); sums[n] = (sums[n] ?? 0) + (e.tdur ?? e.dur) / 1000; sums.total = (sums.total ?? 0) + (e.tdur ?? e.dur) / 1000; end = e.ts + e.dur; }
    // Everything the page's main thread did while the page loaded (the page's own work included): whether a step of
    // the content script adds work or only brings forward what the browser does anyway (its first style and layout).
    sums["main thread, all tasks"] = tasks.filter((e) => main.has(e.tid)).reduce((sum, e) => sum + (e.tdur ?? e.dur) / 1000, 0);
    for (const [k, v] of Object.entries(sums)) (results[ext][k] ??= []).push(v);
  }
  await ctx.close(); fs.rmSync(dir, { recursive: true, force: true });
}
const med = (a) => { const s = [...a].sort((x, y) => x - y); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
for (const [b, r] of Object.entries(results)) console.log(path.basename(path.dirname(b)) + "/" + path.basename(b), Object.entries(r).sort(([, x], [, y]) => med(y) - med(x)).map(([k, v]) => `${k} ${med(v).toFixed(3)} (n${v.length})`).join(", "));
console.log("load", fs.readFileSync("/proc/loadavg", "utf8").trim());
server.close();
