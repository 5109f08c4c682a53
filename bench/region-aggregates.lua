-- wrk: employer aggregate queries over the region: the profile aggregate (whole region or one
-- college) and one ТФ's aggregate, in turn. Env: WORKREADY_API_KEY (sent as X-API-Key when set).
local key = os.getenv("WORKREADY_API_KEY")
if key and key ~= "" then wrk.headers["X-API-Key"] = key end
local region = "%D0%A0%D0%B5%D0%B3%D0%B8%D0%BE%D0%BD-%D0%B1%D0%B5%D0%BD%D1%87" -- Регион-бенч
local functions = {"A/01.3", "A/02.3", "A/03.3", "A/04.3", "A/05.3"}
local n = 0
math.randomseed(os.time())
request = function()
  n = n + 1
  local k = n % 3
  if k == 0 then
    return wrk.format("GET", "/api/employers/DEMO-SOFT/profiles/JUNIOR-DEV/readiness?region=" .. region)
  elseif k == 1 then
    return wrk.format("GET", string.format("/api/employers/DEMO-SOFT/profiles/JUNIOR-DEV/readiness?college=RB%02d",
      math.random(1, 50)))
  end
  return wrk.format("GET", "/api/functions/readiness?standard=06.001&function=" .. functions[math.random(1, 5)]
    .. "&region=" .. region)
end
