// DevlinkEmulator: EmulatedSession lands next (issue 3).
