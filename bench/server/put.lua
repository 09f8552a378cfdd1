-- wrk script for the node update: PUT /api/v1/profiles/{id}/nodes/{node} with If-Match.
--
-- wrk ... -s put.lua URL -- PROFILE NODES_FILE THREADS
-- NODES_FILE has a line "NODE ETAG" for each subcategory of the profile (ETag with its quotes, as
-- the server sends it). Thread i of n updates every n-th node, in turn, skipping a node whose
-- previous PUT is unanswered, so a node is never in flight twice; each answer (200, or 412 with the
-- current version) carries the node's new ETag, which the next PUT of that node sends. Every PUT
-- sets the level (alternately 2 and 3). A 412 therefore means the server lost or misreported a
-- version, never a race between the benchmark's own connections.
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local report = require("report")

function setup(thread) report.setup(thread) end

local nodes, etags = {}, {}
local next_index, sent = 1, 0
local path_prefix
local headers = {}  -- wrk.format with a table of headers drops the -H ones: copied in here
non2xx, conflicts = 0, 0  -- globals, read by done() through thread:get

function init(args)
  local profile, file = args[1], args[2]
  path_prefix = "/api/v1/profiles/" .. profile .. "/nodes/"
  local nthreads = tonumber(args[3] or "2")
  for k, v in pairs(wrk.headers) do headers[k] = v end
  headers["Content-Type"] = "application/json"
  local i = 0
  for line in io.lines(file) do
    local node, etag = line:match("^(%S+)%s+(%S+)$")
    if node then
      if i % nthreads == (tid - 1) then
        table.insert(nodes, node)
        etags[node] = etag
      end
      i = i + 1
    end
  end
  if #nodes == 0 then error("put.lua: no nodes for thread " .. tid .. " in " .. file) end
end

-- A node whose PUT is still unanswered is skipped (its next PUT would carry a stale ETag), unless
-- 1,000 requests went out since (its answer is taken as lost).
local pending = {}

function request()
  local node
  for _ = 1, #nodes do
    node = nodes[next_index]
    next_index = next_index % #nodes + 1
    if not pending[node] or sent - pending[node] > 1000 then break end
  end
  sent = sent + 1
  pending[node] = sent
  headers["If-Match"] = etags[node]
  return wrk.format("PUT", path_prefix .. node, headers, '{"level":' .. (2 + sent % 2) .. '}')
end

function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
  if status == 412 then conflicts = conflicts + 1 end
  local node = body:match('"node":"(.-)"')
  local etag = headers["ETag"] or headers["Etag"] or headers["etag"]
  if node and etags[node] then
    pending[node] = nil
    if etag then etags[node] = etag end
  end
end

function done(summary, latency, requests)
  report.done(summary, latency, function()
    local n, c = 0, 0
    for _, t in ipairs(report.threads) do
      n = n + t:get("non2xx")
      c = c + t:get("conflicts")
    end
    return n, c
  end)
end
