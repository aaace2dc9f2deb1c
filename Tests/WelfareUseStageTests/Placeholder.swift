// WelfareUseStageTests: written with the module.
