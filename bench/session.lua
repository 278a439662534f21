-- bench/session.lua: GET /v1/sessions/{id} under load.
--
-- Each connection (one per wrk thread, see common.lua) creates SESSIONS app
-- sessions (default 8) and launches each, then reads them in turn.
package.path = (os.getenv("BENCH_DIR") or "bench") .. "/?.lua;" .. package.path
local common = require("common")

local per_connection = tonumber(os.getenv("SESSIONS") or "8")
local paths, launched, current = {}, 0, 1
local create, reads = nil, {}
prepared = 0

setup = common.setup
done = common.done

function init()
  create = wrk.format("POST", "/v1/sessions", common.json, common.config)
end

function request()
  if #paths < per_connection then return create end
  if launched < per_connection then
    return wrk.format("POST", paths[launched + 1] .. "/actions", common.json, '{"type":"launch"}')
  end
  return reads[current]
end

function response(status, headers, body)
  if #paths < per_connection then
    table.insert(paths, "/v1/sessions/" .. common.session_id(body, thread_number * 1000000 + #paths))
    prepared = prepared + 1
  elseif launched < per_connection then
    launched = launched + 1
    prepared = prepared + 1
    if launched == per_connection then
      for i, path in ipairs(paths) do reads[i] = wrk.format("GET", path) end
    end
  else
    current = current % per_connection + 1
  end
end
