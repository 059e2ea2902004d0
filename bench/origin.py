#!/usr/bin/env python3
"""A local origin for load and soak tests, on 127.0.0.1 only (stdlib, threaded):
  /page/<name>[?…]     a development page (any query string: a distinct URL, same page)
  /slow?ms=N[&…]       a small article page after N ms
  /status/<code>       an error answer
Usage: bench/origin.py PORT PAGES_DIR
"""
import http.server
import os
import sys
import time
import urllib.parse

PORT, PAGES = int(sys.argv[1]), sys.argv[2]
CACHE = {}
SLOW_PAGE = ("<html lang='vi'><head><title>Tin chậm</title></head><body><article><h1>Trang trả lời chậm "
             "của máy chủ gốc</h1>" + "<p>Sáng 12/3/2026, UBND TP Hà Nội tổ chức hội nghị về chuyển đổi số; "
             "ông Nguyễn Văn An, Giám đốc Sở, cho biết thành phố sẽ đầu tư 1.200 tỷ đồng.</p>" * 6
             + "</article></body></html>").encode()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, code, body, ctype="text/html; charset=utf-8"):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        u = urllib.parse.urlsplit(self.path)
        q = urllib.parse.parse_qs(u.query)
        if u.path.startswith("/page/"):
            name = os.path.basename(u.path[len("/page/"):])
            if name not in CACHE:
                try:
                    CACHE[name] = open(os.path.join(PAGES, name), "rb").read()
                except OSError:
                    return self.send(404, b"not found")
            return self.send(200, CACHE[name])
        if u.path == "/slow":
            time.sleep(int(q.get("ms", ["1000"])[0]) / 1000)
            return self.send(200, SLOW_PAGE)
        if u.path.startswith("/status/"):
            return self.send(int(u.path.rsplit("/", 1)[1]), b"<html><body>error</body></html>")
        self.send(404, b"not found")


http.server.ThreadingHTTPServer.daemon_threads = True
# A client that hangs up mid-answer (the load generator stopping) is not an error here.
http.server.ThreadingHTTPServer.handle_error = lambda self, request, address: None
http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
