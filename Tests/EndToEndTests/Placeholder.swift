// EndToEndTests: written with the module.
