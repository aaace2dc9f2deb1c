// PipelineRunnerTests: written with the module.
