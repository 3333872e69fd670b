#!/usr/bin/env python3
"""A tiny API for the example: answers every request with the method and headers it received, as JSON."""
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer


class EchoHeaders(BaseHTTPRequestHandler):
    def do_GET(self):
        received = {k.lower(): v for k, v in self.headers.items()}
        body = json.dumps(dict(received, method=self.command)).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.do_GET()

    do_DELETE = do_POST

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    HTTPServer(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 9000), EchoHeaders).serve_forever()
