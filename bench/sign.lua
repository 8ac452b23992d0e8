-- wrk: every request signs the Joint Call with a new address (see bench/signatures.py).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  token = os.getenv("CSRF_TOKEN")
  cookie = os.getenv("CSRF_COOKIE")
  prefix = os.getenv("RUN_ID") .. "-" .. id
  counter = 0
end

function request()
  counter = counter + 1
  local body = "csrfmiddlewaretoken=" .. token
    .. "&kind=individual&name=Bench+Signer&country=BE&consent=on"
    .. "&email=bench-" .. prefix .. "-" .. counter .. "%40example.eu"
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "csrftoken=" .. cookie,
  }, body)
end
