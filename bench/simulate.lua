-- bench/simulate.lua: POST /v1/simulate under load: a fresh iOS 11.0 app session,
-- launched, sent to the background and brought back, then dropped.
package.path = (os.getenv("BENCH_DIR") or "bench") .. "/?.lua;" .. package.path
local common = require("common")

wrk.method = "POST"
wrk.path = "/v1/simulate"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"session":' .. common.config .. ',"actions":[{"type":"launch"},{"type":"background"},{"type":"launch"}]}'
prepared = 0

setup = common.setup
done = common.done
