"""Serve the built site on 127.0.0.1 with the content types Pyodide needs (.mjs, .wasm).

    python scripts/serve.py [--port 8000] [site]

Also used by the browser tests and the benchmark, which start it on a free port.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlparse

TYPES = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
         ".json": "application/json", ".md": "text/markdown; charset=utf-8", ".zip": "application/zip"}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def log_message(self, format, *args):  # quiet; errors still reach stderr through log_error
        pass


def site_port(mkdocs_yml: Path | str) -> int:
    """The port of site_url in mkdocs.yml: the one port where Material's instant navigation works."""
    for line in Path(mkdocs_yml).read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            return urlparse(line.split(":", 1)[1].strip()).port or 80
    raise ValueError(f"{mkdocs_yml} sets no site_url")


def start(directory: Path | str, port: int = 0) -> http.server.ThreadingHTTPServer:
    """Serve directory in a background thread; port 0 picks a free port (see server.server_port)."""
    handler = functools.partial(Handler, directory=str(directory))
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("directory", nargs="?", default="site")
    args = parser.parse_args()
    handler = functools.partial(Handler, directory=args.directory)
    with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as server:
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
