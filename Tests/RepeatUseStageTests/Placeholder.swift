// RepeatUseStageTests: written with the module.
