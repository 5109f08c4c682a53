-- wrk script: single-student readiness reads spread over the demo students.
local n = 0
request = function()
  n = n + 1
  local id = string.format("DEMO-%03d", (n % 30) + 1)
  return wrk.format("GET", "/api/students/" .. id .. "/readiness?standard=06.001")
end
