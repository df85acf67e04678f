print("dls: under construction")
