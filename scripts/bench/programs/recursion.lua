local function depth(n)
  if n == 0 then return 0 end
  return 1 + depth(n - 1)
end
local total = 0
for i = 1, 300 do total = total + depth(5000) end
print(total)
