local byint, bystr = {}, {}
for i = 0, 199999 do
  byint[i * 7] = i
  bystr["port" .. i] = i
end
local hits, sum = 0, 0
for i = 0, 999999 do
  local k = (i * 13) % 300000
  if byint[k] ~= nil then hits = hits + 1 end
  sum = sum + bystr["port" .. (i % 200000)]
end
print(hits, sum)
