local function map(t, f) local r = {} for i = 1, #t do r[i] = f(t[i]) end return r end
local function filter(t, f) local r = {} for i = 1, #t do if f(t[i]) then r[#r + 1] = t[i] end end return r end
local function sortkey(t, f)
  local keyed = {}
  for i = 1, #t do keyed[i] = {f(t[i]), i, t[i]} end
  table.sort(keyed, function(a, b) if a[1] ~= b[1] then return a[1] < b[1] end return a[2] < b[2] end)
  local r = {} for i = 1, #keyed do r[i] = keyed[i][3] end return r
end
local xs = {} for i = 0, 299999 do xs[#xs + 1] = i end
local offset = 7
local ys = map(xs, function(x) return (x * 7919 + offset) % 100003 end)
local evens = filter(ys, function(y) return y % 2 == 0 end)
local s = sortkey(evens, function(y) return -y end)
print(#evens, s[1], s[#s])
