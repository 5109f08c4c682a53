-- wrk: single-student readiness reads spread at random over the region's students R000001..
-- Env: REGION_STUDENTS (default 100000), WORKREADY_API_KEY (sent as X-API-Key when set).
local n = tonumber(os.getenv("REGION_STUDENTS") or "100000")
local key = os.getenv("WORKREADY_API_KEY")
if key and key ~= "" then wrk.headers["X-API-Key"] = key end
math.randomseed(os.time())
request = function()
  return wrk.format("GET", string.format("/api/students/R%06d/readiness?standard=06.001", math.random(1, n)))
end
