-- bench/log.lua: GET /v1/sessions/{id}/callbacks under load (the log read, served
-- from the store on every GET).
--
-- Each connection (one per wrk thread, see common.lua) creates SESSIONS app
-- sessions (default 8), sends each launch, background and launch (launch, Home and
-- return: 25 callbacks on iOS 11.0), then reads their logs in turn.
package.path = (os.getenv("BENCH_DIR") or "bench") .. "/?.lua;" .. package.path
local common = require("common")

local per_connection = tonumber(os.getenv("SESSIONS") or "8")
local steps = { '{"type":"launch"}', '{"type":"background"}', '{"type":"launch"}' }
local paths, sent, current = {}, 0, 1
local create, reads = nil, {}
prepared = 0

setup = common.setup
done = common.done

function init()
  create = wrk.format("POST", "/v1/sessions", common.json, common.config)
end

function request()
  if #paths < per_connection then return create end
  if sent < per_connection * #steps then
    -- Every session's first step, then every session's second, and so on.
    local session = sent % per_connection + 1
    local step = math.floor(sent / per_connection) + 1
    return wrk.format("POST", paths[session] .. "/actions", common.json, steps[step])
  end
  return reads[current]
end

function response(status, headers, body)
  if #paths < per_connection then
    table.insert(paths, "/v1/sessions/" .. common.session_id(body, thread_number * 1000000 + #paths))
    prepared = prepared + 1
  elseif sent < per_connection * #steps then
    sent = sent + 1
    prepared = prepared + 1
    if sent == per_connection * #steps then
      for i, path in ipairs(paths) do reads[i] = wrk.format("GET", path .. "/callbacks") end
    end
  else
    current = current % per_connection + 1
  end
end
