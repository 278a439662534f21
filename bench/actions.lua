-- bench/actions.lua: the action endpoint under load, on fresh launched sessions.
--
-- Each connection (one per wrk thread, see common.lua) first creates SESSIONS
-- app sessions (iOS 11.0; default 8) and launches each, then cycles through
-- them, sending {"type":"background"} to all, then {"type":"launch"} to all,
-- and so on: every action is allowed, so every answer is 200.
package.path = (os.getenv("BENCH_DIR") or "bench") .. "/?.lua;" .. package.path
local common = require("common")

local per_connection = tonumber(os.getenv("SESSIONS") or "8")
local ids, launched, current, phase = {}, 0, 1, 1
local create, launch_paths, bodies = nil, {}, { '{"type":"background"}', '{"type":"launch"}' }
prepared = 0

setup = common.setup
done = common.done

function init()
  create = wrk.format("POST", "/v1/sessions", common.json, common.config)
end

function request()
  if #ids < per_connection then return create end
  if launched < per_connection then
    return wrk.format("POST", launch_paths[launched + 1], common.json, bodies[2])
  end
  return wrk.format("POST", launch_paths[current], common.json, bodies[phase])
end

function response(status, headers, body)
  if #ids < per_connection then
    local id = common.session_id(body, thread_number * 1000000 + #ids)
    table.insert(ids, id)
    table.insert(launch_paths, "/v1/sessions/" .. id .. "/actions")
    prepared = prepared + 1
  elseif launched < per_connection then
    launched = launched + 1
    prepared = prepared + 1
  elseif current == per_connection then
    current, phase = 1, 3 - phase
  else
    current = current + 1
  end
end
