names = []
for i in range(200000):
    names.append(f"sf{(i * 7919) % 200003}")
s = sorted(names)
recs = []
for i in range(100000):
    recs.append({"id": i, "w": (i * 31337) % 1009})
r = sorted(recs, key=lambda x: x["w"])
print(s[0], s[-1], r[0]["id"], r[-1]["id"])
