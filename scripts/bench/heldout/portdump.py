# parsing a `devlink port show` text dump (20k ports, 3 lines each) into records, indexed by netdev
states = ["active", "inactive"]
lines = []
for i in range(20000):
    lines.append(f"pci/0000:06:00.0/{32768 + i}: type eth netdev en6s0pf0sf{i} flavour pcisf controller 0 pfnum 0 sfnum {i} splittable false")
    lines.append("  function:")
    lines.append(f"    hw_addr 02:00:00:00:{i % 100}:{i % 7} state {states[i % 2]} opstate attached")
text = "\n".join(lines)
def pairs(rec, w, i):
    while i + 1 < len(w):
        rec[w[i]] = w[i + 1]
        i += 2
ports = []
cur = None
for line in text.split("\n"):
    w = line.split()
    if not line.startswith(" "):
        cur = {"handle": w[0][:-1]}
        ports.append(cur)
        pairs(cur, w, 1)
    elif len(w) > 1:
        pairs(cur, w, 0)
byname = {}
for p in ports:
    byname[p["netdev"]] = p
active = 0
total = 0
for i in range(100000):
    p = byname[f"en6s0pf0sf{(i * 7919) % 20000}"]
    if p["state"] == "active":
        active += 1
        total += int(p["sfnum"])
print(len(ports), active, total, byname["en6s0pf0sf123"]["hw_addr"], byname["en6s0pf0sf77"]["handle"])
