// DevlinkCommands: placeholder until its issue lands.
