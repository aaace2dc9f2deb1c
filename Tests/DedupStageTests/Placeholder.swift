// DedupStageTests: written with the module.
