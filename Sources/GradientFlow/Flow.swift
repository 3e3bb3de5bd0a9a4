import Networks
