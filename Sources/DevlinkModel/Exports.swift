// Rate values in devlink's units are part of the model's vocabulary (`tx_share 1gbit`).
@_exported import RateUnits
