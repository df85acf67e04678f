# validating 30k SF specs with small helpers and early returns; errors counted by kind
hx = "0123456789abcdef"
def byte(b): return hx[b // 16] + hx[b % 16]
def hex2(s):
    if len(s) != 2: return False
    for c in s:
        if c not in hx: return False
    return True
def check_mac(mac):
    parts = mac.split(":")
    if len(parts) != 6: return f"mac: {len(parts)} groups"
    for p in parts:
        if not hex2(p): return "mac: bad group"
    return None
def check_name(n):
    if not n.startswith("en"): return "name: prefix"
    if len(n) > 15: return "name: too long"
    return None
def check_rate(r):
    if r["share"] < 0: return "rate: negative"
    if r["max"] != 0 and r["share"] > r["max"]: return "rate: share above max"
    return None
def check(r):
    e = check_name(r["netdev"])
    if e is None: e = check_mac(r["mac"])
    if e is None: e = check_rate(r)
    return e
counts = {"ok": 0}
for i in range(30000):
    name = f"en6s0pf0sf{i}"
    if i % 97 == 0: name = f"eth{i}"
    elif i % 89 == 0: name = name + "abcdef"
    mac = f"02:00:00:{byte(i // 256 % 256)}:{byte(i % 256)}:01"
    if i % 101 == 0: mac = f"02:00:00:{byte(i % 256)}:1"
    elif i % 103 == 0: mac = mac.replace("02", "0g")
    e = check({"netdev": name, "mac": mac, "share": i % 700 - 1, "max": i % 13 * 100})
    if e is None: e = "ok"
    counts[e] = counts.get(e, 0) + 1
for k in sorted(counts.keys()): print(k, counts[k])
