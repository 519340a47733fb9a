-- wrk script for exback's benchmark. Reads its request from environment variables set by
-- scripts/bench.py: BENCH_METHOD, BENCH_PATH, BENCH_COOKIE, BENCH_BODY, BENCH_CSRF and
-- BENCH_TOKEN_FIELD (a form field that gets a fresh random value per request, so a
-- duplicate-submit guard sees each POST as new). Prints one JSON line when done.
local method = os.getenv("BENCH_METHOD") or "GET"
local path = os.getenv("BENCH_PATH") or "/"
local cookie = os.getenv("BENCH_COOKIE") or ""
local body = os.getenv("BENCH_BODY") or ""
local csrf = os.getenv("BENCH_CSRF") or ""
local token_field = os.getenv("BENCH_TOKEN_FIELD") or ""
local host = os.getenv("BENCH_HOST") or "127.0.0.1"

local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + (thread_id or 0) * 7919)
end

local function uuid()
  local template = "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"
  return (string.gsub(template, "[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end

function request()
  local headers = { ["Cookie"] = cookie, ["Host"] = host }
  if method == "POST" then
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    headers["X-CSRFToken"] = csrf
    headers["Referer"] = "http://" .. host .. path
    local payload = body
    if token_field ~= "" then
      payload = payload .. "&" .. token_field .. "=" .. uuid()
    end
    return wrk.format("POST", path, headers, payload)
  end
  return wrk.format("GET", path, headers)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "bytes": %d, "p50_us": %d, "p95_us": %d, ' ..
    '"p99_us": %d, "max_us": %d, "errors": {"connect": %d, "read": %d, "write": %d, ' ..
    '"status": %d, "timeout": %d}}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
