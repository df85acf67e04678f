// DLSRepl: placeholder until its issue lands.
