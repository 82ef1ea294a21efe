// The Python runtime: Pyodide, self-hosted, in one module Web Worker.
// It boots at once, installs the playbook wheel and its pure-Python dependencies from this site,
// checks the imported versions, then answers each {id, op, payload} with exactly one reply.
import { loadPyodide } from "../pyodide/pyodide.mjs";

const WHEELS = new URL("../wheels/", import.meta.url);

const RUNTIME = ["pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"];

// Pyodide's loader waits for ever when a runtime file cannot be fetched, so check them first.
async function reachable(url) {
  const response = await fetch(url, { method: "HEAD" }).catch(() => null);
  if (!response || !response.ok) throw new Error(`cannot load ${url.pathname} from this site`);
}

async function boot() {
  const manifestResponse = await fetch(new URL("manifest.json", WHEELS)).catch(() => null);
  if (!manifestResponse || !manifestResponse.ok) throw new Error("cannot load the wheel manifest from this site");
  const manifest = await manifestResponse.json();
  await Promise.all([
    ...RUNTIME.map((name) => reachable(new URL(`../pyodide/${name}`, import.meta.url))),
    ...manifest.wheels.map((name) => reachable(new URL(name, WHEELS))),
  ]);
  const pyodide = await loadPyodide({ indexURL: new URL("../pyodide/", import.meta.url).href });
  // loadPackage does not throw when a download fails, so the import and version check below is the test.
  await pyodide.loadPackage(manifest.wheels.map((name) => new URL(name, WHEELS).href), { messageCallback: () => {} });
  const api = pyodide.pyimport("playbook.api");
  const info = JSON.parse(api.handle(JSON.stringify({ id: 0, op: "info" })));
  if (!info.ok) throw new Error(`the playbook package did not load: ${info.error.message}`);
  if (info.result.version !== manifest.version) {
    throw new Error(`loaded playbook ${info.result.version}, expected ${manifest.version}`);
  }
  // Read and check the content now, once any waiting request has been answered, rather than in the
  // user's first generate (about half a second in the browser).
  setTimeout(() => api.handle(JSON.stringify({ id: -1, op: "warm" })), 0);
  return api;
}

const ready = boot();

self.onmessage = async (event) => {
  const message = event.data;
  try {
    const api = await ready;
    self.postMessage(JSON.parse(api.handle(JSON.stringify(message))));
  } catch (error) {
    self.postMessage({ id: message.id, ok: false, error: { type: error.name || "Error", message: String(error.message || error) } });
  }
};
