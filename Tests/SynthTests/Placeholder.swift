// SynthTests: written with the module.
