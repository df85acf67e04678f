// DevlinkEmulator: placeholder until its issue lands.
