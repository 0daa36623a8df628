#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""A Debian mirror on 127.0.0.1 for tests/fetch/run: serves ROOT, logs each
request's path and status, and answers 503 to the first FAILS requests for
a path ending in FLAKY. Writes its port to PORTFILE once it listens."""
import argparse
import http.server
import os
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("portfile")
    ap.add_argument("log")
    ap.add_argument("--flaky", default="")
    ap.add_argument("--fails", type=int, default=0)
    ap.add_argument("--port", type=int, default=0)
    args = ap.parse_args()
    failed = {}

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=args.root, **kw)

        def do_GET(self):
            path = self.path.split("?")[0]
            if args.flaky and path.endswith(args.flaky) and failed.get(path, 0) < args.fails:
                failed[path] = failed.get(path, 0) + 1
                self.send_error(503, "Service Unavailable")
                return
            super().do_GET()

        def log_request(self, code="-", size="-"):
            with open(args.log, "a") as log:
                log.write(f"{self.command} {self.path} {int(code)}\n")

        def log_message(self, *a):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    tmp = args.portfile + ".tmp"
    with open(tmp, "w") as f:
        f.write(f"{server.server_address[1]}\n")
    os.rename(tmp, args.portfile)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
