-- wrk script for versioned PUTs of records named by a key: PREFIX/{key} with If-Match.
--
-- wrk ... -s put_keyed.lua URL -- PREFIX KEYS_FILE THREADS BODY_FIELD KEY_FIELD
-- KEYS_FILE has a line "KEY ETAG" for each record (ETag with its quotes, as the server sends it).
-- As put.lua does for nodes: thread i of n updates every n-th record in turn, never one record
-- twice at once, each PUT with the record's latest ETag (from the 200, or the 412's answer), so a
-- non-2xx answer is the server's doing. The body sets BODY_FIELD (a text field) to a new value
-- each time; KEY_FIELD is the answer's field that names the record ("ref" of a risk, "control"
-- of an SoA row).
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local report = require("report")

function setup(thread) report.setup(thread) end

local keys, etags = {}, {}
local next_index, sent = 1, 0
local prefix, field, key_pattern
local headers = {}
non2xx, conflicts = 0, 0

function init(args)
  prefix, field = args[1], args[4]
  local file, nthreads = args[2], tonumber(args[3] or "2")
  key_pattern = '"' .. args[5] .. '":"(.-)"'
  for k, v in pairs(wrk.headers) do headers[k] = v end
  headers["Content-Type"] = "application/json"
  local i = 0
  for line in io.lines(file) do
    local key, etag = line:match("^(%S+)%s+(%S+)$")
    if key then
      if i % nthreads == (tid - 1) then
        table.insert(keys, key)
        etags[key] = etag
      end
      i = i + 1
    end
  end
  if #keys == 0 then error("put_keyed.lua: no keys for thread " .. tid .. " in " .. file) end
end

local pending = {}

function request()
  local key
  for _ = 1, #keys do
    key = keys[next_index]
    next_index = next_index % #keys + 1
    if not pending[key] or sent - pending[key] > 1000 then break end
  end
  sent = sent + 1
  pending[key] = sent
  headers["If-Match"] = etags[key]
  return wrk.format("PUT", prefix .. key, headers,
                    '{"' .. field .. '":"bench ' .. tid .. ' ' .. sent .. '"}')
end

function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
  if status == 412 then conflicts = conflicts + 1 end
  -- The first KEY_FIELD in the answer that names one of the records (a risk's controls have a
  -- "ref" of their own before the risk's).
  local key
  for k in body:gmatch(key_pattern) do
    if etags[k] then
      key = k
      break
    end
  end
  local etag = headers["ETag"] or headers["Etag"] or headers["etag"]
  if key then
    pending[key] = nil
    if etag then etags[key] = etag end
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
