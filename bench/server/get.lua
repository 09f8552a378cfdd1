-- wrk script for the read endpoints: the request comes from the command line (URL, -H headers);
-- this only reports. Defines no response() so that wrk does not hand every body to Lua.
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local report = require("report")

function setup(thread) report.setup(thread) end
function done(summary, latency, requests) report.done(summary, latency, nil) end
