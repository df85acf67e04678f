local total = 0
local counts = {}
for i = 0, 999 do counts[i] = 0 end
for i = 0, 2999999 do
  total = total + (i * 3 + 7) % 11
  counts[i % 1000] = counts[i % 1000] + 1
end
local n = 0
for _ in pairs(counts) do n = n + 1 end
print(total, n)
