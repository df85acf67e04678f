// DevlinkModel: placeholder until its issue lands.
