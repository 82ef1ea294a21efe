// Run the model's tests inside Pyodide under Node: the same runtime the browser uses.
// Loads the project wheel and its dependencies (build/wheels) and pytest's wheels
// (build/pyodide-test-wheels), mounts tests/, and calls pytest.main. Exits with pytest's status.
import { readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const wheels = (dir) => readdirSync(join(root, dir)).filter((f) => f.endsWith(".whl")).map((f) => join(root, dir, f));

const pyodide = await loadPyodide();
await pyodide.loadPackage([...wheels("build/wheels"), ...wheels("build/pyodide-test-wheels")], { messageCallback: () => {} });
// loadPackage does not throw when a wheel fails to install: importing is the check.
pyodide.runPython("import playbook, pytest, markdown_it");
pyodide.FS.mkdir("/tests");
pyodide.mountNodeFS("/tests", join(root, "tests"));
const status = pyodide.runPython(`
import os, sys, pytest
os.chdir("/tests")
sys.path.insert(0, "/tests")
print(f"Python {sys.version.split()[0]} on {sys.platform}, playbook {playbook.__version__}")
int(pytest.main(["/tests", "-q", "-p", "no:cacheprovider", "--ignore=/tests/browser", "--ignore=/tests/pyodide",
                 "-m", "not browser and not host", "-W", "ignore::pytest.PytestConfigWarning"]))
`);
process.exit(status);
