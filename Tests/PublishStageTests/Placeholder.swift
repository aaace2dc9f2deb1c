// PublishStageTests: written with the module.
