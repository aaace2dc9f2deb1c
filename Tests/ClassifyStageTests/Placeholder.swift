// ClassifyStageTests: written with the module.
