// DLS: placeholder until its issue lands.
