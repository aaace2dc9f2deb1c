// LoadStageTests: written with the module.
