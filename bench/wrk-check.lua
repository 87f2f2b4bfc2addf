-- wrk script shared by the three modes, so wrk does the same work in each (the comparison stays fair).
-- Arguments after "--": EXPECT [SESSION_ID PROTOCOL_VERSION]
--   EXPECT            a substring every good response body must contain
--   SESSION_ID        when given, requests become MCP tools/call POSTs on that session
-- Every response is checked: status 2xx and body containing EXPECT (and, for MCP, no JSON-RPC error and
-- no "isError":true). done() prints one machine-readable line: BENCH key=value ...

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  expect = args[1] or ""
  good, non2xx, badbody = 0, 0, 0
  if args[2] and args[2] ~= "" then
    mcp = true
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
    wrk.headers["Accept"] = "application/json, text/event-stream"
    wrk.headers["Mcp-Session-Id"] = args[2]
    wrk.headers["MCP-Protocol-Version"] = args[3]
    wrk.body = '{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"api-managing-task-runs-each",'
      .. '"arguments":{"project_id":"42","task_id":"t1","id":"abc"}}}'
  end
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  elseif not body or not string.find(body, expect, 1, true)
      or (mcp and (string.find(body, '"error":', 1, true) or string.find(body, '"isError":true', 1, true))) then
    badbody = badbody + 1
  else
    good = good + 1
  end
end

function done(summary, latency, requests)
  local g, n, b = 0, 0, 0
  for _, t in ipairs(threads) do
    g = g + t:get("good")
    n = n + t:get("non2xx")
    b = b + t:get("badbody")
  end
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d good=%d non2xx=%d badbody=%d sock_connect=%d sock_read=%d sock_write=%d sock_timeout=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, g, n, b, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
