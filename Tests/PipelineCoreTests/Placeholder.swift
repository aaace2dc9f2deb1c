// PipelineCoreTests: written with the module.
