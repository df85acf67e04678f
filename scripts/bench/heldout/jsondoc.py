# a nested JSON document (devices > pfs > ports with function and rate maps) from 30k records, read back
import json
devs = {}
for i in range(30000):
    dev = f"pci/0000:0{i % 3}:00.0"
    pf = f"pf{i % 2}"
    if dev not in devs:
        devs[dev] = {"name": dev, "pfs": {}}
    pfs = devs[dev]["pfs"]
    if pf not in pfs:
        pfs[pf] = {"ports": [], "count": 0}
    p = pfs[pf]
    p["ports"].append({"index": 32768 + i, "netdev": f"en{i}", "splittable": False,
        "function": {"hw_addr": f"02:00:00:00:{i % 100}:01", "state": "active", "opstate": "attached"},
        "rate": {"tx_share": i % 1000, "tx_max": None}})
    p["count"] += 1
text = json.dumps({"devices": list(devs.values())}, separators=(",", ":"))
doc = json.loads(text)
total = 0
attached = 0
for d in doc["devices"]:
    for name, pf in d["pfs"].items():
        for port in pf["ports"]:
            total += port["rate"]["tx_share"]
            if port["function"]["opstate"] == "attached":
                attached += 1
print(len(text), total, attached, doc["devices"][1]["pfs"]["pf1"]["count"])
