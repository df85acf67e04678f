import json
ports = []
for i in range(50000):
    ports.append({"index": i, "flavour": "pcisf", "sfnum": i + 88, "active": i % 2 == 0, "netdev": f"en6s0pf0sf{i}"})
text = json.dumps({"ports": ports}, separators=(",", ":"))
print(len(text))
