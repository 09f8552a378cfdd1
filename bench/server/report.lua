-- Shared by get.lua and put.lua: wrk's done() prints one line, "BENCH_JSON {...}", that run
-- parses (requests a second, latency percentiles in milliseconds, non-2xx answers, socket errors).
local M = {}

M.threads = {}

function M.setup(thread)
  table.insert(M.threads, thread)
  thread:set("tid", #M.threads)
end

-- counted: a function returning the non-2xx count and the 412 count, or nil to use wrk's own
-- count of answers with a status of 400 or more.
function M.done(summary, latency, counted)
  local e = summary.errors
  local non2xx, conflicts = e.status, 0
  if counted then non2xx, conflicts = counted() end
  local seconds = summary.duration / 1e6
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"seconds":%.3f,"rps":%.1f,"bytes":%d,' ..
    '"p50_ms":%.3f,"p90_ms":%.3f,"p95_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,' ..
    '"non2xx":%d,"conflicts":%d,"socket_errors":%d}\n',
    summary.requests, seconds, summary.requests / seconds, summary.bytes,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    non2xx, conflicts, e.connect + e.read + e.write + e.timeout))
end

return M
