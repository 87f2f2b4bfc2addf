#!/usr/bin/env python3
"""Soak test helpers (bench/soak.sh): a fault-injecting upstream and a mixed REST + MCP traffic driver.

  soak_tools.py upstream PORT
      Answers /api/projects/*/tasks/*/runs/<id>/ by the run id: ok-* -> 200 JSON, s503 -> 503,
      drop -> connection closed without an answer, slow -> answers after 3 s, big -> 11 MiB body,
      bad -> 200 with invalid JSON. 127.0.0.1 only.

  soak_tools.py drive REST_PORT MCP_URL SECONDS RATE OUT_JSON
      Sends RATE requests per second for SECONDS (mixed REST and MCP, ~10% faults), checks each
      answer against the exact outcome expected for its kind and writes counts to OUT_JSON.
"""
import http.client
import http.server
import json
import random
import socketserver
import sys
import threading
import time

RUNS = "/api/projects/42/tasks/t1/runs/"
BIG = b"[" + b"1," * (11 * 512 * 1024) + b"1]"


class Upstream(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        run = self.path.split("?")[0].rstrip("/").split("/")[-1]
        if run == "drop":
            self.close_connection = True
            self.connection.close()
            return
        if run == "slow":
            time.sleep(3)
        if run == "s503":
            return self.answer(503, b'{"detail":"busy"}')
        if run == "big":
            return self.answer(200, BIG)
        if run == "bad":
            return self.answer(200, b'{"id": "bad", ')
        return self.answer(200, json.dumps({"id": run, "status": "queued"}).encode())

    def answer(self, status, body):
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 1024  # the default backlog of 5 drops connections under bursts


# kind -> (weight, REST check, MCP check); checks return None when the answer is the expected one
def problem(types):
    def check(status, body):
        if status == 200 and "ok" in types:
            return None
        try:
            t = json.loads(body).get("type", "")
        except ValueError:
            return "status %d, body not a problem" % status
        slug = t.rsplit("/", 1)[-1]
        return None if slug in types else "status %d type %s" % (status, slug)
    return check


REST = {
    "ok": lambda s, b: None if s == 200 and b.startswith('{"id": "ok') else problem({"upstream-unavailable"})(s, b),
    "s503": lambda s, b: None if s == 503 and b == '{"detail":"busy"}' else problem({"upstream-unavailable"})(s, b),
    "drop": problem({"upstream-protocol", "upstream-unavailable"}),
    "slow": problem({"upstream-timeout", "upstream-unavailable"}),
    "big": problem({"upstream-too-large", "upstream-unavailable"}),
    "bad": lambda s, b: None if s == 200 and b == '{"id": "bad", ' else problem({"upstream-unavailable"})(s, b),
}
MCP_TEXT = {
    "ok": (False, '{"id": "ok'),
    "s503": (True, "Upstream returned HTTP 503"),
    "drop": (True, "Upstream Protocol Error"),
    "slow": (True, "Upstream Timeout"),
    "big": (True, "Upstream Response Too Large"),
    "bad": (False, '{"id": "bad", '),
}
WEIGHTS = [("ok", 90), ("s503", 3), ("drop", 2), ("slow", 1), ("big", 1), ("bad", 3)]


def pick(rnd):
    n = rnd.randrange(sum(w for _, w in WEIGHTS))
    for kind, w in WEIGHTS:
        if n < w:
            return kind
        n -= w
    return "ok"


class Driver:
    def __init__(self, rest_port, mcp_url):
        self.rest_port = rest_port
        host_port, self.mcp_path = mcp_url.split("//", 1)[1].split("/", 1)
        self.mcp_path = "/" + self.mcp_path
        self.mcp_port = int(host_port.split(":")[1])
        self.lock = threading.Lock()
        self.counts = {"sent": 0, "expected": 0, "shed": 0, "unexpected": 0}
        self.samples = []
        self.session = self.initialize()

    def mcp_post(self, body, session=None):
        c = http.client.HTTPConnection("127.0.0.1", self.mcp_port, timeout=30)
        headers = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream"}
        if session:
            headers["Mcp-Session-Id"] = session
            headers["MCP-Protocol-Version"] = "2025-06-18"
        c.request("POST", self.mcp_path, json.dumps(body), headers)
        r = c.getresponse()
        data = r.read().decode("utf-8", "replace")
        sid = r.getheader("Mcp-Session-Id")
        c.close()
        return r.status, data, sid

    def initialize(self):
        status, data, sid = self.mcp_post({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
            "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "soak", "version": "1"}}})
        if status != 200 or not sid:
            raise SystemExit("MCP initialize failed: %d %s" % (status, data))
        self.mcp_post({"jsonrpc": "2.0", "method": "notifications/initialized"}, sid)
        return sid

    def one(self, rnd, i):
        kind = pick(rnd)
        run = "ok-%d" % i if kind == "ok" else kind
        try:
            if i % 2 == 0:
                c = http.client.HTTPConnection("127.0.0.1", self.rest_port, timeout=30)
                c.request("GET", "/v1" + RUNS + run)
                r = c.getresponse()
                body = r.read().decode("utf-8", "replace")
                c.close()
                wrong = REST[kind](r.status, body)
                shed = wrong is None and r.status == 503 and "upstream-unavailable" in body
            else:
                status, data, _ = self.mcp_post({"jsonrpc": "2.0", "id": i, "method": "tools/call", "params": {
                    "name": "api-managing-task-runs-each", "arguments": {"project_id": "42", "task_id": "t1", "id": run}}},
                    self.session)
                reply = json.loads(data) if status == 200 else {}
                result = reply.get("result", {})
                text = (result.get("content") or [{}])[0].get("text", "")
                is_error, prefix = MCP_TEXT[kind]
                shed = result.get("isError") is True and text.startswith("Upstream Unavailable")
                wrong = None if shed or (status == 200 and result.get("isError") is is_error and text.startswith(prefix)) \
                    else "MCP %s: %d %s" % (kind, status, data[:200])
        except Exception as e:  # a broken connection to naftiko itself is always unexpected
            wrong, shed = "%s: %s" % (kind, e), False
        with self.lock:
            self.counts["sent"] += 1
            if wrong:
                self.counts["unexpected"] += 1
                if len(self.samples) < 10:
                    self.samples.append(wrong)
            elif shed:
                self.counts["shed"] += 1
            else:
                self.counts["expected"] += 1

    def run(self, seconds, rate):
        rnd = random.Random(9)
        pool = []
        start = time.time()
        i = 0
        while time.time() - start < seconds:
            i += 1
            t = threading.Thread(target=self.one, args=(random.Random(rnd.random()), i), daemon=True)
            t.start()
            pool.append(t)
            pool = [p for p in pool if p.is_alive()]
            time.sleep(max(0.0, start + i / rate - time.time()))
        for t in pool:
            t.join(60)
        return dict(self.counts, samples=self.samples)


def main():
    if sys.argv[1] == "upstream":
        Server(("127.0.0.1", int(sys.argv[2])), Upstream).serve_forever()
    elif sys.argv[1] == "drive":
        rest_port, mcp_url, seconds, rate, out = sys.argv[2:7]
        result = Driver(int(rest_port), mcp_url).run(float(seconds), float(rate))
        with open(out, "w") as f:
            json.dump(result, f)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
