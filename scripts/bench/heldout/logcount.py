# counting and grouping 100k kernel-log-like lines by string keys, then the busiest vports
events = ["link up", "link down", "state changed to active", "rate updated", "fw reset"]
lines = []
for i in range(100000):
    lines.append(f"[{100000 + i}.{i % 1000}] mlx5_core 0000:0{i % 4}:00.{i % 2}: vport {i // 3 % 293}: {events[i // 11 % 5]}")
bydev = {}
byevent = {}
vports = {}
for line in lines:
    parts = line.split(": ")
    dev = parts[0].split(" ")[2]
    ev = parts[2]
    bydev[dev] = bydev.get(dev, 0) + 1
    byevent[ev] = byevent.get(ev, 0) + 1
    key = f"{dev} {parts[1]}"
    if key not in vports:
        vports[key] = []
    vports[key].append(ev)
busiest = sorted(vports.keys(), key=lambda k: -len(vports[k]))
downs = 0
for e in vports[busiest[0]]:
    if e.endswith("down"):
        downs += 1
print(len(bydev), bydev["0000:01:00.1"], byevent["fw reset"], len(vports), busiest[0], len(vports[busiest[0]]), downs)
