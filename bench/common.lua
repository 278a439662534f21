-- bench/common.lua: what the wrk scripts of bench/ share.
--
-- wrk runs one Lua state per thread; run.sh starts wrk with as many threads as
-- connections (-t N -c N), so each state drives exactly one connection, one
-- request at a time. response() therefore always answers this state's last
-- request, which lets a connection create its own sessions first and then own
-- them: no other connection touches them, so no action is ever refused with
-- 409 for a request still in flight.
--
-- Requests are built from the current state without changing it, and the state
-- moves on only in response(): wrk calls request() once more than it sends (to
-- check the script), and that call must not skip a step.

local M = {}

M.config = '{"lifecycle":"app","iosVersion":"11.0"}'
M.json = { ["Content-Type"] = "application/json" }

-- The id of a created session. The C baseline answers every request with the
-- same document, which has no "id": make a stable one so its requests have the
-- same shape as the service's.
function M.session_id(body, n)
  return body:match('^{"id":"([^"]+)"') or string.format("00000000-0000-4000-8000-%012d", n)
end

-- Counts requests that only prepared the run (creating and launching sessions),
-- so done() can report the measured operation alone.
local threads = {}
function M.setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

function M.setup_requests()
  local n = 0
  for _, t in ipairs(threads) do n = n + (t:get("prepared") or 0) end
  return n
end

-- One line run.sh parses: requests, setup requests, non-2xx, socket errors,
-- p50/p99 latency (µs), duration (µs).
function M.done(summary, latency)
  local e = summary.errors
  io.write(string.format(
    "bench: requests %d setup %d non2xx %d socket %d p50us %d p99us %d duration_us %d\n",
    summary.requests, M.setup_requests(), e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99), summary.duration))
end

return M
