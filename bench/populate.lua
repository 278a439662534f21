-- bench/populate.lua: fills the store for the memory measurement.
--
-- Each connection (one per wrk thread, see common.lua) creates COUNT app sessions
-- and launches each, one request at a time, then writes a line to the file
-- DONE_FILE and idles. run.sh stops wrk once every connection has written it.
package.path = (os.getenv("BENCH_DIR") or "bench") .. "/?.lua;" .. package.path
local common = require("common")

local count = tonumber(os.getenv("COUNT") or "1000")
local created, launched, failed, path = 0, 0, 0, nil
local create, idle = nil, nil
prepared = 0

setup = common.setup
done = common.done

function init()
  create = wrk.format("POST", "/v1/sessions", common.json, common.config)
  idle = wrk.format("GET", "/healthz")
end

function request()
  if path then return wrk.format("POST", path, common.json, '{"type":"launch"}') end
  if created < count then return create end
  return idle
end

function response(status, headers, body)
  if status >= 300 then failed = failed + 1 end
  if path then
    path, launched = nil, launched + 1
    if launched == count then
      local f = io.open(os.getenv("DONE_FILE"), "a")
      f:write(string.format("%d %d\n", launched, failed))
      f:close()
    end
  elseif created < count then
    created = created + 1
    path = "/v1/sessions/" .. common.session_id(body, created) .. "/actions"
  end
end
